package io.jmediasoup.rtp.rtcp;

import java.util.Arrays;

/**
 * How far a sender's clock is from ours, from the NTP times of its sender reports against
 * when they arrived (less half the round trip, the path taken as symmetric): the median of the
 * last {@value #WINDOW} reports once there are {@value #MIN_SAMPLES}, as mediasoup 3.32's
 * worker estimates it. Reports of one compound packet count once.
 */
public final class RemoteClockOffsetEstimator {
    static final int WINDOW = 7;
    static final int MIN_SAMPLES = 3;

    private final long[] samples = new long[WINDOW];
    private final long[] sorted = new long[WINDOW];
    private int count;
    private int next;
    private long lastArrivalUs = Long.MIN_VALUE;
    private boolean known;
    private long offsetUs;

    /**
     * A sender report of NTP time {@code ntpSeconds}.{@code ntpFraction} arrived at
     * {@code arrivalUs} (µs since the Unix epoch); {@code rttMs} is the stream's round trip, 0
     * when unknown. A report without an NTP time is ignored.
     */
    public void addSenderReport(long ntpSeconds, long ntpFraction, long arrivalUs, double rttMs) {
        if (ntpSeconds == 0 && ntpFraction == 0 || arrivalUs == lastArrivalUs) {
            return;
        }
        lastArrivalUs = arrivalUs;
        long remoteUs = (ntpSeconds - Ntp.UNIX_EPOCH_SECONDS) * 1_000_000 + ((ntpFraction * 1_000_000) >>> 32);
        samples[next] = arrivalUs - remoteUs - (long) (rttMs * 1000) / 2;
        next = (next + 1) % WINDOW;
        count = Math.min(count + 1, WINDOW);
        if (count >= MIN_SAMPLES) {
            System.arraycopy(samples, 0, sorted, 0, count);
            Arrays.sort(sorted, 0, count);
            // With an even count, the upper of the two middle samples.
            offsetUs = sorted[count / 2];
            known = true;
        }
    }

    /** Whether enough reports came for an estimate. */
    public boolean known() {
        return known;
    }

    /** Our clock minus the sender's (µs); only when {@link #known}. */
    public long offsetUs() {
        return offsetUs;
    }
}
