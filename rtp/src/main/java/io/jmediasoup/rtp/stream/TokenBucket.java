package io.jmediasoup.rtp.stream;

/**
 * A budget of work a remote peer can ask for: a token bucket refilled at {@code perSecond} up
 * to one second's worth. A few bytes of RTCP can ask for a lot (a NACK names hundreds of
 * packets to resend, a transport-cc feedback thousands of packets to look up), so what they
 * trigger is bounded per second whatever their rate.
 */
public final class TokenBucket {
    private final long perSecond;
    /** Tokens, in thousandths, so that a millisecond refills a whole number of them. */
    private long milliTokens;
    private long lastMs = Long.MIN_VALUE;

    public TokenBucket(int perSecond) {
        this.perSecond = perSecond;
        this.milliTokens = perSecond * 1000L;
    }

    /** Takes {@code amount} tokens at {@code nowMs}; false (and none taken) when fewer are left. */
    public boolean take(long amount, long nowMs) {
        if (lastMs != Long.MIN_VALUE && nowMs > lastMs) {
            milliTokens = Math.min(perSecond * 1000L, milliTokens + (nowMs - lastMs) * perSecond);
        }
        lastMs = Math.max(lastMs, nowMs);
        if (milliTokens < amount * 1000) {
            return false;
        }
        milliTokens -= amount * 1000;
        return true;
    }
}
