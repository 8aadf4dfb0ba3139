package io.jmediasoup.worker.messages;

import java.util.List;

/** The requests a producer answers itself. */
public interface ProducerRequest extends ChannelRequest {
    record Dump(String handlerId) implements ProducerRequest {}

    record GetStats(String handlerId) implements ProducerRequest {}

    record Pause(String handlerId) implements ProducerRequest {}

    record Resume(String handlerId) implements ProducerRequest {}

    /** The trace event types to enable ("rtp", "keyframe", ...), replacing those enabled. */
    record EnableTraceEvent(String handlerId, List<String> types) implements ProducerRequest {}
}
