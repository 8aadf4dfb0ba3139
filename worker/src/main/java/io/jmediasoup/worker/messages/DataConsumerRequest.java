package io.jmediasoup.worker.messages;

import io.netty.buffer.ByteBuf;
import java.util.List;

/** The requests a data consumer answers itself. */
public interface DataConsumerRequest extends ChannelRequest {
    record Dump(String handlerId) implements DataConsumerRequest {}

    record GetStats(String handlerId) implements DataConsumerRequest {}

    record Pause(String handlerId) implements DataConsumerRequest {}

    record Resume(String handlerId) implements DataConsumerRequest {}

    record GetBufferedAmount(String handlerId) implements DataConsumerRequest {}

    record SetBufferedAmountLowThreshold(String handlerId, long threshold) implements DataConsumerRequest {}

    /**
     * A message from the application to the remote side, lent for the call. 3.32 refuses it on
     * a direct data consumer ({@code sctpOnly}); 3.8 delivers it back as a "message" event.
     */
    record Send(String handlerId, long ppid, ByteBuf message, boolean sctpOnly) implements DataConsumerRequest {}

    record SetSubchannels(String handlerId, List<Integer> subchannels) implements DataConsumerRequest {}

    record AddSubchannel(String handlerId, int subchannel) implements DataConsumerRequest {}

    record RemoveSubchannel(String handlerId, int subchannel) implements DataConsumerRequest {}
}
