package io.jmediasoup.rtp.bwe;

/**
 * When and how hard to probe (libwebrtc's periodic probing in the application-limited region,
 * which the C++ worker enables): while the senders want more than the estimate, every
 * {@value #INTERVAL_MS} ms a cluster of padding goes out at twice the estimate (at most the
 * maximum wanted) for {@value #DURATION_MS} ms; what arrives shows whether the path carries it.
 * When the estimate reaches {@value #FURTHER_PROBE_SHARE} of a probe's rate within
 * {@value #MAX_WAIT_FOR_RESULT_MS} ms, the path carried it and the next probe, twice as high
 * again, goes at once (libwebrtc's further probing): after a collapse the estimate climbs back
 * in doublings rather than waiting out the interval each time.
 *
 * <p>Before all that, once the path is up, libwebrtc's initial exponential probing: two short
 * clusters at {@value #FIRST_INITIAL_SCALE} and {@value #SECOND_INITIAL_SCALE} times the start
 * bitrate, whatever the senders want, so that the estimate need not climb from the start bitrate.
 */
public final class ProbeController {
    public static final long INTERVAL_MS = 5000;
    static final long DURATION_MS = 100;
    private static final long MAX_STEP_MS = 40;
    private static final double SCALE = 2;
    static final double FURTHER_PROBE_SHARE = 0.7;
    static final long MAX_WAIT_FOR_RESULT_MS = 1000;
    static final long FIRST_INITIAL_SCALE = 3;
    static final long SECOND_INITIAL_SCALE = 6;
    /** libwebrtc's shortest probe cluster, which its initial ones are. */
    static final long INITIAL_DURATION_MS = 15;
    /** libwebrtc's cap on probes while no maximum bitrate is known. */
    public static final long DEFAULT_MAX_PROBE_BITRATE = 5_000_000;

    private int cluster = -1;
    private long clusterRate;
    private long clusterEndMs;
    private long clusterBytesLeft;
    private long lastProbeMs = Long.MIN_VALUE;
    private long minBitrateToProbeFurther = Long.MAX_VALUE;
    private long lastMs;
    /** The initial clusters' rates not started yet, in order; 0 once started. */
    private final long[] initialRates = new long[2];

    /**
     * The bytes of the current cluster to send now ({@link #cluster()} numbers them), starting
     * one when due; 0 when none. {@code maxBitrate} is what the senders could use at most.
     */
    public int probeBytes(long estimate, long maxBitrate, boolean wantsMore, long nowMs) {
        if (clusterBytesLeft <= 0 && initialRates[initialRates.length - 1] > 0) {
            int next = initialRates[0] > 0 ? 0 : 1;
            startCluster(initialRates[next], INITIAL_DURATION_MS, nowMs);
            initialRates[next] = 0;
        } else if (clusterBytesLeft <= 0 && wantsMore && (lastProbeMs == Long.MIN_VALUE || nowMs - lastProbeMs >= INTERVAL_MS
                || estimate >= minBitrateToProbeFurther && nowMs - lastProbeMs < MAX_WAIT_FOR_RESULT_MS)) {
            long rate = (long) Math.min(SCALE * estimate, maxBitrate);
            if (rate > estimate * 11 / 10) {
                startCluster(rate, DURATION_MS, nowMs);
            }
        }
        if (clusterBytesLeft <= 0) {
            return 0;
        }
        long elapsedMs = Math.max(0, Math.min(nowMs - lastMs, MAX_STEP_MS));
        lastMs = nowMs;
        long bytes = nowMs >= clusterEndMs ? clusterBytesLeft : Math.min(clusterBytesLeft, clusterRate * elapsedMs / 8000);
        clusterBytesLeft -= bytes;
        return (int) bytes;
    }

    private void startCluster(long rate, long durationMs, long nowMs) {
        cluster++;
        clusterRate = rate;
        minBitrateToProbeFurther = (long) (FURTHER_PROBE_SHARE * rate);
        clusterEndMs = nowMs + durationMs;
        clusterBytesLeft = rate * durationMs / 8000;
        lastProbeMs = nowMs;
        lastMs = nowMs;
    }

    /**
     * The path is up: the initial clusters go next, at 3 and 6 times {@code startBitrate} but no
     * higher than {@code maxBitrate} ({@link #DEFAULT_MAX_PROBE_BITRATE} when the application set
     * none).
     */
    public void probeInitially(long startBitrate, long maxBitrate) {
        long cap = maxBitrate > 0 ? maxBitrate : DEFAULT_MAX_PROBE_BITRATE;
        initialRates[0] = Math.min(FIRST_INITIAL_SCALE * startBitrate, cap);
        initialRates[1] = Math.min(SECOND_INITIAL_SCALE * startBitrate, cap);
    }

    /** Whether a cluster is under way or due: probing goes on whatever the senders want. */
    public boolean probing() {
        return clusterBytesLeft > 0 || initialRates[initialRates.length - 1] > 0;
    }

    /** The cluster the bytes of {@link #probeBytes} belong to. */
    public int cluster() {
        return cluster;
    }
}
