package io.jmediasoup.worker.messages;

import io.jmediasoup.worker.rtc.params.DataType;
import io.jmediasoup.worker.rtc.params.SctpStreamParameters;

/** What a data producer answers with a body. */
public interface DataProducerResponse extends ChannelResponse {
    /** Also the answer to transport.produceData. {@code sctpStreamParameters} is null for a direct one. */
    record Dump(String id, DataType type, SctpStreamParameters sctpStreamParameters, String label, String protocol,
            boolean paused) implements DataProducerResponse {}

    record Stats(long timestampMs, String label, String protocol, long messagesReceived, long bytesReceived)
            implements DataProducerResponse {}
}
