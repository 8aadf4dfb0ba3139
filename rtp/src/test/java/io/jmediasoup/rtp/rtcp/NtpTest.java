package io.jmediasoup.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** NTP timestamps of wall-clock milliseconds, checked against real dates. */
class NtpTest {
    private static final double FRACTION_UNIT = 4294967296.0;

    private static long ms(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @ParameterizedTest
    @CsvSource({
        // Unix time 0 is 2,208,988,800 s after NTP's 1900 epoch.
        "1970-01-01T00:00:00Z, 2208988800, 0",
        // RFC 3550 figure 2's sender report: 0xb44db705 s and an eighth of a second.
        "1995-11-10T11:33:25.125Z, 3024992005, 536870912",
        "2026-12-06T23:00:00.500Z, 4005586800, 2147483648",
        "2026-12-06T23:00:00.750Z, 4005586800, 3221225472",
        // The last second of NTP era 0, then era 1 starting over at 0.
        "2036-02-07T06:28:15.999Z, 4294967295, 4290672328",
        "2036-02-07T06:28:16Z, 0, 0",
        "2036-02-07T06:28:17.001Z, 1, 4294967",
    })
    void secondsAndFractionOfAWallClockTime(String instant, long seconds, long fraction) {
        assertEquals(seconds, Ntp.seconds(ms(instant)));
        assertEquals(fraction, Ntp.fraction(ms(instant)));
    }

    /** Every millisecond's fraction reads back as that millisecond, the way the C++ worker converts NTP to ms. */
    @Test
    void everyMillisecondSurvivesTheRoundTrip() {
        long base = ms("2026-12-06T23:00:00Z");
        for (int millis = 0; millis < 1000; millis++) {
            long fraction = Ntp.fraction(base + millis);
            assertEquals(millis, Math.round(fraction * 1000 / FRACTION_UNIT), "ms " + millis);
            // The fraction is the millisecond's share of 2^32, truncated.
            assertEquals((long) Math.floor(millis / 1000.0 * FRACTION_UNIT), fraction, "ms " + millis);
        }
    }

    @ParameterizedTest
    @CsvSource({
        // RFC 3550 figure 2: ntp_sec 0xb44db705, ntp_frac 0x20000000 give LSR 0xb7052000.
        "3024992005, 536870912, 3070566400",
        // Unix epoch: 0x83aa7e80 s and no fraction.
        "2208988800, 0, 2122317824",
        // The seconds' high half and the fraction's low half drop out.
        "4294967295, 4294967295, 4294967295",
        "65536, 65535, 0",
        "1, 65536, 65537",
    })
    void compactIsTheMiddle32Bits(long seconds, long fraction, long compact) {
        assertEquals(compact, Ntp.compact(seconds, fraction));
    }

    @Test
    void compactOfRfc3550SenderReportDate() {
        long wallMs = ms("1995-11-10T11:33:25.125Z");
        assertEquals(0xb7052000L, Ntp.compact(Ntp.seconds(wallMs), Ntp.fraction(wallMs)));
    }
}
