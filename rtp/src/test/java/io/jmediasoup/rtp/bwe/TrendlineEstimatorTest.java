package io.jmediasoup.rtp.bwe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Groups sent every 20 ms arriving with a constant extra delay per group: the detector's verdict. */
class TrendlineEstimatorTest {
    @ParameterizedTest(name = "{0} ms per group -> {1}")
    @CsvSource({"0, NORMAL", "0.1, NORMAL", "2, OVERUSING", "5, OVERUSING", "-2, UNDERUSING"})
    void verdictFollowsTheDelayTrend(double extraDelayMs, BandwidthUsage expected) {
        TrendlineEstimator estimator = new TrendlineEstimator();
        BandwidthUsage usage = BandwidthUsage.NORMAL;
        long arrivalMs = 1000;
        for (int i = 0; i < 60; i++) {
            arrivalMs += 20;
            usage = estimator.update(20, 20 + extraDelayMs, arrivalMs + (long) (i * extraDelayMs));
        }
        assertEquals(expected, usage);
    }
}
