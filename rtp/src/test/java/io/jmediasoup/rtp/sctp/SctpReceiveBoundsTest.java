package io.jmediasoup.rtp.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * What a hostile data-channel peer can make an association spend. Each case is an attack: its
 * event-loop time, measured as thread CPU time (which a busy machine does not inflate), must
 * grow linearly with its size, and what it leaves buffered is held against the receive window
 * and maxMessageSize.
 */
class SctpReceiveBoundsTest {
    private static final int B = DataChunk.FLAG_BEGIN;
    private static final int E = DataChunk.FLAG_END;
    private static final int U = DataChunk.FLAG_UNORDERED;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Fragments of the smaller of the two sizes an attack is timed at. */
    private static final int FRAGMENTS = 2_500;

    /** A configuration whose window and maximum message do not stop the attack before the reassembly. */
    private static SctpConfig roomy() {
        return new SctpConfig(16, 16, 64L << 20, 262_144, SctpConfig.DEFAULT_MTU);
    }

    /** Thread CPU time of the best of two runs of {@code attack} with {@code fragments}, each on a fresh connected pair. */
    private static long cpuNanos(int fragments, BiConsumer<DataInjector, Integer> attack) {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 2; run++) {
            SctpPair pair = new SctpPair(roomy());
            try {
                DataInjector peer = new DataInjector(pair);
                long start = THREADS.getCurrentThreadCpuTime();
                attack.accept(peer, fragments);
                peer.flush();
                best = Math.min(best, THREADS.getCurrentThreadCpuTime() - start);
            } finally {
                pair.close();
            }
        }
        return best;
    }

    /**
     * Linear work: four times the fragments cost at most twice four times as much, plus room for
     * a hiccup (quadratic work costs sixteen times as much).
     */
    private static void assertLinear(String name, BiConsumer<DataInjector, Integer> attack) {
        long small = cpuNanos(FRAGMENTS, attack);
        long large = cpuNanos(4 * FRAGMENTS, attack);
        String figures = name + ": " + FRAGMENTS + " fragments " + small / 1_000_000 + " ms of CPU, "
                + 4 * FRAGMENTS + " fragments " + large / 1_000_000 + " ms";
        System.out.println(figures);
        assertTrue(large < 8 * small + 20_000_000L, figures);
    }

    @Test
    void oneOrderedMessageInTinyFragmentsCostsLinearTime() {
        assertLinear("begin, never end", (peer, fragments) -> {
            peer.data(peer.nextTsn, B, 1, 0, 4);
            for (int i = 1; i < fragments; i++) {
                peer.data(peer.nextTsn + i, 0, 1, 0, 4);
            }
        });
    }

    @Test
    void oneUnorderedMessageInTinyFragmentsCostsLinearTime() {
        assertLinear("unordered runs", (peer, fragments) -> {
            // Every other TSN first, then the gaps: each one joins two runs.
            peer.data(peer.nextTsn, B | U, 1, 0, 4);
            for (int i = 2; i < fragments; i += 2) {
                peer.data(peer.nextTsn + i, U, 1, 0, 4);
            }
            for (int i = 1; i < fragments; i += 2) {
                peer.data(peer.nextTsn + i, U, 1, 0, 4);
            }
        });
    }

    @Test
    void anOrderedMessageThatNeverEndsIsHeldToTheWindow() {
        SctpPair pair = new SctpPair(SctpPair.config());
        try {
            DataInjector peer = new DataInjector(pair);
            long window = SctpPair.config().receiveWindow();
            peer.data(peer.nextTsn, B, 1, 0, 4);
            for (int i = 1; i < 20_000; i++) {
                peer.data(peer.nextTsn + i, 0, 1, 0, 4);
            }
            peer.flush();
            assertTrue(pair.b.association.bufferedReceiveBytes() <= window + window / 2,
                    pair.b.association.bufferedReceiveBytes() + " bytes held against a window of " + window);
            assertEquals(0, peer.arwnd, "the peer is told the window is shut");
        } finally {
            pair.close();
        }
    }

    @Test
    void manyStreamsOfUnfinishedMessagesAreHeldToTheWindow() {
        SctpConfig config = new SctpConfig(1024, 1024, 262_144, 262_144, SctpConfig.DEFAULT_MTU);
        SctpPair pair = new SctpPair(config);
        try {
            DataInjector peer = new DataInjector(pair);
            for (int i = 0; i < 3_000; i++) {
                peer.data(peer.nextTsn + i, B, i % 1024, i / 1024, 1000);
            }
            peer.flush();
            long window = config.receiveWindow();
            assertTrue(pair.b.association.bufferedReceiveBytes() <= window + window / 2,
                    pair.b.association.bufferedReceiveBytes() + " bytes held against a window of " + window);
        } finally {
            pair.close();
        }
    }

    @Test
    void tsnsAheadOfAGapAreDroppedPastTheWindow() {
        SctpPair pair = new SctpPair(SctpPair.config());
        try {
            DataInjector peer = new DataInjector(pair);
            long window = SctpPair.config().receiveWindow();
            // The first TSN missing: every other one waits for it.
            for (int i = 1; i < 3_000; i++) {
                peer.data(peer.nextTsn + i, 0, 1, 0, 1000);
            }
            peer.flush();
            assertTrue(pair.b.association.bufferedReceiveBytes() <= window,
                    pair.b.association.bufferedReceiveBytes() + " bytes held against a window of " + window);
            assertEquals(peer.nextTsn - 1, peer.ackedTsn);
        } finally {
            pair.close();
        }
    }

    @Test
    void aMessageOverMaxMessageSizeIsDroppedAsItGrowsAndTheStreamGoesOn() {
        SctpConfig config = new SctpConfig(16, 16, 65_536, 262_144, SctpConfig.DEFAULT_MTU);
        SctpPair pair = new SctpPair(config);
        try {
            DataInjector peer = new DataInjector(pair);
            long held = 0;
            int fragments = 3_300;
            for (int i = 0; i < fragments; i++) {
                peer.data(peer.nextTsn + i, i == 0 ? B : i == fragments - 1 ? E : 0, 1, 0, 1000);
                peer.flush();
                held = Math.max(held, pair.b.association.bufferedReceiveBytes());
            }
            assertTrue(held <= 65_536 + 66 * Reassembly.OVERHEAD, held + " bytes held for a 64 KiB message limit");
            peer.data(peer.nextTsn + fragments, B | E, 1, 1, 10);
            peer.flush();
            assertEquals(1, pair.b.association.oversizedMessages());
            assertEquals(List.of("\0".repeat(10)), pair.b.messages, "the next message on the stream is delivered");
            assertEquals((peer.nextTsn + fragments) & 0xFFFFFFFFL, peer.ackedTsn,
                    "every fragment is acknowledged: the peer sees its message taken, as the C++ worker drops it");
            assertEquals(0, pair.b.association.bufferedReceiveBytes());
        } finally {
            pair.close();
        }
    }

    @Test
    void unfinishedUnorderedRunsThatCannotGrowAreDropped() {
        SctpPair pair = new SctpPair(SctpPair.config());
        try {
            DataInjector peer = new DataInjector(pair);
            // Middles and ends with no begin, then begins with no end before another message: none can complete.
            for (int i = 0; i < 2_000; i++) {
                peer.data(peer.nextTsn + i, i % 3 == 0 ? U | E : U, 1, 0, 100);
            }
            peer.data(peer.nextTsn + 2_000, B | U, 1, 0, 100);
            peer.data(peer.nextTsn + 2_001, B | E | U, 2, 0, 100);
            peer.flush();
            assertEquals(0, pair.b.association.bufferedReceiveBytes());
            assertEquals(1, pair.b.messages.size());
        } finally {
            pair.close();
        }
    }
}
