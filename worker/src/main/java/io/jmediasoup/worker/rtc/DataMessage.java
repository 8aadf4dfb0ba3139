package io.jmediasoup.worker.rtc;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * A message on its way from a data producer to its consumers, with the subchannels it is
 * for (mediasoup 3.32's filter; empty and null for 3.8). The payload is lent.
 */
record DataMessage(long ppid, ByteBuf payload, List<Integer> subchannels, Integer requiredSubchannel,
        Integer ignoredSubchannel) {
    /** A message for every consumer. */
    static DataMessage unfiltered(long ppid, ByteBuf payload) {
        return new DataMessage(ppid, payload, List.of(), null, null);
    }
}
