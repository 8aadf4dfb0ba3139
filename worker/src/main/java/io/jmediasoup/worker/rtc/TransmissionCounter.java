package io.jmediasoup.worker.rtc;

/**
 * Bytes a transport sent or received of one kind so far, and their bitrate over a sliding
 * window: the C++ worker counts all data over 1 s, RTP media over 2.5 s, retransmissions over
 * 1 s and probation over 100 ms. Counting allocates nothing.
 */
final class TransmissionCounter {
    static final long DATA_WINDOW_MS = 1000;
    static final long RTP_WINDOW_MS = 2500;
    static final long RTX_WINDOW_MS = 1000;
    static final long PROBATION_WINDOW_MS = 100;

    private final RateCalculator rate;
    private long bytes;

    TransmissionCounter(long windowMs) {
        rate = new RateCalculator(windowMs);
    }

    void count(int size, long nowMs) {
        bytes += size;
        rate.update(size, nowMs);
    }

    long bytes() {
        return bytes;
    }

    /** Bits per second over the window ending {@code nowMs}. */
    long bitrate(long nowMs) {
        return rate.rate(nowMs);
    }
}
