package io.jmediasoup.rtp.rtcp;

/** NTP timestamps (RFC 5905) of wall-clock milliseconds, as RTCP sender reports carry them. */
public final class Ntp {
    /** Seconds from 1900 (NTP's era 0) to 1970 (Unix time). */
    static final long UNIX_EPOCH_SECONDS = 2_208_988_800L;

    private Ntp() {}

    public static long seconds(long wallMs) {
        return (wallMs / 1000 + UNIX_EPOCH_SECONDS) & 0xFFFFFFFFL;
    }

    public static long fraction(long wallMs) {
        return ((wallMs % 1000) << 32) / 1000;
    }

    /** The middle 32 bits of the 64-bit timestamp: what LSR fields and RTT arithmetic use. */
    public static long compact(long seconds, long fraction) {
        return ((seconds & 0xFFFF) << 16) | (fraction >>> 16);
    }
}
