package io.jmediasoup.worker.codec;

import io.jmediasoup.channel.PayloadNotification;
import io.jmediasoup.worker.messages.ChannelNotification;
import io.netty.buffer.ByteBuf;

/** mediasoup 3.8's payload-channel notifications of one family (producer.send, ...). */
public interface JsonNotificationCodec {
    /** The typed notification, or null when it is not of this family; {@code payload} is lent for the call. */
    ChannelNotification decode(PayloadNotification notification, ByteBuf payload);
}
