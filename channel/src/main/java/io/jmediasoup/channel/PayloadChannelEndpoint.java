package io.jmediasoup.channel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;

/**
 * The payload channel: on fd 5, notifications and requests, each followed by a netstring
 * carrying its binary payload; on fd 6, notifications followed by their payload and plain
 * JSON responses. Every method runs on the worker's event loop.
 */
public final class PayloadChannelEndpoint implements Responder {
    /** What the worker does with the payload channel's traffic. */
    public interface Listener {
        /** {@code payload} is valid only during the call. */
        void onNotification(PayloadNotification notification, ByteBuf payload);

        /** {@code payload} is valid only during the call; a thrown MediasoupError answers. */
        void onRequest(Request request, ByteBuf payload);

        void onMalformedMessage(String reason);

        void onClosed();
    }

    private final FramedSocketPair sockets;
    private final Listener listener;
    /** The message whose payload frame comes next, or null when a JSON frame is expected. */
    private Object awaitingPayload;

    public PayloadChannelEndpoint(EventLoop loop, int readFd, int writeFd, Listener listener) {
        this.listener = listener;
        this.sockets = new FramedSocketPair(loop, readFd, writeFd, new FramedSocketPair.Listener() {
            @Override
            public void onFrame(ByteBuf payload) {
                handleFrame(payload);
            }

            @Override
            public void onMalformed(String reason) {
                awaitingPayload = null;
                listener.onMalformedMessage("payload channel: " + reason);
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

    private void handleFrame(ByteBuf frame) {
        Object message = awaitingPayload;
        if (message == null) {
            awaitingPayload = parseMessage(frame);
            return;
        }
        awaitingPayload = null;
        if (message instanceof Request) {
            ChannelEndpoint.dispatch((Request) message, request -> listener.onRequest(request, frame),
                    new ErrorOnlyListener());
        } else {
            try {
                listener.onNotification((PayloadNotification) message, frame);
            } catch (RuntimeException failed) {
                listener.onMalformedMessage("payload channel: notification failed: " + failed.getMessage());
            }
        }
    }

    private Object parseMessage(ByteBuf frame) {
        try {
            JsonObject json = Json.parseObject(frame);
            if (json.has("id")) {
                return Request.parse(this, json, ChannelMethods.PAYLOAD_REQUESTS);
            }
            return PayloadNotification.parse(json);
        } catch (MalformedMessageException dropped) {
            listener.onMalformedMessage("payload channel: discarding message: " + dropped.getMessage());
            return null;
        }
    }

    @Override
    public void sendJson(JsonObject message) {
        sockets.send(Netstring.encode(sockets.alloc(), message.toString()));
    }

    /** A notification followed by its payload; {@code payload} is not consumed nor released. */
    public void notify(String targetId, String event, JsonElement data, ByteBuf payload) {
        sendJson(ChannelEndpoint.notification(targetId, event, data));
        sockets.send(Netstring.encode(sockets.alloc(), payload));
    }

    /** Routes dispatch failures of payload requests to the malformed-message log. */
    private final class ErrorOnlyListener implements ChannelEndpoint.Listener {
        @Override
        public void onRequest(Request request) {}

        @Override
        public void onMalformedMessage(String reason) {
            listener.onMalformedMessage("payload channel: " + reason);
        }

        @Override
        public void onClosed() {}
    }
}
