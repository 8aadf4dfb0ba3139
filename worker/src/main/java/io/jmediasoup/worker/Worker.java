package io.jmediasoup.worker;

import io.jmediasoup.channel.ChannelEndpoint;
import io.jmediasoup.channel.FbsChannelEndpoint;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupNotFoundError;
import io.jmediasoup.channel.PayloadChannelEndpoint;
import io.jmediasoup.channel.PayloadNotification;
import io.jmediasoup.channel.Request;
import io.jmediasoup.worker.codec.Codecs;
import io.jmediasoup.worker.codec.FbsEventSink;
import io.jmediasoup.worker.codec.JsonEventSink;
import io.jmediasoup.worker.codec.JsonNotificationCodec;
import io.jmediasoup.worker.codec.JsonRequestCodec;
import io.jmediasoup.worker.codec.JsonWorkerCodec;
import io.jmediasoup.worker.messages.ChannelNotification;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.WorkerRequest;
import io.jmediasoup.worker.messages.WorkerResponse;
import io.jmediasoup.worker.rtc.ChannelHandler;
import io.jmediasoup.worker.rtc.EntityIdError;
import io.jmediasoup.worker.rtc.Router;
import io.jmediasoup.worker.rtc.RouterExtensionLayout;
import io.jmediasoup.worker.rtc.Shared;
import io.jmediasoup.worker.rtc.StreamReports;
import io.jmediasoup.worker.rtc.WebRtcServer;
import io.netty.buffer.ByteBuf;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The root of the worker's state: it owns the routers and answers the worker.* requests;
 * every other request goes to the router named in its internal.routerId. All of it runs on
 * the event loop thread.
 */
final class Worker implements ChannelEndpoint.Listener, PayloadChannelEndpoint.Listener {
    /** Called once, when the worker has closed everything it owns. */
    interface CloseListener {
        void onWorkerClosed();
    }

    /** Set by scripts/mediasoup-worker: the class data prepared ahead of time it gave the JVM. */
    static final String LAUNCH_PROPERTY = "jmediasoup.launch";

    private final long pid;
    private final Settings settings;
    private final Logger logger;
    private final Shared shared;
    private final CloseListener closeListener;
    private final Map<String, Router> routers = new LinkedHashMap<>();
    private final Map<String, WebRtcServer> webRtcServers = new LinkedHashMap<>();
    private ChannelEndpoint channel;
    private PayloadChannelEndpoint payloadChannel;
    private FbsChannelEndpoint fbsChannel;
    private boolean closed;

    Worker(long pid, Shared shared, CloseListener closeListener) {
        this.pid = pid;
        this.settings = shared.settings();
        this.logger = shared.logger();
        this.shared = shared;
        this.closeListener = closeListener;
    }

    /** Attaches the open channels and tells the Node library that the worker runs. */
    void start(ChannelEndpoint channel, PayloadChannelEndpoint payloadChannel) {
        this.channel = channel;
        this.payloadChannel = payloadChannel;
        logger.attach(channel);
        shared.attach(new JsonEventSink(channel, payloadChannel));
        logRuntime();
        logConfiguration();
        channel.notify(Long.toString(pid), "running", null);
        shared.prepareDtlsCertificate();
    }

    /** Attaches mediasoup 3.32's open channel; its listener tells the Node library that the worker runs. */
    void start(FbsChannelEndpoint fbsChannel) {
        this.fbsChannel = fbsChannel;
        shared.handlers().requireUniqueIds();
        shared.useRouterExtensions(RouterExtensionLayout.MEDIASOUP_3_32);
        shared.sendStunReasonPhrases();
        shared.useStreamReports(StreamReports.MEDIASOUP_3_32);
        shared.startSequenceNumbersAtRandom();
        logger.attach(fbsChannel);
        shared.attach(new FbsEventSink(fbsChannel));
        logRuntime();
        logConfiguration();
        shared.prepareDtlsCertificate();
    }

    long pid() {
        return pid;
    }

    @Override
    public void onRequest(Request request) {
        WorkerRequest typed = JsonWorkerCodec.decode(request);
        if (typed != null) {
            WorkerResponse response;
            try {
                response = handle(typed);
            } catch (MediasoupError error) {
                throw JsonWorkerCodec.error(error, request.method());
            }
            request.accept(response == null ? null : JsonWorkerCodec.encode(response));
            return;
        }
        for (JsonRequestCodec codec : Codecs.JSON_REQUESTS) {
            if (answer(request, codec, () -> codec.decode(request))) {
                return;
            }
        }
        if (request.method().equals("worker.close")) {
            close();
            return;
        }
        throw new MediasoupError("unknown method '" + request.method() + "'");
    }

    /**
     * Answers a 3.8 request of an entity below the worker when it is of {@code codec}'s
     * family; false when it is not. As 3.8's C++ worker, it walks the request's ids (router,
     * transport, ...) down to its target, so the same id may name entities of two routers
     * (pipeToRouter keeps ids); the codec reads the request on the way.
     */
    private boolean answer(Request request, JsonRequestCodec codec, Supplier<ChannelRequest> decoder) {
        ChannelRequest channelRequest;
        ChannelResponse response;
        try {
            ChannelHandler parent = null;
            String parentId = null;
            for (JsonRequestCodec.Ancestor ancestor : codec.ancestors(request)) {
                parentId = ancestor.id(request.internal());
                parent = parent == null ? shared.handlers().requestHandler(parentId) : parent.child(parentId);
                if (parent == null) {
                    throw new MediasoupNotFoundError(ancestor.entity() + " not found");
                }
            }
            channelRequest = decoder.get();
            if (channelRequest == null) {
                return false;
            }
            ChannelHandler handler;
            if (parent == null) {
                handler = shared.handlers().requestHandler(channelRequest.handlerId());
            } else {
                handler = channelRequest.handlerId().equals(parentId) ? parent : parent.child(channelRequest.handlerId());
            }
            if (handler == null) {
                throw new MediasoupNotFoundError(codec.notFound(channelRequest));
            }
            try {
                response = handler.handle(channelRequest);
            } catch (MediasoupError error) {
                throw codec.error(channelRequest, error);
            }
        } catch (MediasoupError error) {
            throw JsonWorkerCodec.entityError(error, request.method());
        }
        request.accept(response == null ? null : codec.encode(response));
        return true;
    }

    /** The entity registered as {@code handlerId}, or null when there is none: each era words that miss. */
    ChannelHandler requestHandler(String handlerId) {
        return shared.handlers().requestHandler(handlerId);
    }

    /** The entity that takes {@code notification}, or null. */
    ChannelHandler notificationHandler(ChannelNotification notification) {
        return shared.handlers().notificationHandler(notification.handlerId());
    }

    /**
     * Answers a worker-level request of either era; null when the answer has no body. Fails
     * with the era-neutral error (a NotFoundError for a missing router), which each codec
     * words as its C++ worker does.
     */
    WorkerResponse handle(WorkerRequest request) {
        if (request instanceof WorkerRequest.Dump) {
            return new WorkerResponse.WorkerDump(pid, List.copyOf(webRtcServers.keySet()), List.copyOf(routers.keySet()),
                    shared.handlers().requestHandlerIds(), shared.handlers().notificationHandlerIds());
        }
        if (request instanceof WorkerRequest.GetResourceUsage) {
            return ResourceUsage.snapshot();
        }
        if (request instanceof WorkerRequest.UpdateSettings update) {
            settings.update(update);
            logConfiguration();
            return null;
        }
        if (request instanceof WorkerRequest.CreateRouter create) {
            if (routers.containsKey(create.routerId())) {
                throw EntityIdError.taken("Router", "routerId");
            }
            Router router = new Router(create.routerId(), shared);
            shared.handlers().register(router.id(), router, false);
            routers.put(router.id(), router);
            return null;
        }
        if (request instanceof WorkerRequest.CreateWebRtcServer create) {
            if (webRtcServers.containsKey(create.webRtcServerId())) {
                throw EntityIdError.taken("WebRtcServer", "webRtcServerId");
            }
            WebRtcServer server = new WebRtcServer(create.webRtcServerId(), shared, create.listenInfos());
            shared.handlers().register(server.id(), server, false);
            webRtcServers.put(server.id(), server);
            return null;
        }
        if (request instanceof WorkerRequest.CloseWebRtcServer close) {
            WebRtcServer server = webRtcServers.remove(close.webRtcServerId());
            if (server == null) {
                throw EntityIdError.missing("WebRtcServer");
            }
            server.close();
            return null;
        }
        if (request instanceof WorkerRequest.CloseRouter close) {
            Router router = router(close.routerId());
            routers.remove(router.id());
            router.close();
            return null;
        }
        return router(((WorkerRequest.DumpRouter) request).routerId()).dump();
    }

    private Router router(String routerId) {
        Router router = routers.get(routerId);
        if (router == null) {
            throw EntityIdError.missing("Router");
        }
        return router;
    }

    @Override
    public void onNotification(PayloadNotification notification, ByteBuf payload) {
        // As 3.8's C++ worker, which walks internal's ids from the router down.
        router(JsonRequestCodec.ROUTER.get(0).id(notification.internal()));
        for (JsonNotificationCodec codec : Codecs.JSON_NOTIFICATIONS) {
            ChannelNotification typed = codec.decode(notification, payload);
            if (typed != null) {
                ChannelHandler handler = notificationHandler(typed);
                if (handler == null) {
                    throw new MediasoupError("no entity with ID " + typed.handlerId() + " takes " + notification.event());
                }
                handler.handle(typed);
                return;
            }
        }
        throw new MediasoupError("unknown event '" + notification.event() + "'");
    }

    @Override
    public void onRequest(Request request, ByteBuf payload) {
        for (JsonRequestCodec codec : Codecs.JSON_REQUESTS) {
            if (answer(request, codec, () -> codec.decode(request, payload))) {
                return;
            }
        }
        throw new MediasoupError("unknown method '" + request.method() + "'");
    }

    /** Logs what a channel dropped, with the C++ worker's words. */
    @Override
    public void onMalformedMessage(String reason) {
        logger.error("Worker", reason);
    }

    @Override
    public void onClosed() {
        if (!closed) {
            logger.debug(LogTag.INFO, "Worker", "channel remotely closed, closing myself");
            close();
        }
    }

    /** Closes every router, then both channels; idempotent. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        routers.values().forEach(Router::close);
        routers.clear();
        webRtcServers.values().forEach(WebRtcServer::close);
        webRtcServers.clear();
        logger.attach(null);
        shared.attach(null);
        if (channel != null) {
            channel.close();
            payloadChannel.close();
        }
        if (fbsChannel != null) {
            fbsChannel.close();
        }
        closeListener.onWorkerClosed();
    }

    /** Which JVM runs the worker, and what scripts/mediasoup-worker gave it of class data prepared ahead of time. */
    private void logRuntime() {
        String launch = System.getProperty(LAUNCH_PROPERTY);
        logger.debug(LogTag.INFO, "Worker", "Java " + System.getProperty("java.runtime.version") + " at "
                + System.getProperty("java.home") + (launch == null ? "" : ", " + launch));
    }

    private void logConfiguration() {
        for (String line : settings.describe()) {
            logger.debug(LogTag.INFO, "Settings", line);
        }
    }
}
