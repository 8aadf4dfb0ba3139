package io.jmediasoup.rtp.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The receiver's TSN record: cumulative point, gap blocks as intervals, duplicates, bounds. */
class ReceivedTsnsTest {
    private static final long INITIAL = 1000;

    /** TSNs received in order (offsets from the initial TSN), then the cumulative offset and the gap blocks of the SACK. */
    static Stream<Arguments> sequences() {
        return Stream.of(
                Arguments.of(new long[] {0, 1, 2}, 2, List.of()),
                Arguments.of(new long[] {1, 2, 4}, -1, List.of("2-3", "5-5")),
                Arguments.of(new long[] {4, 2, 3, 1}, -1, List.of("2-5")),
                Arguments.of(new long[] {4, 2, 3, 1, 0}, 4, List.of()),
                Arguments.of(new long[] {0, 2, 4, 6, 3}, 0, List.of("2-4", "6-6")),
                Arguments.of(new long[] {0, 2, 4, 6, 3, 5, 1}, 6, List.of()));
    }

    @ParameterizedTest
    @MethodSource("sequences")
    void gapBlocksAreTheIntervalsBeyondTheCumulativePoint(long[] offsets, long cumulative, List<String> gaps) {
        ReceivedTsns received = new ReceivedTsns(INITIAL);
        for (long offset : offsets) {
            long tsn = received.unwrap(INITIAL + offset);
            assertTrue(received.isNew(tsn));
            assertTrue(received.receive(tsn));
        }
        assertEquals(INITIAL + cumulative, received.cumulative());
        assertEquals(gaps, sackGaps(received));
    }

    @Test
    void duplicatesAreReportedOnce() {
        ReceivedTsns received = new ReceivedTsns(INITIAL);
        received.receive(received.unwrap(INITIAL));
        received.receive(received.unwrap(INITIAL + 2));
        assertFalse(received.isNew(received.unwrap(INITIAL)));
        assertFalse(received.isNew(received.unwrap(INITIAL + 2)));
        assertTrue(received.isNew(received.unwrap(INITIAL + 1)));
        ByteBuf sack = Unpooled.buffer();
        received.writeSack(sack, 1000);
        assertEquals(2, SackChunk.duplicateTsns(reader(sack)));
        sack.clear();
        received.writeSack(sack, 1000);
        assertEquals(0, SackChunk.duplicateTsns(reader(sack)));
    }

    @Test
    void tsnsAroundTheWrapUnwrapFromTheCumulativePoint() {
        ReceivedTsns received = new ReceivedTsns(0xFFFFFFFEL);
        for (long tsn : new long[] {0xFFFFFFFEL, 0xFFFFFFFFL, 0, 1}) {
            assertTrue(received.receive(received.unwrap(tsn)));
        }
        assertEquals(1, Tsn.wrap(received.cumulative()));
        // A TSN far ahead is refused and moves nothing: the next one still unwraps right.
        assertFalse(received.receive(received.unwrap(0x80000000L)));
        assertTrue(received.receive(received.unwrap(2)));
        assertEquals(2, Tsn.wrap(received.cumulative()));
    }

    @Test
    void scatteredTsnsAreBoundedButTheCumulativePointCanAlwaysAdvance() {
        ReceivedTsns received = new ReceivedTsns(INITIAL);
        for (int i = 0; i < ReceivedTsns.MAX_RUNS; i++) {
            assertTrue(received.receive(received.unwrap(INITIAL + 2 + 2L * i)));
        }
        assertEquals(ReceivedTsns.MAX_RUNS, received.runs());
        long next = INITIAL + 2 + 2L * ReceivedTsns.MAX_RUNS;
        assertFalse(received.receive(received.unwrap(next)), "one run more is refused");
        assertTrue(received.receive(received.unwrap(next - 1)), "one that joins a run is taken");
        assertTrue(received.receive(received.unwrap(INITIAL)), "the one the cumulative point waits for is taken");
        assertTrue(received.receive(received.unwrap(INITIAL + 1)));
        assertEquals(INITIAL + 2, received.cumulative());
        assertEquals(ReceivedTsns.MAX_RUNS - 1, received.runs());
    }

    @Test
    void forwardTsnSwallowsTheRunsItReaches() {
        ReceivedTsns received = new ReceivedTsns(INITIAL);
        for (long offset : new long[] {2, 3, 5, 6, 9}) {
            received.receive(received.unwrap(INITIAL + offset));
        }
        received.forward(received.unwrap(INITIAL + 4));
        assertEquals(INITIAL + 6, received.cumulative());
        assertEquals(List.of("3-3"), sackGaps(received));
    }

    private static ChunkReader reader(ByteBuf sack) {
        ByteBuf packet = Unpooled.buffer();
        SctpPacket.writeHeader(packet, 1);
        packet.writeBytes(sack);
        ChunkReader reader = new ChunkReader().reset(packet);
        assertTrue(reader.next());
        return reader;
    }

    private static List<String> sackGaps(ReceivedTsns received) {
        ByteBuf sack = Unpooled.buffer();
        received.writeSack(sack, 1000);
        ChunkReader reader = reader(sack);
        assertEquals(Tsn.wrap(received.cumulative()), SackChunk.cumulativeTsnAck(reader));
        List<String> gaps = new ArrayList<>();
        for (int i = 0; i < SackChunk.gapBlocks(reader); i++) {
            gaps.add(SackChunk.gapStart(reader, i) + "-" + SackChunk.gapEnd(reader, i));
        }
        return gaps;
    }
}
