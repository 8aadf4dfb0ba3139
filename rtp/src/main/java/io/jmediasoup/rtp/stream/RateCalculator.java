package io.jmediasoup.rtp.stream;

import java.util.Arrays;

/**
 * Bits per second over a sliding window (2.5 s for RTP streams, as in the C++ worker),
 * kept in a ring of time buckets so that counting a packet allocates nothing. The ring
 * (1.6 KiB) is made at the first packet: of the eight a consumer and its transport keep,
 * most (retransmissions, probation, the direction it does not use) never count one.
 */
public final class RateCalculator {
    private static final int BUCKETS = 100;

    private final long windowMs;
    private final long bucketMs;
    /** Null until the first packet. */
    private long[] bytes;
    /** The bucket each slot currently counts: its start time divided by {@link #bucketMs}. */
    private long[] bucketOf;

    public RateCalculator(long windowMs) {
        this.windowMs = windowMs;
        this.bucketMs = Math.max(1, windowMs / BUCKETS);
    }

    public void update(int size, long nowMs) {
        if (bytes == null) {
            bytes = new long[BUCKETS];
            bucketOf = new long[BUCKETS];
            Arrays.fill(bucketOf, Long.MIN_VALUE);
        }
        long bucket = nowMs / bucketMs;
        int slot = (int) (bucket % BUCKETS);
        if (bucketOf[slot] > bucket) {
            // A window or more older than what the slot counts now: too old to count, as the C++ worker ignores it.
            return;
        }
        if (bucketOf[slot] != bucket) {
            bytes[slot] = 0;
            bucketOf[slot] = bucket;
        }
        bytes[slot] += size;
    }

    /** The rate in bits per second over the window ending now. */
    public long rate(long nowMs) {
        if (bytes == null) {
            return 0;
        }
        long oldest = (nowMs - windowMs) / bucketMs;
        long sum = 0;
        for (int slot = 0; slot < BUCKETS; slot++) {
            if (bucketOf[slot] > oldest) {
                sum += bytes[slot];
            }
        }
        return Math.round(sum * 8000.0 / windowMs);
    }
}
