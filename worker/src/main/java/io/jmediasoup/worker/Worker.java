package io.jmediasoup.worker;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.ChannelEndpoint;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.PayloadChannelEndpoint;
import io.jmediasoup.channel.PayloadNotification;
import io.jmediasoup.channel.Request;
import io.jmediasoup.worker.rtc.Internal;
import io.jmediasoup.worker.rtc.Router;
import io.jmediasoup.worker.rtc.Shared;
import io.netty.buffer.ByteBuf;
import java.util.LinkedHashMap;
import java.util.Map;

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

    private final long pid;
    private final Settings settings;
    private final Logger logger;
    private final Shared shared;
    private final CloseListener closeListener;
    private final Map<String, Router> routers = new LinkedHashMap<>();
    private ChannelEndpoint channel;
    private PayloadChannelEndpoint payloadChannel;
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
        shared.attach(channel, payloadChannel);
        logConfiguration();
        channel.notify(Long.toString(pid), "running", null);
    }

    @Override
    public void onRequest(Request request) {
        switch (request.method()) {
            case "worker.close":
                close();
                break;
            case "worker.dump":
                request.accept(dump());
                break;
            case "worker.getResourceUsage":
                request.accept(ResourceUsage.snapshot());
                break;
            case "worker.updateSettings":
                settings.update(request.data());
                logConfiguration();
                request.accept();
                break;
            case "worker.createRouter":
                createRouter(request);
                break;
            case "router.close":
                closeRouter(request);
                break;
            default:
                try {
                    router(request).handleRequest(request);
                } catch (MediasoupError error) {
                    throw error.withSuffix(" [method:" + request.method() + "]");
                }
        }
    }

    private void createRouter(Request request) {
        String routerId;
        try {
            routerId = Internal.id(request.internal(), "routerId");
            if (routers.containsKey(routerId)) {
                throw new MediasoupError("a Router with same routerId already exists");
            }
        } catch (MediasoupError error) {
            throw error.withSuffix(" [method:" + request.method() + "]");
        }
        routers.put(routerId, new Router(routerId, shared));
        request.accept();
    }

    private void closeRouter(Request request) {
        Router router;
        try {
            router = router(request);
        } catch (MediasoupError error) {
            throw error.withSuffix(" [method:" + request.method() + "]");
        }
        routers.remove(router.id());
        router.close();
        request.accept();
    }

    private Router router(Request request) {
        return router(request.internal());
    }

    private Router router(JsonObject internal) {
        Router router = routers.get(Internal.id(internal, "routerId"));
        if (router == null) {
            throw new MediasoupError("Router not found");
        }
        return router;
    }

    JsonObject dump() {
        JsonObject json = new JsonObject();
        json.addProperty("pid", pid);
        JsonArray routerIds = new JsonArray();
        routers.keySet().forEach(routerIds::add);
        json.add("routerIds", routerIds);
        return json;
    }

    @Override
    public void onNotification(PayloadNotification notification, ByteBuf payload) {
        router(notification.internal()).handleNotification(notification, payload);
    }

    @Override
    public void onRequest(Request request, ByteBuf payload) {
        try {
            router(request).handlePayloadRequest(request, payload);
        } catch (MediasoupError error) {
            throw error.withSuffix(" [method:" + request.method() + "]");
        }
    }

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
        logger.attach(null);
        shared.attach(null, null);
        if (channel != null) {
            channel.close();
            payloadChannel.close();
        }
        closeListener.onWorkerClosed();
    }

    private void logConfiguration() {
        for (String line : settings.describe()) {
            logger.debug(LogTag.INFO, "Settings", line);
        }
    }
}
