package io.jmediasoup.rtp.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bytes and bitrate of a transport's counters, on a fake clock. */
class TransmissionCounterTest {
    /**
     * 100 packets of 1,000 bytes 10 ms apart (from t = 0 to 990 ms): all bytes count for good,
     * the bitrate only what falls in the window before {@code atMs}.
     */
    @ParameterizedTest
    @CsvSource({
        // A 1 s window right after the last packet holds all of them: 100,000 bytes in 1 s.
        "1000, 990, 800000",
        // Half of them left the window.
        "1000, 1490, 400000",
        // All of them left it.
        "1000, 2000, 0",
        // RTP media's 2.5 s window: 100,000 bytes over 2.5 s.
        "2500, 990, 320000",
        "2500, 3000, 160000",
        // Probation's 100 ms window: the last ten packets.
        "100, 990, 800000",
        "100, 1200, 0",
    })
    void bytesForGoodBitrateOverTheWindow(long windowMs, long atMs, long bitrate) {
        TransmissionCounter counter = new TransmissionCounter(windowMs);
        for (long t = 0; t < 1000; t += 10) {
            counter.count(1000, t);
        }
        assertEquals(100_000, counter.bytes());
        // The window moves a bucket (a hundredth of it) at a time: a few packets either way.
        assertEquals(bitrate, counter.bitrate(atMs), 10_000);
    }
}
