package io.jmediasoup.rtp.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmediasoup.rtp.RtpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ring of sent packets NACKs are answered from: what it keeps, for how long, and what it copies back. */
class RetransmissionBufferTest {
    private final RetransmissionBuffer buffer = new RetransmissionBuffer();

    @AfterEach
    void release() {
        buffer.release();
    }

    /**
     * Stores a VP8-like packet (payload type 96, ssrc 0x11223344) of {@code size} bytes whose
     * payload bytes are the sequence number's low byte, releasing the caller's copy as a
     * sending stream does once the packet is on the wire.
     */
    private void store(int seq, long timestamp, int size, boolean keyFrame) {
        ByteBuf wire = packet(seq, timestamp, size);
        try {
            RtpPacket packet = new RtpPacket();
            assertTrue(packet.parse(wire));
            packet.setKeyFrame(keyFrame);
            buffer.store(packet);
        } finally {
            wire.release();
        }
    }

    private static ByteBuf packet(int seq, long timestamp, int size) {
        ByteBuf wire = PooledByteBufAllocator.DEFAULT.directBuffer(size);
        wire.writeByte(0x80).writeByte(96).writeShort(seq).writeInt((int) timestamp).writeInt(0x11223344);
        while (wire.readableBytes() < size) {
            wire.writeByte(seq);
        }
        return wire;
    }

    /** Stores {@code count} packets from {@code first} on, sequence numbers wrapping at 2^16. */
    private void storeRun(int first, int count) {
        for (int i = 0; i < count; i++) {
            int seq = (first + i) & 0xFFFF;
            store(seq, seq * 90L, 100, false);
        }
    }

    @ParameterizedTest
    @CsvSource({
        // 600 packets, all kept.
        "0, 600, 0, true",
        "0, 600, 599, true",
        // The 601st takes the first one's slot.
        "0, 601, 0, false",
        "0, 601, 1, true",
        "0, 601, 600, true",
        "1000, 600, 1000, true",
        "1000, 1200, 1599, false",
        "1000, 1200, 1600, true",
        // A sequence number never stored is not kept, even when its slot is taken.
        "0, 600, 600, false",
        "0, 10, 10, false",
        // Across the wrap 65536 is no multiple of 600: 0 takes the slot of 65400,
        // so only 136 packets before it are kept there.
        "65000, 536, 65400, true",
        "65000, 537, 65400, false",
        "65000, 537, 65401, true",
        "65000, 537, 0, true",
        "65000, 671, 65535, true",
        "65000, 672, 65535, false",
        "65000, 700, 163, true",
        "65000, 1000, 65535, false",
        "65000, 1000, 65000, false",
        "65000, 1000, 463, true",
    })
    void keepsEachPacketUntilALaterOneTakesItsSlot(int first, int count, int seq, boolean kept) {
        storeRun(first, count);
        assertEquals(kept, buffer.contains(seq));
    }

    @Test
    void copiesBackEachPacketAsSentAcrossTheWrap() {
        int[] seqs = {65533, 65534, 65535, 0, 1, 2};
        for (int i = 0; i < seqs.length; i++) {
            store(seqs[i], 0xFFFFFFF0L + i, 200 + i * 100, i == 3);
        }
        RtpPacket view = new RtpPacket();
        for (int i = 0; i < seqs.length; i++) {
            int seq = seqs[i];
            assertTrue(buffer.contains(seq));
            assertEquals(0xFFFFFFF0L + i, buffer.timestamp(seq));
            ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(RetransmissionBuffer.SLOT_SIZE);
            ByteBuf expected = packet(seq, 0xFFFFFFF0L + i, 200 + i * 100);
            try {
                assertTrue(buffer.copyTo(seq, out, view));
                assertEquals(ByteBufUtil.hexDump(expected), ByteBufUtil.hexDump(out));
                assertEquals(seq, view.sequenceNumber());
                assertEquals(0x11223344L, view.ssrc());
                assertEquals(i == 3, view.isKeyFrame());
            } finally {
                out.release();
                expected.release();
            }
        }
    }

    /** The C++ worker keeps packets up to its MTU; larger ones are not kept and evict nothing. */
    @ParameterizedTest
    @CsvSource({"12, true", "1200, true", "1500, true", "1501, false", "9000, false"})
    void keepsPacketsUpToTheMtu(int size, boolean kept) {
        store(7, 0, 100, false);
        store(607, 0, size, false);
        assertEquals(kept, buffer.contains(607));
        assertEquals(!kept, buffer.contains(7));
    }

    @Test
    void countsRetransmissionsPerPacketAndForgetsThemWhenTheSlotIsReused() {
        store(5, 0, 100, false);
        store(6, 0, 100, false);
        assertEquals(0, buffer.resentAtMs(5));
        assertEquals(1, buffer.markResent(5, 1000));
        assertEquals(2, buffer.markResent(5, 1040));
        assertEquals(1040, buffer.resentAtMs(5));
        assertEquals(0, buffer.resentAtMs(6));
        // Sequence number 605 takes 5's slot: a new packet, never retransmitted.
        store(605, 0, 100, false);
        assertFalse(buffer.contains(5));
        assertEquals(0, buffer.resentAtMs(605));
        assertEquals(1, buffer.markResent(605, 2000));
        // Storing the same packet again also starts its count over.
        store(6, 0, 100, false);
        assertEquals(1, buffer.markResent(6, 2000));
    }

    @Test
    void clearForgetsEveryPacketAndStoringGoesOn() {
        storeRun(100, 50);
        buffer.clear();
        for (int seq = 100; seq < 150; seq++) {
            assertFalse(buffer.contains(seq));
        }
        store(120, 0, 300, true);
        assertTrue(buffer.contains(120));
        assertFalse(buffer.contains(121));
    }

    @Test
    void aBufferThatNeverStoredKeepsNothingAndReleasesCleanly() {
        assertFalse(buffer.contains(0));
        assertFalse(buffer.contains(65535));
        buffer.clear();
        buffer.release();
        assertFalse(buffer.contains(0));
    }

    @Test
    void releasingTwiceIsHarmless() {
        storeRun(0, 10);
        buffer.release();
        buffer.release();
    }
}
