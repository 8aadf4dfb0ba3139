package io.jmediasoup.worker.messages;

import java.util.List;

/** The requests a consumer answers itself. */
public interface ConsumerRequest extends ChannelRequest {
    record Dump(String handlerId) implements ConsumerRequest {}

    record GetStats(String handlerId) implements ConsumerRequest {}

    record Pause(String handlerId) implements ConsumerRequest {}

    record Resume(String handlerId) implements ConsumerRequest {}

    record SetPreferredLayers(String handlerId, ConsumerLayers preferredLayers) implements ConsumerRequest {}

    /** A priority already narrowed to 8 bits as the C++ worker reads it; 0 is refused by the consumer. */
    record SetPriority(String handlerId, int priority) implements ConsumerRequest {}

    record RequestKeyFrame(String handlerId) implements ConsumerRequest {}

    /** The trace event types to enable ("rtp", "keyframe", ...), replacing those enabled. */
    record EnableTraceEvent(String handlerId, List<String> types) implements ConsumerRequest {}
}
