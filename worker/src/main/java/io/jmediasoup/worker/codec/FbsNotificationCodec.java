package io.jmediasoup.worker.codec;

import io.jmediasoup.channel.FbsNotification;
import io.jmediasoup.worker.messages.ChannelNotification;

/** mediasoup 3.32's notifications of one family (PRODUCER_SEND, ...). */
public interface FbsNotificationCodec {
    /** The typed notification, or null when it is not of this family. Its bytes are lent: valid during dispatch only. */
    ChannelNotification decode(FbsNotification notification);
}
