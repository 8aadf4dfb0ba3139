package io.jmediasoup.worker.codec;

import com.google.gson.JsonElement;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.channel.PayloadNotification;
import io.jmediasoup.worker.messages.ChannelNotification;
import io.jmediasoup.worker.messages.DataProducerNotification;
import io.netty.buffer.ByteBuf;
import java.util.List;

/** mediasoup 3.8's dataProducer.send on the payload channel: {ppid} and the message, by internal.dataProducerId. */
final class JsonDataProducerNotificationCodec implements JsonNotificationCodec {
    @Override
    public ChannelNotification decode(PayloadNotification notification, ByteBuf payload) {
        if (!notification.event().equals("dataProducer.send")) {
            return null;
        }
        JsonElement ppid = notification.data().get("ppid");
        if (!JsonValues.isPositiveInteger(ppid)) {
            throw new MediasoupTypeError("invalid ppid");
        }
        return new DataProducerNotification.Send(JsonMembers.id(notification.internal(), "dataProducerId"),
                ppid.getAsLong() & 0xFFFFFFFFL, payload, List.of(), null, null);
    }
}
