package io.jmediasoup.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SeqManager: inputs, with a sync before some of them, and the outputs they must give. */
class SeqManagerTest {
    /** {@code -n} in a script is the consumer re-syncing before input n: sync(n - 1). */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("first packet after a sync is 1", new int[] {-1000, 1000, 1001, 1002}, new int[] {1, 2, 3}),
                Arguments.of("gaps are kept", new int[] {-10, 10, 12, 15}, new int[] {1, 3, 6}),
                Arguments.of("reordering is kept", new int[] {-10, 10, 12, 11}, new int[] {1, 3, 2}),
                Arguments.of("input wraps at 65535", new int[] {-65534, 65534, 65535, 0, 1}, new int[] {1, 2, 3, 4}),
                Arguments.of("a re-sync continues after the highest output",
                        new int[] {-100, 100, 101, -5000, 5000, 5001}, new int[] {1, 2, 3, 4}),
                Arguments.of("a late packet after a re-sync does not move the maximum",
                        new int[] {-100, 100, 101, -5000, 5000, 4999, 5001}, new int[] {1, 2, 3, 2, 4}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mapsInputsToOneContinuousSequence(String name, int[] script, int[] expected) {
        SeqManager manager = new SeqManager();
        int[] outputs = new int[expected.length];
        int count = 0;
        for (int step : script) {
            if (step < 0) {
                manager.sync(-step - 1);
            } else {
                outputs[count++] = manager.input(step);
            }
        }
        assertArrayEquals(expected, outputs);
    }

    /** The same scripts with outputs offset by an initial value (3.32.2's random start), near the wrap. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void offsetsEveryOutputByTheInitialOne(String name, int[] script, int[] expected) {
        SeqManager manager = SeqManager.startingAt(65534);
        int count = 0;
        for (int step : script) {
            if (step < 0) {
                manager.sync(-step - 1);
            } else {
                int output = manager.input(step);
                assertEquals((expected[count++] + 65534) & 0xFFFF, output);
                assertFalse(SeqManager.isHigherThan(output, manager.maxOutput()));
            }
        }
    }

    @ParameterizedTest(name = "{0} > {1}: {2}")
    @MethodSource("order")
    void ordersAcrossTheWrap(int lhs, int rhs, boolean higher) {
        assertEquals(higher, SeqManager.isHigherThan(lhs, rhs));
    }

    static Stream<Arguments> order() {
        return Stream.of(Arguments.of(2, 1, true), Arguments.of(1, 2, false), Arguments.of(0, 65535, true),
                Arguments.of(65535, 0, false), Arguments.of(5, 5, false), Arguments.of(32767, 0, true),
                Arguments.of(32768, 0, false));
    }
}
