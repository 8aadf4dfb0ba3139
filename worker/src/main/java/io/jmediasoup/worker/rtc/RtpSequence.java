package io.jmediasoup.worker.rtc;

/**
 * The sequence numbers a stream has seen, validated as RFC 3550 A.1 says and the C++ worker's
 * RtpStream does for streams both ways: a number far from the highest one is discarded, unless
 * the next packet follows it, which means the sender restarted its numbering.
 */
final class RtpSequence {
    /** What became of a sequence number. */
    enum Verdict {
        ACCEPTED,
        /** The numbering restarted here: the packet is accepted as if it were the first. */
        RESET,
        DISCARDED
    }

    private static final int SEQ_MOD = 1 << 16;
    private static final int MAX_DROPOUT = 3000;
    private static final int MAX_MISORDER = 1500;

    private boolean started;
    private int maxSeq;
    private int badSeq;
    private long cycles;
    private int baseSeq;

    Verdict receive(int seq) {
        if (!started) {
            // Unlike the C++ worker, a first sequence number of 0 does not count a wrap-around.
            restart(seq);
            started = true;
            return Verdict.ACCEPTED;
        }
        int udelta = (seq - maxSeq) & 0xFFFF;
        if (udelta < MAX_DROPOUT) {
            if (seq < maxSeq) {
                cycles += SEQ_MOD;
            }
            maxSeq = seq;
        } else if (udelta <= SEQ_MOD - MAX_MISORDER) {
            // A very large jump: two consecutive such packets mean the sender restarted.
            if (seq != badSeq) {
                badSeq = (seq + 1) & (SEQ_MOD - 1);
                return Verdict.DISCARDED;
            }
            restart(seq);
            return Verdict.RESET;
        }
        return Verdict.ACCEPTED;
    }

    private void restart(int seq) {
        baseSeq = seq;
        maxSeq = seq;
        badSeq = SEQ_MOD + 1;
    }

    boolean started() {
        return started;
    }

    /** The highest sequence number seen, with the wrap-arounds counted in the upper bits. */
    long extendedMax() {
        return cycles + maxSeq;
    }

    /** How many packets the numbering says were sent since the first one (RFC 3550 A.3). */
    long expected() {
        return cycles + maxSeq - baseSeq + 1;
    }
}
