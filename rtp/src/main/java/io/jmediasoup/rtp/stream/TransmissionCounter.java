package io.jmediasoup.rtp.stream;

/**
 * Bytes a transport sent or received of one kind so far, and their bitrate over a sliding
 * window: the C++ worker counts all data over 1 s, RTP media over 2.5 s, retransmissions over
 * 1 s and probation over 100 ms. Counting allocates nothing.
 */
public final class TransmissionCounter {
    public static final long DATA_WINDOW_MS = 1000;
    public static final long RTP_WINDOW_MS = 2500;
    public static final long RTX_WINDOW_MS = 1000;
    public static final long PROBATION_WINDOW_MS = 100;

    private final RateCalculator rate;
    private long bytes;

    public TransmissionCounter(long windowMs) {
        rate = new RateCalculator(windowMs);
    }

    public void count(int size, long nowMs) {
        bytes += size;
        rate.update(size, nowMs);
    }

    public long bytes() {
        return bytes;
    }

    /** Bits per second over the window ending {@code nowMs}. */
    public long bitrate(long nowMs) {
        return rate.rate(nowMs);
    }
}
