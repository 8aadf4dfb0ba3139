package io.jmediasoup.rtp.bwe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The loss-based rate on a fake clock: feedback every 100 ms, a delay-based rate far above. */
class LossBasedEstimatorTest {
    private static final long DELAY_BASED = 10_000_000;
    private static final long RTT_MS = 100;

    /**
     * {@code fractions} loss fractions measured (20 packets each, {@code lost} lost), each
     * followed by two seconds of updates: one cut per fraction, by half of it.
     */
    @ParameterizedTest
    @CsvSource({
        "10, 1, 750000",   // 50 % once: 1M x 0.75
        "10, 2, 562500",   // twice: 1M x 0.75 x 0.75
        "2, 3, 1000000",   // 10 %: held
        "1, 1, 1000000",   // 5 %: held
    })
    void aLossFractionCutsOnceHoweverLongItLasts(int lost, int fractions, long expected) {
        LossBasedEstimator estimator = new LossBasedEstimator(1_000_000);
        long nowMs = 0;
        long bitrate = 0;
        for (int f = 0; f < fractions; f++) {
            estimator.addPackets(20, lost, nowMs);
            for (int i = 0; i < 20; i++) {
                nowMs += 100;
                bitrate = estimator.update(DELAY_BASED, RTT_MS, nowMs);
            }
        }
        assertEquals(expected, bitrate);
    }

    /** Feedback every 100 ms, half of each 20 packets lost, for two seconds: a fraction a second, so two cuts. */
    @Test
    void aBurstOfLossFormsAFractionASecondAtMost() {
        LossBasedEstimator estimator = new LossBasedEstimator(1_000_000);
        long bitrate = 0;
        for (long nowMs = 100; nowMs <= 2000; nowMs += 100) {
            estimator.addPackets(20, 10, nowMs);
            bitrate = estimator.update(DELAY_BASED, RTT_MS, nowMs);
        }
        assertEquals(562_500, bitrate);
    }
}
