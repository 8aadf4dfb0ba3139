package io.jmediasoup.worker.codec;

import io.jmediasoup.channel.PayloadNotification;
import io.jmediasoup.worker.messages.ChannelNotification;
import io.jmediasoup.worker.messages.MediaNotification;
import io.netty.buffer.ByteBuf;

/** mediasoup 3.8's producer.send (to the producer) and transport.sendRtcp (to the transport) on the payload channel. */
final class JsonMediaNotificationCodec implements JsonNotificationCodec {
    @Override
    public ChannelNotification decode(PayloadNotification notification, ByteBuf payload) {
        switch (notification.event()) {
            case "producer.send":
                return new MediaNotification.ProducerSend(JsonMembers.id(notification.internal(), "producerId"), payload);
            case "transport.sendRtcp":
                return new MediaNotification.SendRtcp(JsonMembers.id(notification.internal(), "transportId"), payload);
            default:
                return null;
        }
    }
}
