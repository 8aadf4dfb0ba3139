package io.jmediasoup.worker.messages;

import io.jmediasoup.worker.rtc.params.DataType;
import io.jmediasoup.worker.rtc.params.SctpStreamParameters;
import java.util.List;

/** What a data consumer answers with a body. */
public interface DataConsumerResponse extends ChannelResponse {
    /** Also the answer to transport.consumeData. {@code sctpStreamParameters} is null for a direct one. */
    record Dump(String id, String dataProducerId, DataType type, SctpStreamParameters sctpStreamParameters,
            String label, String protocol, long bufferedAmount, long bufferedAmountLowThreshold, boolean paused,
            boolean dataProducerPaused, List<Integer> subchannels) implements DataConsumerResponse {}

    record Stats(long timestampMs, String label, String protocol, long messagesSent, long bytesSent,
            long bufferedAmount) implements DataConsumerResponse {}

    record BufferedAmount(long bufferedAmount) implements DataConsumerResponse {}

    /** The message was queued; what the association now holds unacknowledged. */
    record Sent(long bufferedAmount) implements DataConsumerResponse {}

    /** The subscriptions after setSubchannels, sorted. */
    record SubchannelsSet(List<Integer> subchannels) implements DataConsumerResponse {}

    record SubchannelAdded(List<Integer> subchannels) implements DataConsumerResponse {}

    record SubchannelRemoved(List<Integer> subchannels) implements DataConsumerResponse {}
}
