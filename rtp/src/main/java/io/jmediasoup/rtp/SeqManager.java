package io.jmediasoup.rtp;

/**
 * Maps the sequence numbers of the packets a consumer forwards to one continuous output
 * sequence, across pauses and source switches: {@link #sync} re-bases so the next input
 * continues right after the highest number already sent, and {@link #drop} closes the gap a
 * packet left out would open. 16 bits for RTP; VP8 picture ids (15) and TL0PICIDX (8) too.
 * Outputs may be offset by an initial value: the first input after the first sync then
 * becomes that value plus one.
 */
public final class SeqManager {
    private static final int MAX_VALUE = 0xFFFF;
    private static final int HALF = MAX_VALUE / 2;

    private final int mask;
    private final int half;
    private final int initialOutput;
    private int base;
    private int maxOutput;
    private int maxInput;

    public SeqManager() {
        this(16);
    }

    public SeqManager(int bits) {
        this(bits, 0);
    }

    private SeqManager(int bits, int initialOutput) {
        mask = (1 << bits) - 1;
        half = mask / 2;
        this.initialOutput = initialOutput & mask;
    }

    /** RTP sequence numbers whose outputs are offset by {@code initialOutput}. */
    public static SeqManager startingAt(int initialOutput) {
        return new SeqManager(16, initialOutput);
    }

    /** The next input after {@code input} will get the number after the highest output so far. */
    public void sync(int input) {
        base = (maxOutput - input) & mask;
        maxInput = input & mask;
    }

    /** The output sequence number for {@code input}. */
    public int input(int input) {
        int output = (input + base) & mask;
        if (((input - maxInput) & mask) < half) {
            maxInput = input & mask;
        }
        if (((output - maxOutput) & mask) < half) {
            maxOutput = output;
        }
        return (output + initialOutput) & mask;
    }

    /**
     * {@code input} is left out: when it is the newest so far, the inputs after it move down
     * by one so the output has no hole. An older one (reordered) is not accounted for.
     */
    public void drop(int input) {
        if (isNewer(input, maxInput)) {
            maxInput = input & mask;
            base = (base - 1) & mask;
        }
    }

    /** Whether {@code lhs} comes after {@code rhs} in this manager's modular order. */
    public boolean isNewer(int lhs, int rhs) {
        int delta = (lhs - rhs) & mask;
        return delta != 0 && delta <= half;
    }

    /** The highest output so far. */
    public int maxOutput() {
        return (maxOutput + initialOutput) & mask;
    }

    /** The newest input seen. */
    public int maxInput() {
        return maxInput;
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
