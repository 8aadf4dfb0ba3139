package io.jmediasoup.worker.rtc;

/** How streams read their peers' RTCP reports: loss and round-trip time, per era. */
public enum StreamReports {
    /**
     * mediasoup 3.8.4's: a consumer's loss is the receiver report's totals, and a round-trip
     * time is measured only from a report that has seen one of ours and delayed its answer.
     */
    MEDIASOUP_3_8,
    /**
     * mediasoup 3.32.2's: a consumer's loss is what its own link lost ({@link DownlinkLoss}), and
     * any report that has seen one of ours measures a round-trip time, of at least 1 ms.
     */
    MEDIASOUP_3_32;

    /**
     * 3.32.2's round-trip time (ms) from compact NTP times (RFC 3550 §6.4.1): {@code now} minus the
     * peer's delay minus our report's time, taken as signed, rounded to the microsecond and held
     * at 1 ms or more, since a clock that is not monotonic can make it negative.
     */
    static double roundTripTimeMs(long now, long delay, long lastReport) {
        long interval = (now - delay - lastReport) & 0xFFFFFFFFL;
        if (interval > 0x80000000L) {
            interval -= 1L << 32;
        }
        long us = (interval * 1_000_000 + (1 << 15)) >> 16;
        return (float) (Math.max(us, 1000) / 1000.0);
    }
}
