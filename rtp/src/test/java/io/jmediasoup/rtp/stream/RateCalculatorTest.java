package io.jmediasoup.rtp.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bits per second over a sliding window of buckets, on a fake clock. */
class RateCalculatorTest {
    /**
     * 50 packets of 1,200 bytes 20 ms apart (t = 0 to 980 ms, 60,000 bytes): the rate counts what
     * falls in the window before {@code atMs}, a bucket (a hundredth of the window) at a time.
     */
    @ParameterizedTest
    @CsvSource({
        // A 1 s window right after the last packet holds all of them: 480,000 bits in 1 s.
        "1000, 980, 480000",
        // The packet at t = 0 has just left the window (its bucket starts at its edge).
        "1000, 1000, 470400",
        // Only the packets from t = 500 on are left.
        "1000, 1490, 240000",
        // Only the last one is left, then none.
        "1000, 1979, 9600",
        "1000, 1980, 0",
        // RTP media's 2.5 s window: 480,000 bits over 2.5 s.
        "2500, 980, 192000",
        // The first 25 ms bucket (t = 0 and 20) has just left it.
        "2500, 2500, 184320",
        "2500, 3474, 3840",
        "2500, 3480, 0",
    })
    void countsEachPacketForOneWindow(long windowMs, long atMs, long bitrate) {
        RateCalculator rate = new RateCalculator(windowMs);
        for (long t = 0; t < 1000; t += 20) {
            rate.update(1200, t);
        }
        assertEquals(bitrate, rate.rate(atMs));
    }

    /** Bits per second, rounded to the nearest as the C++ worker's truncation of rate + 0.5 does. */
    @ParameterizedTest
    @CsvSource({
        // 125 bytes in 1 s: 1,000 bps.
        "1000, 125, 1000",
        // 1 byte over 2.5 s: 3.2 bps.
        "2500, 1, 3",
        // 2 bytes over 2.5 s: 6.4 bps.
        "2500, 2, 6",
        // 1 byte over 16 s: half a bit per second rounds up.
        "16000, 1, 1",
        // 1,000 bytes over 3 s: 2,666.67 bps.
        "3000, 1000, 2667",
    })
    void ratesInBitsPerSecondRoundedToTheNearest(long windowMs, int bytes, long bitrate) {
        RateCalculator rate = new RateCalculator(windowMs);
        rate.update(bytes, 5000);
        assertEquals(bitrate, rate.rate(5000));
    }

    @Test
    void aCalculatorThatNeverCountedReadsZero() {
        RateCalculator rate = new RateCalculator(1000);
        assertEquals(0, rate.rate(0));
        assertEquals(0, rate.rate(123_456));
        rate.update(125, 123_456);
        assertEquals(1000, rate.rate(123_456));
    }

    @Test
    void packetsInOneBucketAddUp() {
        RateCalculator rate = new RateCalculator(1000);
        rate.update(100, 200);
        rate.update(200, 203);
        rate.update(300, 209);
        assertEquals(4800, rate.rate(500));
    }

    @Test
    void aBucketReusedAWindowLaterCountsOnlyTheNewPacket() {
        RateCalculator rate = new RateCalculator(1000);
        rate.update(1000, 0);
        // 1000 ms later the ring comes back to the same slot.
        rate.update(10, 1000);
        assertEquals(80, rate.rate(1000));
        // And after a long silence, to the same slot again.
        rate.update(20, 100_000);
        assertEquals(160, rate.rate(100_000));
    }

    @Test
    void aWindowOfSilenceForgetsEverythingAndCountingResumes() {
        RateCalculator rate = new RateCalculator(2500);
        for (long t = 1000; t < 3500; t += 10) {
            rate.update(1000, t);
        }
        assertEquals(800_000, rate.rate(3490));
        assertEquals(0, rate.rate(10_000));
        rate.update(1000, 10_000);
        assertEquals(3200, rate.rate(10_000));
    }

    @Test
    void readingTheRateChangesNothing() {
        RateCalculator rate = new RateCalculator(1000);
        rate.update(500, 100);
        assertEquals(4000, rate.rate(100));
        assertEquals(0, rate.rate(5000));
        assertEquals(4000, rate.rate(100));
    }

    /** Windows shorter than 100 ms (probation's) get 1 ms buckets: expiry to the millisecond. */
    @ParameterizedTest
    @CsvSource({
        "50, 0, 8000",
        "50, 49, 8000",
        "50, 50, 0",
        "100, 99, 4000",
        "100, 100, 0",
    })
    void shortWindowsExpireToTheMillisecond(long windowMs, long atMs, long bitrate) {
        RateCalculator rate = new RateCalculator(windowMs);
        rate.update(50, 0);
        assertEquals(bitrate, rate.rate(atMs));
    }

    /** As in the C++ worker, a count older than the window is ignored: it must not erase newer ones. */
    @Test
    void aCountOlderThanTheWindowLeavesNewerCountsAlone() {
        RateCalculator rate = new RateCalculator(1000);
        rate.update(1000, 5000);
        rate.update(1000, 0);
        assertEquals(8000, rate.rate(5000));
    }
}
