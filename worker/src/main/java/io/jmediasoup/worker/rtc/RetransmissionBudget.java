package io.jmediasoup.worker.rtc;

/**
 * How many retransmissions a sending stream may still make: a token bucket refilled at
 * {@code perSecond} up to one second's worth. A NACK is a few bytes that can name hundreds of
 * packets, so without it a receiver could make the worker resend its whole buffer again and
 * again; this keeps repairs to about a stream's own packet rate at worst.
 */
final class RetransmissionBudget {
    private final long perSecond;
    /** Tokens, in thousandths, so that a millisecond refills a whole number of them. */
    private long milliTokens;
    private long lastMs = Long.MIN_VALUE;

    RetransmissionBudget(int perSecond) {
        this.perSecond = perSecond;
        this.milliTokens = perSecond * 1000L;
    }

    /** Takes one retransmission at {@code nowMs}; false when the budget is spent. */
    boolean take(long nowMs) {
        if (lastMs != Long.MIN_VALUE && nowMs > lastMs) {
            milliTokens = Math.min(perSecond * 1000L, milliTokens + (nowMs - lastMs) * perSecond);
        }
        lastMs = Math.max(lastMs, nowMs);
        if (milliTokens < 1000) {
            return false;
        }
        milliTokens -= 1000;
        return true;
    }
}
