package io.jmediasoup.rtp.stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A budget of work per second, on a fake clock. */
class TokenBucketTest {
    @ParameterizedTest
    @CsvSource({"1, 0", "1000, 0", "1000, 123456789", "65535, 42"})
    void startsWithOneSecondsWorth(int perSecond, long nowMs) {
        TokenBucket bucket = new TokenBucket(perSecond);
        assertFalse(bucket.take(perSecond + 1L, nowMs));
        assertTrue(bucket.take(perSecond, nowMs));
        assertFalse(bucket.take(1, nowMs));
    }

    /** Emptied at t = 0, the bucket holds {@code perSecond * elapsedMs / 1000} tokens, fractions carried. */
    @ParameterizedTest
    @CsvSource({
        // 1,000 per second: a token a millisecond.
        "1000, 1, 1",
        "1000, 10, 10",
        "1000, 999, 999",
        // 300 per second: 0.3 a millisecond, so 4 ms give one token and 10 ms three.
        "300, 3, 0",
        "300, 4, 1",
        "300, 10, 3",
        "300, 500, 150",
        // 1 per second: nothing for 999 ms.
        "1, 999, 0",
        "1, 1000, 1",
    })
    void refillsAtTheRatePerSecond(int perSecond, long elapsedMs, long refilled) {
        TokenBucket bucket = new TokenBucket(perSecond);
        assertTrue(bucket.take(perSecond, 0));
        assertFalse(bucket.take(refilled + 1, elapsedMs));
        if (refilled > 0) {
            assertTrue(bucket.take(refilled, elapsedMs));
        }
        assertFalse(bucket.take(1, elapsedMs));
    }

    @Test
    void carriesFractionsOfATokenAcrossTakes() {
        TokenBucket bucket = new TokenBucket(300);
        assertTrue(bucket.take(300, 0));
        // 0.9 tokens at 3 ms: not enough.
        assertFalse(bucket.take(1, 3));
        // 1.2 at 4 ms: one taken, 0.2 left; 0.2 + 0.9 at 7 ms: one more.
        assertTrue(bucket.take(1, 4));
        assertFalse(bucket.take(1, 6));
        assertTrue(bucket.take(1, 7));
        assertFalse(bucket.take(1, 7));
    }

    @ParameterizedTest
    @CsvSource({"1000, 1001", "1000, 10000", "1000, 86400000", "50, 3600000"})
    void refillsNoMoreThanOneSecondsWorth(int perSecond, long idleMs) {
        TokenBucket bucket = new TokenBucket(perSecond);
        assertTrue(bucket.take(perSecond, 0));
        assertFalse(bucket.take(perSecond + 1L, idleMs));
        assertTrue(bucket.take(perSecond, idleMs));
        assertFalse(bucket.take(1, idleMs));
    }

    @Test
    void aRefusedTakeTakesNothing() {
        TokenBucket bucket = new TokenBucket(100);
        assertTrue(bucket.take(60, 0));
        assertFalse(bucket.take(41, 0));
        assertTrue(bucket.take(40, 0));
    }

    @Test
    void anAmountBeyondAnyBudgetIsAlwaysRefused() {
        TokenBucket bucket = new TokenBucket(1000);
        assertFalse(bucket.take(Integer.MAX_VALUE, 0));
        assertFalse(bucket.take(65535 * 17L, 100_000));
        assertTrue(bucket.take(1000, 100_000));
    }

    @Test
    void aClockGoingBackRefillsNothing() {
        TokenBucket bucket = new TokenBucket(1000);
        assertTrue(bucket.take(1000, 5000));
        assertFalse(bucket.take(1, 4000));
        // Back at 5000 nothing has passed since the latest time seen.
        assertFalse(bucket.take(1, 5000));
        assertTrue(bucket.take(10, 5010));
        assertFalse(bucket.take(1, 5010));
    }
}
