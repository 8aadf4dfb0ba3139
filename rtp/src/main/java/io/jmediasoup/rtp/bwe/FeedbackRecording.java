package io.jmediasoup.rtp.bwe;

import io.jmediasoup.rtp.rtcp.TransportFeedback;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A recorded session of a {@link SendSideBandwidthEstimator}'s inputs, as
 * {@link FeedbackRecorder} writes it: one event per line, each with the estimator's clock in
 * ms (a monotonic clock: only differences mean anything).
 *
 * <pre>
 * B ms initialBitrate minBitrate maxBitrate   the estimator was made (first line after the header)
 * S ms seq size [cluster]                     a packet left with transport-wide sequence number seq (of a probe cluster)
 * R ms rttMs                                  the round-trip time changed
 * M ms maxBitrate                             setMaxBitrate
 * F ms hex                                    transport-cc feedback, the whole RTCP packet
 * E ms bitrate usage                          the estimate and the detector's state after that feedback
 * # text                                      a comment
 * </pre>
 *
 * {@link #replay} feeds the inputs to an estimator in order; the {@code E} lines are what the
 * live estimator answered, so that a replay can be checked against them.
 */
public final class FeedbackRecording {
    static final String HEADER = "# jmediasoup send-side bandwidth estimation recording 1";

    /** One line of a recording. */
    public sealed interface Event permits Sent, Rtt, MaxBitrate, Feedback, Estimate {
        long nowMs();
    }

    /** {@code probeCluster} is -1 for a packet of no probe. */
    public record Sent(long nowMs, int sequenceNumber, int size, int probeCluster) implements Event {}

    public record Rtt(long nowMs, long rttMs) implements Event {}

    public record MaxBitrate(long nowMs, long maxBitrate) implements Event {}

    /** The feedback RTCP packet's bytes. */
    public record Feedback(long nowMs, byte[] packet) implements Event {
        /** Parses the packet into {@code into}; false when it is malformed. */
        public boolean parse(TransportFeedback into) {
            ByteBuf buffer = Unpooled.wrappedBuffer(packet);
            try {
                return into.parse(buffer, 0, packet.length);
            } finally {
                buffer.release();
            }
        }
    }

    public record Estimate(long nowMs, long bitrate, BandwidthUsage usage) implements Event {}

    /** Called after each event has been applied; an {@code Estimate} is only passed on, for comparison. */
    @FunctionalInterface
    public interface Observer {
        void onEvent(Event event, SendSideBandwidthEstimator estimator);
    }

    private final long startMs;
    private final long initialBitrate;
    private final long minBitrate;
    private final long maxBitrate;
    private final List<Event> events;

    private FeedbackRecording(long startMs, long initialBitrate, long minBitrate, long maxBitrate, List<Event> events) {
        this.startMs = startMs;
        this.initialBitrate = initialBitrate;
        this.minBitrate = minBitrate;
        this.maxBitrate = maxBitrate;
        this.events = Collections.unmodifiableList(events);
    }

    /** Reads a whole recording; throws {@link IllegalArgumentException} naming the first bad line. */
    public static FeedbackRecording read(BufferedReader in) throws IOException {
        long[] start = null;
        List<Event> events = new ArrayList<>();
        int number = 0;
        String line;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                String[] f = line.split(" ");
                if (start == null) {
                    if (!f[0].equals("B") || f.length != 5) {
                        throw new IllegalArgumentException("the first event must be B");
                    }
                    start = new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4])};
                    continue;
                }
                events.add(event(f));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + number + " (" + line + "): " + e.getMessage(), e);
            }
        }
        if (start == null) {
            throw new IllegalArgumentException("no B line: not a recording");
        }
        return new FeedbackRecording(start[0], start[1], start[2], start[3], events);
    }

    private static Event event(String[] f) {
        long nowMs = Long.parseLong(f[1]);
        return switch (f[0]) {
            case "S" -> {
                expectFields(f, 4, 5);
                yield new Sent(nowMs, Integer.parseInt(f[2]), Integer.parseInt(f[3]), f.length == 5 ? Integer.parseInt(f[4]) : -1);
            }
            case "R" -> {
                expectFields(f, 3, 3);
                yield new Rtt(nowMs, Long.parseLong(f[2]));
            }
            case "M" -> {
                expectFields(f, 3, 3);
                yield new MaxBitrate(nowMs, Long.parseLong(f[2]));
            }
            case "F" -> {
                expectFields(f, 3, 3);
                yield new Feedback(nowMs, ByteBufUtil.decodeHexDump(f[2]));
            }
            case "E" -> {
                expectFields(f, 4, 4);
                yield new Estimate(nowMs, Long.parseLong(f[2]), BandwidthUsage.valueOf(f[3]));
            }
            default -> throw new IllegalArgumentException("unknown event " + f[0]);
        };
    }

    private static void expectFields(String[] f, int min, int max) {
        if (f.length < min || f.length > max) {
            throw new IllegalArgumentException(f[0] + " takes " + (min - 1) + (max > min ? " or " + (max - 1) : "") + " fields");
        }
    }

    /** The clock when the estimator was made. */
    public long startMs() {
        return startMs;
    }

    public List<Event> events() {
        return events;
    }

    /** An estimator made as the recorded one was. */
    public SendSideBandwidthEstimator newEstimator() {
        return new SendSideBandwidthEstimator(initialBitrate, minBitrate, maxBitrate);
    }

    /** Feeds every recorded input to {@code estimator} in order, with the recorded clock. */
    public void replay(SendSideBandwidthEstimator estimator, Observer observer) {
        TransportFeedback feedback = new TransportFeedback();
        for (Event event : events) {
            if (event instanceof Sent s) {
                if (s.probeCluster() >= 0) {
                    estimator.onProbePacketSent(s.sequenceNumber(), s.size(), s.nowMs(), s.probeCluster());
                } else {
                    estimator.onPacketSent(s.sequenceNumber(), s.size(), s.nowMs());
                }
            } else if (event instanceof Rtt r) {
                estimator.onRtt(r.rttMs());
            } else if (event instanceof MaxBitrate m) {
                estimator.setMaxBitrate(m.maxBitrate());
            } else if (event instanceof Feedback f) {
                if (!f.parse(feedback)) {
                    throw new IllegalArgumentException("feedback at " + f.nowMs() + " ms does not parse");
                }
                estimator.onTransportFeedback(feedback, f.nowMs());
            }
            observer.onEvent(event, estimator);
        }
    }
}
