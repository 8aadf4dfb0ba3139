package io.jmediasoup.worker.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The C++ worker's rounds: who climbs how far for a given estimate. */
class BitrateDistributionTest {
    /** A consumer whose next layers cost {@code steps} (bps each); it records how far it climbed. */
    private static final class Climber implements BitrateDistribution.Participant {
        final int priority;
        final long[] steps;
        final List<String> order;
        final String name;
        int provisional;
        int applied = -1;

        Climber(String name, int priority, List<String> order, long... steps) {
            this.name = name;
            this.priority = priority;
            this.order = order;
            this.steps = steps;
        }

        @Override
        public int bitratePriority() {
            return priority;
        }

        @Override
        public long increaseLayer(long bitrate, boolean considerLoss) {
            if (provisional == steps.length) {
                return 0;
            }
            long allowed = considerLoss ? bitrate * 108 / 100 : bitrate;
            if (steps[provisional] > allowed) {
                return 0;
            }
            order.add(name);
            return Math.min(steps[provisional++], bitrate);
        }

        @Override
        public void applyLayers() {
            applied = provisional;
            provisional = 0;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // available, A's priority, B's priority, A's steps, B's steps, layers A and B reach
                Arguments.of(500_000L, 1, 1, new long[] {100_000, 100_000, 100_000, 100_000},
                        new long[] {100_000, 100_000, 100_000, 100_000}, 3, 2),
                Arguments.of(500_000L, 2, 1, new long[] {100_000, 100_000, 100_000, 100_000},
                        new long[] {100_000, 100_000, 100_000, 100_000}, 4, 1),
                // What A cannot use goes to B: far over an even split.
                Arguments.of(700_000L, 1, 1, new long[] {100_000}, new long[] {300_000, 300_000}, 1, 2),
                // A step that does not fit stops that consumer only.
                Arguments.of(450_000L, 1, 1, new long[] {100_000, 400_000}, new long[] {100_000, 100_000, 100_000}, 1, 3),
                // Nothing fits: no layers at all.
                Arguments.of(50_000L, 1, 1, new long[] {100_000}, new long[] {100_000}, 0, 0),
                // Priority 0 (not forwarding) takes no part.
                Arguments.of(500_000L, 0, 1, new long[] {100_000}, new long[] {100_000, 100_000}, -1, 2));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void roundsClimbLayerByLayerByPriority(long available, int priorityA, int priorityB, long[] stepsA, long[] stepsB,
            int layersA, int layersB) {
        List<String> order = new ArrayList<>();
        Climber a = new Climber("A", priorityA, order, stepsA);
        Climber b = new Climber("B", priorityB, order, stepsB);
        // Equal priorities climb in the order given (the C++ worker's order there is its map's).
        BitrateDistribution.distribute(List.of(a, b), available, false);
        assertEquals(layersA, a.applied, "A");
        assertEquals(layersB, b.applied, "B");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theHigherPriorityClimbsFirstInEachRound(long available, int priorityA, int priorityB, long[] stepsA,
            long[] stepsB, int layersA, int layersB) {
        List<String> order = new ArrayList<>();
        Climber a = new Climber("A", priorityA + 1, order, stepsA);
        Climber b = new Climber("B", priorityA, order, stepsB);
        BitrateDistribution.distribute(List.of(b, a), available, false);
        if (!order.isEmpty()) {
            assertEquals("A", order.get(0));
        }
    }

    @Test
    void withRembTheLossAllowanceLetsALayerThatJustMissesFit() {
        Climber a = new Climber("A", 1, new ArrayList<>(), 105_000);
        BitrateDistribution.distribute(List.of(a), 100_000, true);
        assertEquals(1, a.applied);
    }
}
