package io.jmediasoup.worker.codec;

import io.jmediasoup.channel.PayloadNotification;
import io.jmediasoup.worker.messages.ChannelNotification;
import io.jmediasoup.worker.messages.TransportNotification;
import io.jmediasoup.worker.rtc.Internal;
import io.netty.buffer.ByteBuf;

/** mediasoup 3.8's transport.sendRtcp on the payload channel: the packet, by internal.transportId. */
final class JsonTransportNotificationCodec implements JsonNotificationCodec {
    @Override
    public ChannelNotification decode(PayloadNotification notification, ByteBuf payload) {
        if (!notification.event().equals("transport.sendRtcp")) {
            return null;
        }
        return new TransportNotification.SendRtcp(Internal.id(notification.internal(), "transportId"), payload);
    }
}
