package io.jmediasoup.rtp.bwe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When probe clusters start and how high they go, on a fake clock stepped every 20 ms. */
class ProbeControllerTest {
    private static final long MAX_BITRATE = 10_000_000;

    private final ProbeController probes = new ProbeController();
    private long nowMs = 1_000;

    /** Steps the clock to {@code untilMs}; returns the bytes probed on the way, per cluster started. */
    private long run(long estimate, long untilMs) {
        long bytes = 0;
        for (; nowMs < untilMs; nowMs += 20) {
            bytes += probes.probeBytes(estimate, MAX_BITRATE, true, nowMs);
        }
        return bytes;
    }

    /**
     * A first probe at twice 100 kbit/s (2,500 bytes over 100 ms); then the estimate is
     * {@code estimate} from {@code atMs} after it: a further probe at twice that follows at once
     * when it reached 70 % of the probe's rate within a second, else the next waits for the
     * five-second interval.
     */
    @ParameterizedTest
    @CsvSource({
        "150000, 300, 3750, 1",   // 150k >= 140k within the second: a probe at 300k (3,750 bytes) at once
        "139000, 300, 0, 0",      // short of 70 % of 200k: no further probe
        "150000, 1100, 0, 0",     // reached only after the second: no further probe
    })
    void aProbeThePathCarriedIsFollowedAtOnceByOneTwiceAsHigh(long estimate, long atMs, long furtherBytes,
            int furtherClusters) {
        assertEquals(2_500, run(100_000, nowMs + 200));
        assertEquals(0, probes.cluster());
        long probeStartMs = 1_000;
        run(100_000, probeStartMs + atMs);
        assertEquals(furtherBytes, run(estimate, probeStartMs + 1_200));
        assertEquals(furtherClusters, probes.cluster());
        long lastProbeMs = furtherClusters > 0 ? probeStartMs + atMs : probeStartMs;
        run(estimate, lastProbeMs + ProbeController.INTERVAL_MS);
        assertEquals(2 * estimate * ProbeController.DURATION_MS / 8000,
                run(estimate, lastProbeMs + ProbeController.INTERVAL_MS + 200), "the periodic probe, the interval after the last");
    }
}
