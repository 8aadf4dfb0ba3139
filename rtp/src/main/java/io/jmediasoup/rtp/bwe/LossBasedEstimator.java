package io.jmediasoup.rtp.bwe;

/**
 * The loss-based rate of GoogCC (libwebrtc's SendSideBandwidthEstimation): with under 2 %
 * loss it may follow the delay-based rate up (8 % a second); above 10 % it cuts by half the
 * loss fraction, once per loss fraction measured and at most once per RTT plus 300 ms (a
 * fraction that lags behind the cut does not cut again); in between it holds. libwebrtc takes
 * the loss from the receiver's RTCP reports, about one a second; from transport-cc feedback,
 * here a fraction is formed at that pace too ({@value #MIN_PACKETS} packets and
 * {@value #LOSS_INTERVAL_MS} ms at least), so that a burst of loss cuts once, not at every
 * feedback.
 */
final class LossBasedEstimator {
    private static final int MIN_PACKETS = 20;
    static final long LOSS_INTERVAL_MS = 1000;
    private static final double LOW_LOSS = 0.02;
    private static final double HIGH_LOSS = 0.1;
    private static final long INCREASE_INTERVAL_MS = 1000;
    private static final long DECREASE_INTERVAL_MS = 300;

    private long bitrate;
    private int expected;
    private int lost;
    private double lossFraction;
    private boolean hasLossFraction;
    private boolean decreasedSinceLossFraction;
    private long lossFractionAtMs = Long.MIN_VALUE;
    private long lastIncreaseMs = Long.MIN_VALUE;
    private long lastDecreaseMs = Long.MIN_VALUE;

    LossBasedEstimator(long initialBitrate) {
        this.bitrate = initialBitrate;
    }

    /** Packets one feedback reported on; a loss fraction is taken once enough are counted over long enough. */
    void addPackets(int reported, int lostOnes, long nowMs) {
        expected += reported;
        lost += lostOnes;
        if (expected >= MIN_PACKETS
                && (lossFractionAtMs == Long.MIN_VALUE || nowMs - lossFractionAtMs >= LOSS_INTERVAL_MS)) {
            lossFractionAtMs = nowMs;
            lossFraction = (double) lost / expected;
            hasLossFraction = true;
            decreasedSinceLossFraction = false;
            expected = 0;
            lost = 0;
        }
    }

    /** A probe proved more: start from there. */
    void setBitrate(long bitrate) {
        this.bitrate = bitrate;
    }

    double lossFraction() {
        return lossFraction;
    }

    /** The rate allowed by loss, never above {@code delayBased}. */
    long update(long delayBased, long rttMs, long nowMs) {
        if (!hasLossFraction || lossFraction < LOW_LOSS) {
            if (bitrate < delayBased && (lastIncreaseMs == Long.MIN_VALUE || nowMs - lastIncreaseMs >= INCREASE_INTERVAL_MS)) {
                bitrate = (long) (bitrate * 1.08) + 1000;
                lastIncreaseMs = nowMs;
            }
        } else if (lossFraction > HIGH_LOSS) {
            if (!decreasedSinceLossFraction
                    && (lastDecreaseMs == Long.MIN_VALUE || nowMs - lastDecreaseMs >= DECREASE_INTERVAL_MS + rttMs)) {
                bitrate = (long) (bitrate * (1 - 0.5 * lossFraction));
                lastDecreaseMs = nowMs;
                decreasedSinceLossFraction = true;
            }
        }
        bitrate = Math.min(bitrate, delayBased);
        return bitrate;
    }
}
