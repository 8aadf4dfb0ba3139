package io.jmediasoup.worker.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** 3.32's transport round-trip time: a blend of the measurements of the last 1.5 s, kept once they age out. */
class RttCalculatorTest {
    private final RttCalculator calculator = new RttCalculator();

    @Test
    void unknownUntilMeasured() {
        assertEquals(-1, calculator.lastRttMs());
        assertEquals(Long.MAX_VALUE, calculator.nextUpdateMs());
    }

    @Test
    void blendsTheMeanOfRecentMeasurementsIntoTheAverage() {
        calculator.add(100, 10_000);
        assertEquals(100, calculator.lastRttMs(), "the first mean is the average");
        assertEquals(11_000, calculator.nextUpdateMs());
        calculator.add(200, 10_500);
        // Window mean 150, blended: 100 * 0.7 + 150 * 0.3.
        assertEquals(115, calculator.lastRttMs());
        calculator.tick(11_000);
        // Same window again: 115 * 0.7 + 150 * 0.3.
        assertEquals(125, calculator.lastRttMs());
        assertEquals(12_000, calculator.nextUpdateMs());
        calculator.tick(12_000);
        // 100 (at 10,000) aged out: the mean is 200.
        assertEquals(147, calculator.lastRttMs());
    }

    @Test
    void theLastAverageStaysOnceAllAgedOutAndANewOneStartsAfresh() {
        calculator.add(80, 10_000);
        calculator.tick(11_000);
        calculator.tick(12_000);
        assertEquals(80, calculator.lastRttMs());
        assertEquals(Long.MAX_VALUE, calculator.nextUpdateMs(), "nothing recent: no more updates");
        calculator.add(300, 20_000);
        assertEquals(300, calculator.lastRttMs(), "the forgotten average does not blend in");
        assertEquals(21_000, calculator.nextUpdateMs());
    }
}
