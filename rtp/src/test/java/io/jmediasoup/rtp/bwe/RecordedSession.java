package io.jmediasoup.rtp.bwe;

import io.jmediasoup.rtp.rtcp.TransportFeedback;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A recording from recordings/ replayed through a fresh estimator with the recording's own
 * clock: after each feedback, what the estimator concluded, next to the rate the receiver
 * acknowledged and the one sent (each over the last second), and what the live estimator said.
 */
final class RecordedSession {
    private static final long RATE_WINDOW_MS = 1000;
    /** A probe cluster's length: what a probe proves shows over this short a window. */
    private static final long BURST_WINDOW_MS = 100;

    /**
     * One feedback: {@code atMs} since the estimator was made; {@code liveEstimate} and
     * {@code liveUsage} from the recording's E line, -1 and null when it has none;
     * {@code ackedBps} over the last second of arrivals, {@code ackedBurstBps} over the last
     * {@value #BURST_WINDOW_MS} ms.
     */
    record Sample(long atMs, long estimate, BandwidthUsage usage, long ackedBps, long ackedBurstBps, long sentBps,
            long liveEstimate, BandwidthUsage liveUsage) {}

    private record Timed(long ms, int bytes) {}

    final FeedbackRecording recording;
    final List<Sample> samples = new ArrayList<>();

    private RecordedSession(FeedbackRecording recording) {
        this.recording = recording;
    }

    static RecordedSession replay(String resource) {
        try (InputStream raw = RecordedSession.class.getResourceAsStream("recordings/" + resource)) {
            if (raw == null) {
                throw new IllegalArgumentException("no recording " + resource);
            }
            InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            RecordedSession session = new RecordedSession(
                    FeedbackRecording.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))));
            session.run();
            return session;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run() {
        int[] sizes = new int[65536];
        ArrayDeque<Timed> acked = new ArrayDeque<>();
        ArrayDeque<Timed> ackedBurst = new ArrayDeque<>();
        ArrayDeque<Timed> sent = new ArrayDeque<>();
        long[] ackedBytes = {0};
        long[] ackedBurstBytes = {0};
        long[] sentBytes = {0};
        TransportFeedback feedback = new TransportFeedback();
        long startMs = recording.startMs();
        recording.replay(recording.newEstimator(), (event, estimator) -> {
            if (event instanceof FeedbackRecording.Sent s) {
                sizes[s.sequenceNumber()] = s.size();
                sent.add(new Timed(s.nowMs(), s.size()));
                sentBytes[0] += s.size();
            } else if (event instanceof FeedbackRecording.Feedback f) {
                f.parse(feedback);
                for (int i = 0; i < feedback.packetStatusCount(); i++) {
                    if (feedback.received(i)) {
                        int size = sizes[(feedback.baseSequenceNumber() + i) & 0xFFFF];
                        Timed arrival = new Timed(Math.floorDiv(feedback.receiveTimeUs(i), 1000), size);
                        acked.add(arrival);
                        ackedBurst.add(arrival);
                        ackedBytes[0] += size;
                        ackedBurstBytes[0] += size;
                    }
                }
                ackedBytes[0] -= dropBefore(acked, acked.isEmpty() ? 0 : acked.peekLast().ms - RATE_WINDOW_MS);
                ackedBurstBytes[0] -= dropBefore(ackedBurst, ackedBurst.isEmpty() ? 0 : ackedBurst.peekLast().ms - BURST_WINDOW_MS);
                sentBytes[0] -= dropBefore(sent, f.nowMs() - RATE_WINDOW_MS);
                samples.add(new Sample(f.nowMs() - startMs, estimator.availableBitrate(), estimator.usage(),
                        ackedBytes[0] * 8000 / RATE_WINDOW_MS, ackedBurstBytes[0] * 8000 / BURST_WINDOW_MS,
                        sentBytes[0] * 8000 / RATE_WINDOW_MS, -1, null));
            } else if (event instanceof FeedbackRecording.Estimate e) {
                Sample last = samples.remove(samples.size() - 1);
                samples.add(new Sample(last.atMs, last.estimate, last.usage, last.ackedBps, last.ackedBurstBps, last.sentBps,
                        e.bitrate(), e.usage()));
            }
        });
    }

    /** Removes what is at or before {@code ms}; returns its bytes. */
    private static long dropBefore(ArrayDeque<Timed> window, long ms) {
        long bytes = 0;
        while (!window.isEmpty() && window.peekFirst().ms <= ms) {
            bytes += window.pollFirst().bytes;
        }
        return bytes;
    }

    /** The samples from {@code fromMs} (inclusive) to {@code toMs} (exclusive) after the start. */
    List<Sample> between(long fromMs, long toMs) {
        return samples.stream().filter(s -> s.atMs >= fromMs && s.atMs < toMs).toList();
    }

    /** When the estimate first reaches {@code bitrate} at or after {@code fromMs}, in ms after the start; -1 if never. */
    long firstAtLeast(long bitrate, long fromMs) {
        return samples.stream().filter(s -> s.atMs >= fromMs && s.estimate >= bitrate).mapToLong(Sample::atMs).findFirst().orElse(-1);
    }

    /** When the estimate first falls under {@code bitrate} at or after {@code fromMs}; -1 if never. */
    long firstBelow(long bitrate, long fromMs) {
        return samples.stream().filter(s -> s.atMs >= fromMs && s.estimate < bitrate).mapToLong(Sample::atMs).findFirst().orElse(-1);
    }
}
