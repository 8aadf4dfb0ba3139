package io.jmediasoup.worker.rtc;

/**
 * mediasoup 3.32's bounds of a transport's bitrates (the C++ worker's MayFixBweBitrateLimits):
 * every limit within 30 kbps..1 Gbps, the maximum outgoing bitrate raised to the minimum, and
 * the initial estimate moved between the two.
 */
final class BweLimits {
    static final long ABSOLUTE_MIN_BITRATE = 30_000;
    static final long ABSOLUTE_MAX_BITRATE = 1_000_000_000;

    private BweLimits() {}

    /** An option as given at creation: kept within the bounds (0 becomes the minimum). */
    static long bounded(long bitrate) {
        return Math.max(ABSOLUTE_MIN_BITRATE, Math.min(bitrate, ABSOLUTE_MAX_BITRATE));
    }

    /** A maximum set later: 0 lifts it. */
    static long maximum(long bitrate) {
        return bitrate != 0 ? bounded(bitrate) : ABSOLUTE_MAX_BITRATE;
    }

    /** A minimum set later: 0 lifts it. */
    static long minimum(long bitrate) {
        return bitrate != 0 ? bounded(bitrate) : ABSOLUTE_MIN_BITRATE;
    }
}
