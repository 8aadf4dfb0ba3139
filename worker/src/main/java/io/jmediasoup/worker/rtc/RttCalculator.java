package io.jmediasoup.worker.rtc;

import java.util.ArrayDeque;

/**
 * A transport's round-trip time, as mediasoup 3.32's RttCalculator works it out from the
 * RTTs its streams measure (receiver reports about what its consumers send, DLRR answers about
 * what its producers receive): the mean of those of the last 1.5 s, blended into the previous
 * average at 30 %, again on each measurement and every second while any is recent. When none
 * is left the average is forgotten, but the last one stays what stats tell.
 */
final class RttCalculator {
    /** How long a measurement counts towards the average. */
    static final long MEASUREMENT_WINDOW_MS = 1500;
    /** How often the average is worked out again without a new measurement: one ageing out moves it too. */
    static final long UPDATE_INTERVAL_MS = 1000;
    private static final float WEIGHT_FACTOR = 0.3f;

    private record Measurement(long rttMs, long atMs) {}

    private final ArrayDeque<Measurement> measurements = new ArrayDeque<>();
    private long averageMs = -1;
    private long lastMs = -1;
    private long nextUpdateMs = Long.MAX_VALUE;

    void add(long rttMs, long nowMs) {
        if (nextUpdateMs == Long.MAX_VALUE) {
            nextUpdateMs = nowMs + UPDATE_INTERVAL_MS;
        }
        measurements.add(new Measurement(rttMs, nowMs));
        update(nowMs);
    }

    /** When {@link #tick} is due next; {@link Long#MAX_VALUE} while nothing is measured. */
    long nextUpdateMs() {
        return nextUpdateMs;
    }

    /** The periodic update, at {@link #nextUpdateMs()}. */
    void tick(long nowMs) {
        nextUpdateMs += UPDATE_INTERVAL_MS;
        update(nowMs);
    }

    /** The last average worked out, in ms; -1 before any measurement. */
    long lastRttMs() {
        return lastMs;
    }

    private void update(long nowMs) {
        measurements.removeIf(measurement -> nowMs - measurement.atMs() > MEASUREMENT_WINDOW_MS);
        if (measurements.isEmpty()) {
            averageMs = -1;
            nextUpdateMs = Long.MAX_VALUE;
            return;
        }
        long sum = 0;
        for (Measurement measurement : measurements) {
            sum += measurement.rttMs();
        }
        long windowMs = sum / measurements.size();
        averageMs = averageMs < 0 ? windowMs
                : (long) ((float) averageMs * (1.0f - WEIGHT_FACTOR) + (float) windowMs * WEIGHT_FACTOR);
        lastMs = averageMs;
    }
}
