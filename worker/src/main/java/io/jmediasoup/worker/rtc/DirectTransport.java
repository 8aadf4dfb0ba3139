package io.jmediasoup.worker.rtc;

import com.google.gson.JsonObject;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.PayloadNotification;
import io.netty.buffer.ByteBuf;
import io.jmediasoup.channel.Request;

/**
 * A transport with no network: RTP, RTCP and data messages travel over the payload channel
 * to and from the Node application (that traffic is issues 4 and 7).
 */
final class DirectTransport extends Transport {
    DirectTransport(String id, Shared shared, Listener listener, JsonObject data) {
        super(id, shared, listener, data);
    }

    /** Nothing to connect: the library does not even ask. */
    @Override
    protected void connect(Request request) {
        throw new MediasoupError("unknown method '" + request.method() + "'");
    }

    @Override
    void handleNotification(PayloadNotification notification, ByteBuf payload) {
        if (notification.event().equals("dataProducer.send")) {
            receiveMessage(notification.internal(), notification.data(), payload);
        } else {
            // producer.send and transport.sendRtcp carry RTP and RTCP: the media plane (issue 4).
            super.handleNotification(notification, payload);
        }
    }

    /** A direct data consumer's message goes to the Node application as a "message" notification. */
    @Override
    void sendMessage(DataConsumer dataConsumer, long ppid, ByteBuf message) {
        JsonObject data = new JsonObject();
        data.addProperty("ppid", ppid);
        shared.notify(dataConsumer.id, "message", data, message);
        dataSent(message.readableBytes());
    }

    @Override
    protected void fillDump(JsonObject json) {}

    @Override
    protected void fillStats(JsonObject json) {
        json.addProperty("type", "direct-transport");
    }

    @Override
    protected void closeSockets() {}
}
