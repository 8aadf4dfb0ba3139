package io.jmediasoup.worker.messages;

import io.jmediasoup.worker.rtc.params.DataType;
import io.jmediasoup.worker.rtc.params.SctpStreamParameters;
import java.util.List;

/** The requests a transport answers for its data producers and consumers: create and close them. */
public interface TransportDataRequest extends ChannelRequest {
    /** {@code sctpStreamParameters} is null for a direct one. */
    record ProduceData(String handlerId, String dataProducerId, DataType type,
            SctpStreamParameters sctpStreamParameters, String label, String protocol, boolean paused)
            implements TransportDataRequest {}

    /** {@code sctpStreamParameters} is null for a direct one; {@code subchannels} is sorted, without repeats. */
    record ConsumeData(String handlerId, String dataConsumerId, String dataProducerId, DataType type,
            SctpStreamParameters sctpStreamParameters, String label, String protocol, boolean paused,
            List<Integer> subchannels) implements TransportDataRequest {}

    record CloseDataProducer(String handlerId, String dataProducerId) implements TransportDataRequest {}

    record CloseDataConsumer(String handlerId, String dataConsumerId) implements TransportDataRequest {}
}
