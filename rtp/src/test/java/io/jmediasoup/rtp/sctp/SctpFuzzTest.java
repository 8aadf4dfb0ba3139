package io.jmediasoup.rtp.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * SCTP packets from a DataChannel peer (the payload of DTLS application data), walked chunk
 * by chunk with every field the association reads, then received by an association in the
 * connected state. Nothing may throw; each chunk the well-formedness checks let through must
 * lie inside its packet, which is in an exactly sized buffer so that a read past it throws.
 *
 * <p>An input is a sequence of packets, each a byte of flags, a 16-bit length, then that many
 * bytes (or what is left). Flags: bit 0 set sends the packet to side b of a fresh
 * {@link SctpPair} (else to a), bit 1 set keeps its CRC32c as it is (else it is fixed, so that
 * the packet gets past the checksum to the chunk handlers), bits 2 to 7 advance the clock by
 * that many times 10 ms before timers run. The pair connects as in {@link SctpPair}, so
 * packets recorded from such a pair (the seeds) carry the right verification tags.
 *
 * <p>{@link #reassemblyCost} looks for work that is not linear: each record of its input
 * stands for up to 2,048 DATA chunks, so that a few hundred bytes make the reassembly take tens
 * of thousands of fragments, and bounds the event-loop time per chunk and what stays held.
 */
class SctpFuzzTest {
    private static final int LEAD = 8;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int RECORD = 7;
    private static final int MAX_CHUNKS = 30_000;
    /**
     * CPU time allowed per DATA chunk, and once per input: a hundred times what a chunk takes
     * here with paranoid leak detection, far below what quadratic work takes at these counts.
     */
    private static final long NANOS_PER_CHUNK = 200_000;
    private static final long NANOS_PER_INPUT = 200_000_000;

    @FuzzTest(maxDuration = "5s")
    void receivePacket(byte[] input) {
        SctpPair pair = new SctpPair(SctpPair.config());
        try {
            pair.a.association.connect(pair.now);
            pair.run(2_000);
            assertEquals(SctpState.CONNECTED, pair.b.association.state());
            int offset = 0;
            while (input.length - offset >= 3) {
                int flags = input[offset] & 0xFF;
                int length = Math.min(((input[offset + 1] & 0xFF) << 8) | (input[offset + 2] & 0xFF), input.length - offset - 3);
                ByteBuf packet = Unpooled.directBuffer(LEAD + length, LEAD + length);
                try {
                    packet.writeZero(LEAD).writeBytes(input, offset + 3, length).readerIndex(LEAD);
                    if ((flags & 0x02) == 0 && length >= SctpPacket.HEADER_SIZE) {
                        SctpPacket.finish(packet);
                    }
                    walkChunks(packet);
                    SctpPair.Side to = (flags & 0x01) != 0 ? pair.b : pair.a;
                    long malformedBefore = to.association.malformedPackets();
                    to.association.receivePacket(packet, pair.now);
                    assertHeldWithinBounds(to.association, SctpPair.config());
                    if (length < SctpPacket.HEADER_SIZE) {
                        assertTrue(to.association.state() == SctpState.CLOSED || to.association.state() == SctpState.FAILED
                                || to.association.malformedPackets() == malformedBefore + 1, "a runt is counted");
                    }
                } finally {
                    packet.release();
                }
                pair.a.packets.clear();
                pair.b.packets.clear();
                pair.now += 10L * (flags >>> 2);
                pair.a.association.handleTimeout(pair.now);
                pair.b.association.handleTimeout(pair.now);
                offset += 3 + length;
            }
        } finally {
            pair.close();
        }
    }

    /**
     * Records of 7 bytes, each a burst of DATA chunks to side b of a connected pair: flags (bit 0
     * unordered, bit 1 the first chunk begins, bit 2 the last one ends, bit 3 every chunk begins,
     * bit 4 every chunk ends, bit 5 the SSN goes up per chunk, bit 6 TSNs go down, bit 7 they
     * skip one), stream, SSN offset (signed), TSN offset from the highest so far (signed), chunk
     * count (16 bits, at most 2,048) and payload length less one.
     */
    @FuzzTest(maxDuration = "5s")
    void reassemblyCost(byte[] input) {
        SctpConfig config = new SctpConfig(16, 16, 1 << 20, 262_144, SctpConfig.DEFAULT_MTU);
        SctpPair pair = new SctpPair(config);
        try {
            DataInjector peer = new DataInjector(pair);
            long highest = peer.nextTsn - 1;
            int ssnBase = 0;
            int chunks = 0;
            long cpu = 0;
            for (int offset = 0; offset + RECORD <= input.length && chunks < MAX_CHUNKS; offset += RECORD) {
                int flags = input[offset] & 0xFF;
                int streamId = (input[offset + 1] & 0xFF) % 16;
                ssnBase += input[offset + 2];
                long tsn = highest + input[offset + 3];
                int count = Math.min(Math.min(((input[offset + 4] & 0xFF) << 8) | (input[offset + 5] & 0xFF), 2_048),
                        MAX_CHUNKS - chunks);
                int length = 1 + (input[offset + 6] & 0xFF);
                long start = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < count; i++) {
                    int chunkFlags = (flags & 0x01) != 0 ? DataChunk.FLAG_UNORDERED : 0;
                    if ((flags & 0x08) != 0 || ((flags & 0x02) != 0 && i == 0)) {
                        chunkFlags |= DataChunk.FLAG_BEGIN;
                    }
                    if ((flags & 0x10) != 0 || ((flags & 0x04) != 0 && i == count - 1)) {
                        chunkFlags |= DataChunk.FLAG_END;
                    }
                    int ssn = (flags & 0x20) != 0 ? ssnBase + i : ssnBase;
                    peer.data(tsn, chunkFlags, streamId, ssn & 0xFFFF, length);
                    highest = Math.max(highest, tsn);
                    tsn += ((flags & 0x40) != 0 ? -1 : 1) * ((flags & 0x80) != 0 ? 2 : 1);
                }
                peer.flush();
                cpu += THREADS.getCurrentThreadCpuTime() - start;
                chunks += count;
                assertHeldWithinBounds(pair.b.association, config);
            }
            assertTrue(cpu <= NANOS_PER_INPUT + NANOS_PER_CHUNK * chunks,
                    chunks + " chunks took " + cpu / 1_000_000 + " ms of CPU");
        } finally {
            pair.close();
        }
    }

    /** What an association may hold whatever the peer sends: 1.5 receive windows, and so many runs of TSNs. */
    private static void assertHeldWithinBounds(SctpAssociation association, SctpConfig config) {
        long window = config.receiveWindow();
        assertTrue(association.bufferedReceiveBytes() <= window + window / 2,
                association.bufferedReceiveBytes() + " bytes held against a window of " + window);
        assertTrue(association.receivedRuns() <= ReceivedTsns.MAX_RUNS, association.receivedRuns() + " runs of TSNs");
    }

    /** Reads every field of every chunk that passes its check, as the association would. */
    private static void walkChunks(ByteBuf packet) {
        ChunkReader reader = new ChunkReader().reset(packet);
        int end = packet.writerIndex();
        while (reader.next()) {
            int chunkEnd = reader.index() + reader.length();
            assertTrue(reader.index() >= packet.readerIndex() + SctpPacket.HEADER_SIZE && chunkEnd <= end);
            switch (reader.type()) {
                case ChunkType.DATA:
                    if (DataChunk.isWellFormed(reader)) {
                        long sum = DataChunk.tsn(reader) + DataChunk.streamId(reader) + DataChunk.ssn(reader) + DataChunk.ppid(reader);
                        assertTrue(sum >= 0);
                        assertTrue(DataChunk.payloadIndex(reader) + DataChunk.payloadLength(reader) <= chunkEnd);
                    }
                    break;
                case ChunkType.INIT:
                case ChunkType.INIT_ACK:
                    InitChunk.parse(reader);
                    break;
                case ChunkType.SACK:
                    if (SackChunk.isWellFormed(reader)) {
                        assertTrue(SackChunk.cumulativeTsnAck(reader) + SackChunk.arwnd(reader) >= 0);
                        for (int block = 0; block < SackChunk.gapBlocks(reader); block++) {
                            assertTrue(SackChunk.gapStart(reader, block) + SackChunk.gapEnd(reader, block) >= 0);
                        }
                    }
                    break;
                case ChunkType.FORWARD_TSN:
                    if (ForwardTsnChunk.isWellFormed(reader)) {
                        assertTrue(ForwardTsnChunk.newCumulativeTsn(reader) >= 0);
                        for (int i = 0; i < ForwardTsnChunk.streams(reader); i++) {
                            assertTrue(ForwardTsnChunk.streamId(reader, i) + ForwardTsnChunk.ssn(reader, i) >= 0);
                        }
                    }
                    break;
                case ChunkType.RE_CONFIG:
                    ReconfigChunk.forEachParameter(reader, (type, buffer, index, length) -> {
                        assertTrue(index + length <= chunkEnd);
                        assertTrue(ReconfigChunk.requestSequence(buffer, index) >= 0);
                        if (type == ReconfigChunk.OUTGOING_SSN_RESET_REQUEST || type == ReconfigChunk.INCOMING_SSN_RESET_REQUEST) {
                            ReconfigChunk.streamIds(buffer, index, length);
                        }
                        if (type == ReconfigChunk.OUTGOING_SSN_RESET_REQUEST) {
                            assertTrue(ReconfigChunk.senderLastTsn(buffer, index) >= 0);
                        }
                        if (type == ReconfigChunk.RESPONSE) {
                            assertTrue(ReconfigChunk.responseResult(buffer, index) >= 0);
                        }
                    });
                    break;
                default:
                    break;
            }
        }
    }
}
