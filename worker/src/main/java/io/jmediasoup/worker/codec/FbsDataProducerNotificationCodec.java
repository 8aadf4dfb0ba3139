package io.jmediasoup.worker.codec;

import io.jmediasoup.channel.FbsNotification;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.messages.ChannelNotification;
import io.jmediasoup.worker.messages.DataProducerNotification;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;

/** mediasoup 3.32's DATAPRODUCER_SEND: ppid, the message and the subchannels it is for. */
final class FbsDataProducerNotificationCodec implements FbsNotificationCodec {
    @Override
    public ChannelNotification decode(FbsNotification notification) {
        if (notification.event() != FBS.Notification.Event.DATAPRODUCER_SEND) {
            return null;
        }
        FBS.DataProducer.SendNotification body = notification.body(FBS.Notification.Body.DataProducer_SendNotification,
                new FBS.DataProducer.SendNotification());
        ByteBuffer data = body.dataAsByteBuffer();
        if (data == null) {
            throw new MediasoupTypeError("missing data");
        }
        return new DataProducerNotification.Send(notification.handlerId(), body.ppid(), Unpooled.wrappedBuffer(data),
                FbsDataFields.subchannels(body.subchannelsVector()),
                body.hasRequiredSubchannel() ? body.requiredSubchannel() : null,
                body.hasIgnoredSubchannel() ? body.ignoredSubchannel() : null);
    }
}
