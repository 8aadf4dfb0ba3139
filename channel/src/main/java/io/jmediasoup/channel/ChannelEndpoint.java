package io.jmediasoup.channel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;

/**
 * The channel: requests in on one socket (fd 3); responses, notifications and log lines out
 * on the other (fd 4). Every method runs on the worker's event loop.
 */
public final class ChannelEndpoint implements Responder, LogSink {
    /** What the worker does with the channel's traffic. */
    public interface Listener {
        /**
         * Handles a request. A {@link MediasoupError} thrown here answers the request with
         * it; the listener answers everything else itself.
         */
        void onRequest(Request request);

        /** A frame or message that could not be acted on was dropped. */
        void onMalformedMessage(String reason);

        /** The Node side closed the channel. */
        void onClosed();
    }

    private final FramedSocketPair sockets;
    private final Listener listener;

    public ChannelEndpoint(EventLoop loop, int readFd, int writeFd, Listener listener) {
        this.listener = listener;
        this.sockets = new FramedSocketPair(loop, readFd, writeFd, new FramedSocketPair.Listener() {
            @Override
            public void onFrame(ByteBuf payload) {
                handleFrame(payload);
            }

            @Override
            public void onMalformed(String reason) {
                listener.onMalformedMessage("channel: " + reason);
            }

            @Override
            public void onClosed() {
                listener.onClosed();
            }
        });
    }

    public void open() {
        sockets.open();
    }

    public void close() {
        sockets.close();
    }

    private void handleFrame(ByteBuf payload) {
        Request request;
        try {
            request = Request.parse(this, Json.parseObject(payload), ChannelMethods.CHANNEL);
        } catch (MalformedMessageException dropped) {
            listener.onMalformedMessage("channel: discarding request: " + dropped.getMessage());
            return;
        }
        dispatch(request, listener::onRequest, listener);
    }

    /** Runs a handler and makes sure the request is answered whatever happens in it. */
    static void dispatch(Request request, java.util.function.Consumer<Request> handler, Listener listener) {
        try {
            handler.accept(request);
        } catch (MediasoupError error) {
            if (!request.replied()) {
                request.error(error);
            }
        } catch (RuntimeException bug) {
            listener.onMalformedMessage("request failed [method:" + request.method() + "]: " + bug);
            if (!request.replied()) {
                request.error(new MediasoupError(String.valueOf(bug)));
            }
        }
    }

    @Override
    public void sendJson(JsonObject message) {
        send(message.toString());
    }

    /** Sends {@link #notification}. */
    public void notify(String targetId, String event, JsonElement data) {
        sendJson(notification(targetId, event, data));
    }

    /**
     * {@code {"targetId", "event"}}, or with {@code data} when it is not null: a notification
     * as both channels write it (the payload channel then sends its payload).
     */
    static JsonObject notification(String targetId, String event, JsonElement data) {
        JsonObject notification = new JsonObject();
        notification.addProperty("targetId", targetId);
        notification.addProperty("event", event);
        if (data != null) {
            notification.add("data", data);
        }
        return notification;
    }

    @Override
    public void log(char level, String text) {
        send(level + text);
    }

    private void send(String payload) {
        sockets.send(Netstring.encode(sockets.alloc(), payload));
    }
}
