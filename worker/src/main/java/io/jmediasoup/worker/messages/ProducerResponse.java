package io.jmediasoup.worker.messages;

import io.jmediasoup.worker.rtc.params.MediaKind;
import io.jmediasoup.worker.rtc.params.RtpMapping;
import io.jmediasoup.worker.rtc.params.RtpParameters;
import java.util.List;

/** What a transport answers to transport.produce and a producer to its requests. */
public interface ProducerResponse extends ChannelResponse {
    record Produced(RtpParameters.Type type) implements ProducerResponse {}

    record Dump(String id, MediaKind kind, RtpParameters rtpParameters, RtpParameters.Type type,
            RtpMapping rtpMapping, List<RtpStreamDump> rtpStreams, List<String> traceEventTypes, boolean paused)
            implements ProducerResponse {}

    record Stats(List<RtpStreamStats> stats) implements ProducerResponse {}
}
