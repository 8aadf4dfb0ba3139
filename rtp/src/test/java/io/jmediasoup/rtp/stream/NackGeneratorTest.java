package io.jmediasoup.rtp.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** NACK decisions on a fake clock: gaps, recoveries, retries every RTT and the give-up after ten. */
class NackGeneratorTest {
    private static int[] batchOf(NackGenerator generator) {
        return Arrays.copyOf(generator.batch(), generator.batchCount());
    }

    static Stream<Arguments> gaps() {
        return Stream.of(
                Arguments.of("in order", new int[] {1, 2, 3, 4}, new int[0]),
                Arguments.of("one lost", new int[] {1, 2, 4}, new int[] {3}),
                Arguments.of("three lost", new int[] {10, 14}, new int[] {11, 12, 13}),
                Arguments.of("lost across the wrap", new int[] {65534, 1}, new int[] {65535, 0}),
                Arguments.of("reordered packet is NACKed once", new int[] {1, 3, 2, 4}, new int[] {2}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gaps")
    void nacksEachNewGapOnce(String name, int[] received, int[] expectedNacked) {
        NackGenerator generator = new NackGenerator();
        int[] nacked = new int[0];
        for (int seq : received) {
            generator.receivePacket(seq, false, false, 1000);
            int[] batch = batchOf(generator);
            int[] all = Arrays.copyOf(nacked, nacked.length + batch.length);
            System.arraycopy(batch, 0, all, nacked.length, batch.length);
            nacked = all;
        }
        assertArrayEquals(expectedNacked, nacked);
    }

    @Test
    void aRetransmissionOfANackedPacketIsRecognisedAndNotNackedAgain() {
        NackGenerator generator = new NackGenerator();
        generator.receivePacket(1, false, false, 0);
        generator.receivePacket(3, false, false, 0);
        assertTrue(generator.receivePacket(2, false, true, 10));
        assertFalse(generator.hasPending());
        generator.onTimer(500);
        assertEquals(0, generator.batchCount());
    }

    @Test
    void retriesEveryRttThenGivesUpAfterTenNacks() {
        NackGenerator generator = new NackGenerator();
        generator.updateRtt(50);
        generator.receivePacket(1, false, false, 0);
        generator.receivePacket(3, false, false, 0);
        assertArrayEquals(new int[] {2}, batchOf(generator));
        generator.onTimer(40);
        assertEquals(0, generator.batchCount(), "not before an RTT");
        long now = 0;
        for (int retry = 2; retry <= 10; retry++) {
            now += 50;
            generator.onTimer(now);
            assertArrayEquals(new int[] {2}, batchOf(generator), "retry " + retry);
        }
        assertFalse(generator.hasPending());
    }

    @Test
    void aGapTooLargeToTrackAsksForAKeyFrame() {
        NackGenerator generator = new NackGenerator();
        generator.receivePacket(1, false, false, 0);
        generator.receivePacket(2000, false, false, 0);
        assertTrue(generator.takeKeyFrameRequired());
        assertFalse(generator.hasPending());
    }

    @Test
    void aKeyFrameLetsOlderLossesGoWhenTheListFills() {
        NackGenerator generator = new NackGenerator();
        generator.receivePacket(1, false, false, 0);
        generator.receivePacket(600, false, false, 0);
        generator.receivePacket(601, true, false, 0);
        generator.receivePacket(1200, false, false, 0);
        assertFalse(generator.takeKeyFrameRequired());
        generator.onTimer(1000);
        assertEquals(598, generator.batchCount(), "only the losses after the key frame");
        assertEquals(602, generator.batch()[0]);
    }
}
