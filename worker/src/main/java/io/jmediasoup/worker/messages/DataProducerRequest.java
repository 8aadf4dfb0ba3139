package io.jmediasoup.worker.messages;

/** The requests a data producer answers itself. */
public interface DataProducerRequest extends ChannelRequest {
    record Dump(String handlerId) implements DataProducerRequest {}

    record GetStats(String handlerId) implements DataProducerRequest {}

    record Pause(String handlerId) implements DataProducerRequest {}

    record Resume(String handlerId) implements DataProducerRequest {}
}
