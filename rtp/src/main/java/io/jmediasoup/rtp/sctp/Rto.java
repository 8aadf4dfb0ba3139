package io.jmediasoup.rtp.sctp;

/** The retransmission timeout from RTT measurements (RFC 9260 §6.3.1). */
final class Rto {
    static final long INITIAL_MS = 1000;
    static final long MIN_MS = 200;
    static final long MAX_MS = 60_000;

    private long srtt = -1;
    private long rttvar;
    private long rto = INITIAL_MS;

    void measure(long rttMs) {
        long rtt = Math.max(rttMs, 1);
        if (srtt < 0) {
            srtt = rtt;
            rttvar = rtt / 2;
        } else {
            rttvar = (3 * rttvar + Math.abs(srtt - rtt)) / 4;
            srtt = (7 * srtt + rtt) / 8;
        }
        rto = clamp(srtt + Math.max(4 * rttvar, 1));
    }

    /** Timer expiry: back off (RFC 9260 §6.3.3 E2). */
    void backOff() {
        rto = clamp(rto * 2);
    }

    long value() {
        return rto;
    }

    private static long clamp(long value) {
        return Math.min(MAX_MS, Math.max(MIN_MS, value));
    }
}
