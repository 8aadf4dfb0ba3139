package io.jmediasoup.rtp.sctp;

/**
 * Turns 32-bit serial numbers (TSNs, RFC 1982) into a 64-bit count that keeps growing, so that
 * the queues compare and sort them as plain longs.
 */
final class Tsn {
    private long last;

    Tsn(long first) {
        this.last = first & 0xFFFFFFFFL;
    }

    /** The unwrapped value nearest to the last one unwrapped. */
    long unwrap(long tsn) {
        int delta = (int) (tsn - last);
        long value = last + delta;
        if (value > last) {
            last = value;
        }
        return value;
    }

    static long wrap(long unwrapped) {
        return unwrapped & 0xFFFFFFFFL;
    }
}
