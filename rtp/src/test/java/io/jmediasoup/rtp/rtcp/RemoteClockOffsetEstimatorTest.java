package io.jmediasoup.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A sender's clock against ours from its sender reports: the median of the last seven, from three on. */
class RemoteClockOffsetEstimatorTest {
    /** 2026-01-01T00:00:00Z in NTP seconds. */
    private static final long NTP_SECONDS = 3_976_214_400L;
    private static final long UNIX_US = (NTP_SECONDS - 2_208_988_800L) * 1_000_000;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // name, arrival offsets of successive reports (ms after their NTP time, |-separated), rtt ms, known, offset µs
        "two reports are not enough, 100|100, 0, false, 0",
        "three give their median, 100|300|200, 0, true, 200000",
        "an even count takes the upper middle, 100|400|200|300, 0, true, 300000",
        "only the last seven count, 900|900|900|900|100|100|100|100|100, 0, true, 100000",
        "half the round trip comes off, 100|100|100, 40, true, 80000",
    })
    void estimates(String name, String arrivals, double rttMs, boolean known, long offsetUs) {
        RemoteClockOffsetEstimator estimator = new RemoteClockOffsetEstimator();
        int n = 0;
        for (String arrival : arrivals.split("\\|")) {
            // One report a second, each arriving that many ms after its NTP time.
            long sentUs = UNIX_US + n * 1_000_000L;
            estimator.addSenderReport(NTP_SECONDS + n, 0, sentUs + Long.parseLong(arrival) * 1000, rttMs);
            n++;
        }
        assertEquals(known, estimator.known());
        if (known) {
            assertEquals(offsetUs, estimator.offsetUs());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"the same compound packet, false", "no NTP time, true"})
    void ignores(String name, boolean zeroNtp) {
        RemoteClockOffsetEstimator estimator = new RemoteClockOffsetEstimator();
        estimator.addSenderReport(NTP_SECONDS, 0, UNIX_US + 1_000, 0);
        estimator.addSenderReport(NTP_SECONDS + 1, 0, UNIX_US + 1_001_000, 0);
        if (zeroNtp) {
            estimator.addSenderReport(0, 0, UNIX_US + 2_001_000, 0);
        } else {
            estimator.addSenderReport(NTP_SECONDS + 2, 0, UNIX_US + 1_001_000, 0);
        }
        assertFalse(estimator.known());
        estimator.addSenderReport(NTP_SECONDS + 3, 0, UNIX_US + 3_001_000, 0);
        assertTrue(estimator.known());
        assertEquals(1_000, estimator.offsetUs());
    }
}
