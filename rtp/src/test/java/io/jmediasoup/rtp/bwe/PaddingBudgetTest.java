package io.jmediasoup.rtp.bwe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Padding over one second of 20 ms ticks with media at a steady rate: the gap up to the target. */
class PaddingBudgetTest {
    @ParameterizedTest(name = "target {0} bps, media {1} bps -> {2} bps of padding")
    @CsvSource({
        "800000, 0, 800000",
        "800000, 200000, 600000",
        "800000, 800000, 0",
        "800000, 1600000, 0",
        "0, 200000, 0",
    })
    void padsTheGapUpToTheTarget(long target, long media, long expectedPadding) {
        PaddingBudget budget = new PaddingBudget();
        long nowMs = 1000;
        budget.paddingBytes(target, nowMs);
        long paddingBytes = 0;
        for (int tick = 0; tick < 50; tick++) {
            nowMs += 20;
            budget.mediaSent((int) (media * 20 / 8000));
            paddingBytes += budget.paddingBytes(target, nowMs);
        }
        assertEquals(expectedPadding, paddingBytes * 8, 8 * 50);
    }

    @ParameterizedTest(name = "a {0} ms pause -> at most {1} bytes at once")
    @CsvSource({"20, 2000", "40, 4000", "1000, 4000"})
    void aLatePaddingTickDoesNotBurst(long pauseMs, int expectedBytes) {
        PaddingBudget budget = new PaddingBudget();
        budget.paddingBytes(800_000, 1000);
        assertEquals(expectedBytes, budget.paddingBytes(800_000, 1000 + pauseMs));
    }
}
