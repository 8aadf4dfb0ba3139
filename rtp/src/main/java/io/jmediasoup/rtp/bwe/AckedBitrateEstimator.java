package io.jmediasoup.rtp.bwe;

/**
 * The rate at which the receiver got our packets: bytes acknowledged by transport-cc feedback
 * per {@value #WINDOW_MS} ms of their arrival times, over a short ring of arrival buckets.
 */
final class AckedBitrateEstimator {
    static final long WINDOW_MS = 500;
    private static final int BUCKET_MS = 50;
    private static final int BUCKETS = (int) (WINDOW_MS / BUCKET_MS);

    private final long[] bytes = new long[BUCKETS];
    private long newestBucket = Long.MIN_VALUE;
    private long firstArrivalMs = Long.MIN_VALUE;
    private long totalBytes;

    void add(long arrivalTimeMs, int size) {
        long bucket = Math.floorDiv(arrivalTimeMs, BUCKET_MS);
        if (firstArrivalMs == Long.MIN_VALUE) {
            firstArrivalMs = arrivalTimeMs;
            newestBucket = bucket;
        }
        if (bucket > newestBucket) {
            for (long b = newestBucket + 1; b <= bucket && b <= newestBucket + BUCKETS; b++) {
                int slot = (int) Math.floorMod(b, BUCKETS);
                totalBytes -= bytes[slot];
                bytes[slot] = 0;
            }
            newestBucket = bucket;
        } else if (bucket <= newestBucket - BUCKETS) {
            // Older than the window (reordered feedback): no longer counts.
            return;
        }
        bytes[(int) Math.floorMod(bucket, BUCKETS)] += size;
        totalBytes += size;
    }

    /** Bits per second; -1 until a whole window of arrivals has been seen. */
    long bitrate() {
        if (firstArrivalMs == Long.MIN_VALUE || (newestBucket + 1) * BUCKET_MS - firstArrivalMs < WINDOW_MS) {
            return -1;
        }
        return totalBytes * 8 * 1000 / WINDOW_MS;
    }
}
