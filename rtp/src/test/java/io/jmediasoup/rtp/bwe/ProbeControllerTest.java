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

    /**
     * Once the path is up, two clusters at 3 and 6 times the start bitrate (600 kbit/s: 3,375 and
     * 6,750 bytes over 15 ms), capped by the maximum bitrate, whatever the senders want; then
     * nothing while they want no more.
     */
    @ParameterizedTest
    @CsvSource({
        "0, 3375, 6750",          // no maximum set: libwebrtc's 5 Mbit/s cap is far above both
        "2000000, 3375, 3750",    // the second at 2 Mbit/s
        "1000000, 1875, 1875",    // both at 1 Mbit/s
    })
    void theInitialClustersGoWhateverTheSendersWant(long maxBitrate, long firstBytes, long secondBytes) {
        probes.probeInitially(600_000, maxBitrate);
        assertEquals(true, probes.probing());
        long first = 0;
        long second = 0;
        for (; nowMs < 1_200; nowMs += 20) {
            int bytes = probes.probeBytes(600_000, MAX_BITRATE, false, nowMs);
            if (probes.cluster() == 0) {
                first += bytes;
            } else {
                second += bytes;
            }
        }
        assertEquals(firstBytes, first);
        assertEquals(secondBytes, second);
        assertEquals(1, probes.cluster());
        assertEquals(false, probes.probing());
    }
}
