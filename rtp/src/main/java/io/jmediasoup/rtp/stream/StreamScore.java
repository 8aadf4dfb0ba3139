package io.jmediasoup.rtp.stream;

/**
 * A stream's score from 0 to 10, as the C++ worker keeps it: the rounded average of the last
 * 24 samples, the more recent weighing more (the oldest 1, the next 2, and so on).
 */
public final class StreamScore {
    private static final int HISTORY = 24;

    private final int[] samples = new int[HISTORY];
    private int first;
    private int count;
    private int score;

    public StreamScore(int initial) {
        this.score = initial;
    }

    public int value() {
        return score;
    }

    /** Adds a sample; returns whether the score changed. */
    public boolean add(int sample) {
        if (count == HISTORY) {
            first = (first + 1) % HISTORY;
            count--;
        }
        samples[(first + count) % HISTORY] = sample;
        count++;
        long weighted = 0;
        long weights = 0;
        for (int i = 0; i < count; i++) {
            weighted += (long) (i + 1) * samples[(first + i) % HISTORY];
            weights += i + 1;
        }
        int previous = score;
        score = (int) Math.round((double) weighted / weights);
        return score != previous;
    }

    /** Forgets the history and sets the score; returns whether it changed. */
    public boolean reset(int value) {
        count = 0;
        first = 0;
        int previous = score;
        score = value;
        return score != previous;
    }

    /**
     * The sample for an interval in which {@code lost} of {@code total} packets were lost and
     * {@code repaired} of them recovered by {@code retransmitted} retransmissions: 10 times the
     * fourth power of the delivered ratio, a repair counting less the more it took.
     */
    public static int sample(long total, long lost, long repaired, long retransmitted) {
        if (total == 0) {
            return 10;
        }
        lost = Math.min(lost, total);
        repaired = Math.min(repaired, lost);
        double repairedRatio = (double) repaired / total;
        double repairedWeight = Math.pow(1 / (repairedRatio + 1), 4);
        if (retransmitted > 0) {
            repairedWeight *= (double) repaired / retransmitted;
        }
        long effectiveLost = (long) (lost - repaired * repairedWeight);
        double deliveredRatio = (double) (total - effectiveLost) / total;
        return (int) Math.round(Math.pow(deliveredRatio, 4) * 10);
    }
}
