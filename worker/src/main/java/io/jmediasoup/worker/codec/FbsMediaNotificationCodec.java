package io.jmediasoup.worker.codec;

import io.jmediasoup.channel.FbsNotification;
import io.jmediasoup.worker.messages.ChannelNotification;
import io.jmediasoup.worker.messages.MediaNotification;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;

/** mediasoup 3.32's PRODUCER_SEND (to the producer) and TRANSPORT_SEND_RTCP (to the transport). */
final class FbsMediaNotificationCodec implements FbsNotificationCodec {
    @Override
    public ChannelNotification decode(FbsNotification notification) {
        switch (notification.event()) {
            case FBS.Notification.Event.PRODUCER_SEND: {
                FBS.Producer.SendNotification body = notification.body(FBS.Notification.Body.Producer_SendNotification,
                        new FBS.Producer.SendNotification());
                return new MediaNotification.ProducerSend(notification.handlerId(), bytes(body.dataAsByteBuffer()));
            }
            case FBS.Notification.Event.TRANSPORT_SEND_RTCP: {
                FBS.Transport.SendRtcpNotification body = notification.body(
                        FBS.Notification.Body.Transport_SendRtcpNotification, new FBS.Transport.SendRtcpNotification());
                return new MediaNotification.SendRtcp(notification.handlerId(), bytes(body.dataAsByteBuffer()));
            }
            default:
                return null;
        }
    }

    /** The notification's data, lent as its buffer is; none given is no bytes. */
    private static ByteBuf bytes(ByteBuffer data) {
        return data != null ? Unpooled.wrappedBuffer(data) : Unpooled.EMPTY_BUFFER;
    }
}
