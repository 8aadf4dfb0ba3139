package io.jmediasoup.rtp.srtp;

/**
 * What a session keeps per SSRC (libsrtp's "stream"): the highest SRTP packet index with the
 * replay list behind it, and the SRTCP index, received or sent.
 */
final class SrtpStream {
    private static final int HALF_SEQ_RANGE = 1 << 15;
    static final int MAX_SRTCP_INDEX = 0x7FFFFFFF;

    final ReplayWindow rtpWindow = new ReplayWindow();
    final ReplayWindow rtcpWindow = new ReplayWindow();
    /** The last SRTCP index sent; the first packet goes with 1. */
    private int srtcpIndex;

    /**
     * The packet index (ROC × 2^16 + SEQ) a packet with {@code seq} most likely has, from the
     * highest one so far (RFC 3711 §3.3.1); the first packet starts ROC at 0. Returns -1 for
     * a packet older than the stream's start (a ROC below 0).
     */
    long estimateRtpIndex(int seq) {
        long highest = rtpWindow.highest();
        if (highest < 0) {
            return seq;
        }
        long roc = highest >>> 16;
        int highestSeq = (int) (highest & 0xFFFF);
        long guess;
        if (highestSeq < HALF_SEQ_RANGE) {
            guess = seq - highestSeq > HALF_SEQ_RANGE ? roc - 1 : roc;
        } else {
            guess = highestSeq - HALF_SEQ_RANGE > seq ? roc + 1 : roc;
        }
        return guess < 0 ? -1 : guess << 16 | seq;
    }

    /** The SRTCP index for the next packet sent (31 bits, wrapping as libsrtp stops: never reached in practice). */
    int nextSrtcpIndex() {
        srtcpIndex = srtcpIndex == MAX_SRTCP_INDEX ? 1 : srtcpIndex + 1;
        return srtcpIndex;
    }
}
