package io.jmediasoup.worker.codec;

import io.jmediasoup.channel.FbsNotification;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.messages.ChannelNotification;
import io.jmediasoup.worker.messages.TransportNotification;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;

/** mediasoup 3.32's TRANSPORT_SEND_RTCP: an RTCP packet for a DirectTransport. */
final class FbsTransportNotificationCodec implements FbsNotificationCodec {
    @Override
    public ChannelNotification decode(FbsNotification notification) {
        if (notification.event() != FBS.Notification.Event.TRANSPORT_SEND_RTCP) {
            return null;
        }
        FBS.Transport.SendRtcpNotification body = notification.body(FBS.Notification.Body.Transport_SendRtcpNotification,
                new FBS.Transport.SendRtcpNotification());
        ByteBuffer data = body.dataAsByteBuffer();
        if (data == null) {
            throw new MediasoupTypeError("missing data");
        }
        return new TransportNotification.SendRtcp(notification.handlerId(), Unpooled.wrappedBuffer(data));
    }
}
