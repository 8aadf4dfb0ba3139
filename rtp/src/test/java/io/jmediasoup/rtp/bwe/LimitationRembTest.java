package io.jmediasoup.rtp.bwe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the limitation REMBs of a transport-cc receiver go out, and with what bitrate. */
class LimitationRembTest {
    private final LimitationRemb remb = new LimitationRemb();

    /** The bitrates due at each of {@code times} (ms), -1 where none is. */
    private List<Long> dueAt(long... times) {
        List<Long> bitrates = new ArrayList<>();
        for (long t : times) {
            bitrates.add(remb.due(t));
        }
        return bitrates;
    }

    @Test
    void noneWithoutAMaximum() {
        assertEquals(List.of(-1L, -1L), dueAt(0, 5000));
    }

    @Test
    void theMaximumEveryIntervalOnPackets() {
        assertEquals(false, remb.setMaxIncomingBitrate(300_000));
        assertEquals(List.of(300_000L, -1L, -1L, 300_000L, -1L, 300_000L), dueAt(10_000, 10_500, 11_500, 11_501, 12_000, 13_002));
    }

    @Test
    void liftingItSendsFourUnlimitedOnesTheFirstAtOnce() {
        remb.setMaxIncomingBitrate(300_000);
        assertEquals(List.of(300_000L), dueAt(10_000));
        assertEquals(true, remb.setMaxIncomingBitrate(0));
        assertEquals(List.of(0L, -1L, 0L, 0L, 0L, -1L, -1L), dueAt(10_100, 10_200, 11_601, 13_102, 14_603, 16_104, 20_000));
    }

    @Test
    void aNewMaximumEndsTheUnlimitedOnes() {
        remb.setMaxIncomingBitrate(300_000);
        remb.setMaxIncomingBitrate(0);
        assertEquals(List.of(0L), dueAt(10_000));
        remb.setMaxIncomingBitrate(500_000);
        assertEquals(List.of(-1L, 500_000L, 500_000L), dueAt(10_100, 11_501, 13_002));
    }
}
