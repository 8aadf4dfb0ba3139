package io.jmediasoup.worker.messages;

import io.netty.buffer.ByteBuf;
import java.util.List;

/** What the application gives a data producer. */
public interface DataProducerNotification extends ChannelNotification {
    /**
     * A message to deliver to the data producer's consumers, lent for the call. Only consumers
     * subscribed to one of {@code subchannels} (when not empty) and to {@code requiredSubchannel}
     * (when not null), and not to {@code ignoredSubchannel} (when not null), get it.
     */
    record Send(String handlerId, long ppid, ByteBuf message, List<Integer> subchannels, Integer requiredSubchannel,
            Integer ignoredSubchannel) implements DataProducerNotification {}
}
