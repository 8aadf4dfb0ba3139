package io.jmediasoup.rtp.bwe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ten 1000-byte packets sent 10 ms apart (800 kbps) arriving at a given spacing. */
class ProbeBitrateEstimatorTest {
    @ParameterizedTest(name = "arriving {0} ms apart -> {1} bps")
    @CsvSource({
        "10, 800000",
        "5, 800000",
        // 400 kbps on arrival: a saturated link, 95 % of it.
        "20, 380000",
        // Within 90 % of the send rate: still unsaturated, the slower one counts.
        "11, 727272",
    })
    void theRateIsWhatArrivedUpToWhatWasSent(long arrivalSpacingMs, long expected) {
        ProbeBitrateEstimator estimator = new ProbeBitrateEstimator();
        long result = -1;
        for (int i = 0; i < 10; i++) {
            result = estimator.packetAcknowledged(3, 1000 + i * 10, 5000 + i * arrivalSpacingMs, 1000);
        }
        assertEquals(expected, result, 1);
    }

    @ParameterizedTest(name = "{0} packets -> {1}")
    @CsvSource({"4, -1", "6, -1", "8, 800000"})
    void tooLittleOfAClusterSaysNothing(int packets, long expected) {
        ProbeBitrateEstimator estimator = new ProbeBitrateEstimator();
        long result = -1;
        for (int i = 0; i < packets; i++) {
            result = estimator.packetAcknowledged(0, 1000 + i * 10, 5000 + i * 10, 1000);
        }
        assertEquals(expected, result);
    }
}
