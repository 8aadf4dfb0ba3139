package io.jmediasoup.worker.messages;

import io.jmediasoup.worker.rtc.params.MediaKind;
import io.jmediasoup.worker.rtc.params.RtpEncodingParameters;
import io.jmediasoup.worker.rtc.params.RtpParameters;
import java.util.List;

/** What a transport answers to transport.consume and a consumer to its requests. */
public interface ConsumerResponse extends ChannelResponse {
    /** {@code preferredLayers} is null for a consumer without layers. */
    record Consumed(boolean paused, boolean producerPaused, ConsumerScore score, ConsumerLayers preferredLayers)
            implements ConsumerResponse {}

    /** A layered consumer's layers in its dump, -1 for none. */
    record Layers(int preferredSpatialLayer, int targetSpatialLayer, int currentSpatialLayer,
            int preferredTemporalLayer, int targetTemporalLayer, int currentTemporalLayer) {}

    /** {@code layers} is null for a consumer without layers. */
    record Dump(String id, String producerId, MediaKind kind, RtpParameters rtpParameters, RtpParameters.Type type,
            List<RtpEncodingParameters> consumableRtpEncodings, List<Integer> supportedCodecPayloadTypes,
            List<String> traceEventTypes, boolean paused, boolean producerPaused, int priority,
            List<RtpStreamDump> rtpStreams, Layers layers) implements ConsumerResponse {}

    /**
     * A consumer's stats; {@code pipedProducerStats} are those of the producer streams a pipe
     * consumer forwards, which 3.32 lists after its own and 3.8 leaves out.
     */
    record Stats(List<RtpStreamStats> stats, List<RtpStreamStats> pipedProducerStats) implements ConsumerResponse {
        public Stats(List<RtpStreamStats> stats) {
            this(stats, List.of());
        }
    }

    record Priority(int priority) implements ConsumerResponse {}

    /** {@code preferredLayers} is null for a consumer without layers. */
    record PreferredLayers(ConsumerLayers preferredLayers) implements ConsumerResponse {}
}
