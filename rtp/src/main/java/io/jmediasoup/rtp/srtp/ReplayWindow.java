package io.jmediasoup.rtp.srtp;

/**
 * The replay list of RFC 3711 §3.3.2: which of the last {@link #SIZE} indices below the
 * highest one received have been received. A circular bitmap indexed by packet index, so
 * moving forward clears only the bits it passes.
 */
final class ReplayWindow {
    /** As the C++ worker configures libsrtp (window_size 1024). */
    static final int SIZE = 1024;

    private final long[] bits = new long[SIZE / 64];
    private long highest = -1;

    /** Whether {@code index} may be accepted: ahead of the window, or inside it and not yet seen. */
    boolean check(long index) {
        if (index > highest) {
            return true;
        }
        return !isTooOld(index) && !isSet(index);
    }

    /** Whether {@code index} is too far behind the highest to be told apart from a replay. */
    boolean isTooOld(long index) {
        return highest - index >= SIZE;
    }

    /** Records {@code index} as received (authenticated). */
    void accept(long index) {
        if (index > highest) {
            if (highest < 0 || index - highest >= SIZE) {
                java.util.Arrays.fill(bits, 0);
            } else {
                for (long i = highest + 1; i < index; i++) {
                    clear(i);
                }
            }
            highest = index;
        }
        int bit = (int) (index & (SIZE - 1));
        bits[bit >>> 6] |= 1L << bit;
    }

    /** The highest index accepted, or -1 before the first. */
    long highest() {
        return highest;
    }

    private boolean isSet(long index) {
        int bit = (int) (index & (SIZE - 1));
        return (bits[bit >>> 6] & (1L << bit)) != 0;
    }

    private void clear(long index) {
        int bit = (int) (index & (SIZE - 1));
        bits[bit >>> 6] &= ~(1L << bit);
    }
}
