package io.jmediasoup.rtp.bwe;

/**
 * How much padding to send so that media plus padding reach a target rate: a token bucket
 * filled at the target and drained by every byte sent. A sender that does not use what the
 * estimate allows never shows the path can carry more (the estimate is capped near what gets
 * acknowledged), so, as libwebrtc's pacer does for the C++ worker, the gap is padded.
 */
public final class PaddingBudget {
    /** At most this much padding at once: bursts would look like congestion. */
    private static final long MAX_BURST_MS = 40;
    /** Media above the target is forgiven after this long, so that a burst does not mute padding for long. */
    private static final long MAX_DEBT_MS = 500;

    private long budgetBits;
    private long lastMs = -1;

    /** Media left: it counts against the padding. */
    public void mediaSent(int bytes) {
        budgetBits -= bytes * 8L;
    }

    /** The padding bytes to send now to keep up {@code targetBitrate} (bps); 0 when media already does. */
    public int paddingBytes(long targetBitrate, long nowMs) {
        if (lastMs == -1 || targetBitrate <= 0) {
            lastMs = nowMs;
            budgetBits = 0;
            return 0;
        }
        long elapsedMs = Math.max(0, Math.min(nowMs - lastMs, MAX_BURST_MS));
        lastMs = nowMs;
        budgetBits += targetBitrate * elapsedMs / 1000;
        budgetBits = Math.max(-targetBitrate * MAX_DEBT_MS / 1000, Math.min(targetBitrate * MAX_BURST_MS / 1000, budgetBits));
        if (budgetBits <= 0) {
            return 0;
        }
        int bytes = (int) (budgetBits / 8);
        budgetBits -= bytes * 8L;
        return bytes;
    }
}
