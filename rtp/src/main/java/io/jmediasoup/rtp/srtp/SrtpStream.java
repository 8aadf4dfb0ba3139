package io.jmediasoup.rtp.srtp;

/**
 * What a session keeps per SSRC (libsrtp's "stream"): the highest SRTP packet index with the
 * replay list behind it, and the SRTCP index, received or sent.
 */
final class SrtpStream {
    private static final int HALF_SEQ_RANGE = 1 << 15;
    static final int MAX_SRTCP_INDEX = 0x7FFFFFFF;
    /** The last SRTP packet index a key may protect: 2^48 packets (RFC 3711 §9.2). */
    static final long MAX_RTP_INDEX = (1L << 48) - 1;

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

    SrtpStream() {
    }

    /** A stream whose last SRTCP index sent is {@code srtcpIndex}. */
    SrtpStream(int srtcpIndex) {
        this.srtcpIndex = srtcpIndex;
    }

    /**
     * Whether the 31-bit SRTCP index is used up: the key may protect no more SRTCP (RFC 3711
     * §9.2), as libsrtp answers key_expired once the index reaches 2^31 - 1.
     */
    boolean srtcpIndexExhausted() {
        return srtcpIndex == MAX_SRTCP_INDEX;
    }

    /** The SRTCP index for the next packet sent; only while {@link #srtcpIndexExhausted} is false. */
    int nextSrtcpIndex() {
        if (srtcpIndexExhausted()) {
            throw new IllegalStateException("SRTCP index exhausted");
        }
        return ++srtcpIndex;
    }
}
