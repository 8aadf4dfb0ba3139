package io.jmediasoup.rtp.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The C++ worker's scoring: samples from loss and repair, and their weighted history. */
class StreamScoreTest {
    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("nothing expected", 0, 0, 0, 0, 10),
                Arguments.of("clean", 100, 0, 0, 0, 10),
                Arguments.of("5% lost", 100, 5, 0, 0, 8),
                Arguments.of("half lost", 100, 50, 0, 0, 1),
                Arguments.of("all lost", 100, 100, 0, 0, 0),
                Arguments.of("5% lost, all repaired at first try", 100, 5, 5, 5, 10),
                Arguments.of("more lost than sent", 10, 20, 0, 0, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void samplesAnInterval(String name, long total, long lost, long repaired, long retransmitted, int expected) {
        assertEquals(expected, StreamScore.sample(total, lost, repaired, retransmitted));
    }

    @Test
    void recentSamplesWeighMore() {
        StreamScore score = new StreamScore(10);
        assertFalse(score.add(10));
        assertTrue(score.add(0));
        assertEquals(3, score.value(), "(10*1 + 0*2) / 3");
        assertTrue(score.add(10));
        assertEquals(7, score.value(), "(10 + 0 + 30) / 6");
        assertTrue(score.reset(0));
        assertTrue(score.add(10));
        assertEquals(10, score.value(), "history forgotten");
    }
}
