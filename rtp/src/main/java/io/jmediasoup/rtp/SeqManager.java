package io.jmediasoup.rtp;

/**
 * Maps the sequence numbers of the packets a consumer forwards to one continuous output
 * sequence, across pauses and source switches: {@link #sync} re-bases so the next input
 * continues right after the highest number already sent.
 */
public final class SeqManager {
    private static final int MAX_VALUE = 0xFFFF;
    private static final int HALF = MAX_VALUE / 2;

    private int base;
    private int maxOutput;
    private int maxInput;

    /** The next input after {@code input} will get the number after the highest output so far. */
    public void sync(int input) {
        base = (maxOutput - input) & MAX_VALUE;
        maxInput = input & MAX_VALUE;
    }

    /** The output sequence number for {@code input}. */
    public int input(int input) {
        int output = (input + base) & MAX_VALUE;
        if (((input - maxInput) & MAX_VALUE) < HALF) {
            maxInput = input & MAX_VALUE;
        }
        if (((output - maxOutput) & MAX_VALUE) < HALF) {
            maxOutput = output;
        }
        return output;
    }

    /** Whether RTP timestamp {@code lhs} comes after {@code rhs}, modulo 2^32. */
    public static boolean isTimestampHigherThan(long lhs, long rhs) {
        long delta = (lhs - rhs) & 0xFFFFFFFFL;
        return delta != 0 && delta <= 0x7FFFFFFFL;
    }

    /** Whether {@code lhs} comes after {@code rhs} in 16-bit sequence-number order. */
    public static boolean isHigherThan(int lhs, int rhs) {
        int delta = (lhs - rhs) & MAX_VALUE;
        return delta != 0 && delta <= HALF;
    }
}
