package io.jmediasoup.worker.rtc;

/**
 * The last sender report of each of a producer's streams, by encoding: its NTP time and the
 * RTP timestamp that goes with it. Shared live with the producer's consumers, which align the
 * RTP timestamps of simulcast streams through it.
 */
final class SenderReportTimes {
    private final long[] ntpMs;
    private final long[] rtpTimestamps;
    private final boolean[] received;

    SenderReportTimes(int encodings) {
        ntpMs = new long[encodings];
        rtpTimestamps = new long[encodings];
        received = new boolean[encodings];
    }

    /** Records encoding {@code encodingIdx}'s report; true when it is its first. */
    boolean update(int encodingIdx, long ntpSeconds, long ntpFraction, long rtpTimestamp) {
        ntpMs[encodingIdx] = ntpSeconds * 1000 + ((ntpFraction * 1000) >>> 32);
        rtpTimestamps[encodingIdx] = rtpTimestamp;
        boolean first = !received[encodingIdx];
        received[encodingIdx] = true;
        return first;
    }

    boolean has(int encodingIdx) {
        return encodingIdx < received.length && received[encodingIdx];
    }

    long ntpMs(int encodingIdx) {
        return ntpMs[encodingIdx];
    }

    long rtpTimestamp(int encodingIdx) {
        return rtpTimestamps[encodingIdx];
    }
}
