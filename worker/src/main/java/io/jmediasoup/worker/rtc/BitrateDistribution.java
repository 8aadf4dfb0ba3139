package io.jmediasoup.worker.rtc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Shares a transport's estimated outgoing bitrate among its layered consumers as the C++
 * worker does: round after round, each consumer (higher priority first, and up to as many
 * times per round as its priority) climbs one layer if what that layer adds fits in what is
 * left, until a round takes nothing; then each aims at the layers it reached. Unlike a fixed
 * share per consumer, what one cannot use is left for the others.
 */
final class BitrateDistribution {
    /** A consumer the estimate chooses layers for. */
    interface Participant {
        /** Steps per round; 0 takes no part (not forwarding). */
        int bitratePriority();

        /**
         * Climbs to its next layer if that fits in {@code bitrate} (bps, with the loss allowance
         * when {@code considerLoss}); returns what it took, 0 when it did not climb.
         */
        long increaseLayer(long bitrate, boolean considerLoss);

        /** Aims at the layers reached and starts over for the next distribution. */
        void applyLayers();
    }

    private BitrateDistribution() {}

    /**
     * Runs the rounds over {@code participants} with {@code availableBitrate} (bps);
     * {@code considerLoss} when the estimate is the receiver's REMB rather than transport-cc.
     */
    static void distribute(Iterable<? extends Participant> participants, long availableBitrate, boolean considerLoss) {
        List<Participant> byPriority = new ArrayList<>();
        for (Participant participant : participants) {
            if (participant.bitratePriority() > 0) {
                byPriority.add(participant);
            }
        }
        if (byPriority.isEmpty()) {
            return;
        }
        byPriority.sort(Comparator.comparingInt(Participant::bitratePriority).reversed());
        long left = availableBitrate;
        while (left > 0) {
            long leftBeforeRound = left;
            for (Participant participant : byPriority) {
                for (int step = 0; step < participant.bitratePriority(); step++) {
                    long used = participant.increaseLayer(left, considerLoss);
                    left -= used;
                    if (used == 0) {
                        break;
                    }
                }
            }
            if (left == leftBeforeRound) {
                break;
            }
        }
        for (Participant participant : byPriority) {
            participant.applyLayers();
        }
    }
}
