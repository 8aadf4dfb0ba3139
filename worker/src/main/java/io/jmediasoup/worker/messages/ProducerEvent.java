package io.jmediasoup.worker.messages;

import java.util.List;

/** What a producer tells the Node library. */
public interface ProducerEvent extends Event {
    /** One receiving stream's score; {@code rid} empty when the encoding has none. */
    record StreamScore(int encodingIdx, long ssrc, String rid, int score) {}

    record Score(List<StreamScore> scores) implements ProducerEvent {}

    /** The video orientation (3GPP TS 26.114): camera, flip, rotation in degrees. */
    record VideoOrientationChange(boolean camera, boolean flip, int rotation) implements ProducerEvent {}

    record Trace(RtpTrace trace) implements ProducerEvent {}

    /** An "sr" trace (3.32): a sender report received about one of its streams, as it came. */
    record SenderReportTrace(long timestamp, long ssrc, long ntpSeconds, long ntpFraction, long rtpTimestamp,
            long packetCount, long octetCount) implements ProducerEvent {}
}
