package io.jmediasoup.rtp.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Chunk writers against byte vectors worked out by hand from the RFCs, and the readers back. */
class SctpChunksTest {
    static Stream<Arguments> chunks() {
        return Stream.of(
                Arguments.of("DATA, one fragment, padded", (Consumer<ByteBuf>) out -> DataChunk.write(out,
                        DataChunk.FLAG_BEGIN | DataChunk.FLAG_END, 0x11223344L, 5, 7, 51,
                        Unpooled.wrappedBuffer("abc".getBytes(StandardCharsets.US_ASCII))),
                        "00030013" + "11223344" + "0005" + "0007" + "00000033" + "616263" + "00"),
                Arguments.of("SACK with a gap block and a duplicate", (Consumer<ByteBuf>) out -> SackChunk.write(out,
                        100, 65536, new int[] {2, 3}, 1, new long[] {98}, 1),
                        "03000018" + "00000064" + "00010000" + "0001" + "0001" + "0002" + "0003" + "00000062"),
                Arguments.of("FORWARD TSN skipping SSN 4 of stream 1", (Consumer<ByteBuf>) out ->
                        ForwardTsnChunk.write(out, 200, new int[] {1, 4}, 1), "c000000c" + "000000c8" + "0001" + "0004"),
                Arguments.of("SHUTDOWN", (Consumer<ByteBuf>) out -> Chunks.writeShutdown(out, 7), "07000008" + "00000007"),
                Arguments.of("ABORT, user initiated", (Consumer<ByteBuf>) out -> Chunks.writeAbort(out, false,
                        Chunks.CAUSE_USER_INITIATED_ABORT), "06000008" + "000c0004"),
                Arguments.of("SHUTDOWN COMPLETE, tag reflected", (Consumer<ByteBuf>) out -> Chunks.writeEmpty(out,
                        ChunkType.SHUTDOWN_COMPLETE, Chunks.FLAG_T), "0e010004"),
                Arguments.of("INIT offering RE-CONFIG and FORWARD TSN", (Consumer<ByteBuf>) out -> new InitChunk(
                        0xdeadbeefL, 0x100000, 16, 16, 1, null, true, true, SctpConfig.NO_ZERO_CHECKSUM)
                        .write(out, ChunkType.INIT),
                        "01000020" + "deadbeef" + "00100000" + "0010" + "0010" + "00000001" + "80080006" + "82c00000"
                                + "c0000004"),
                Arguments.of("INIT offering zero checksums for SCTP over DTLS (RFC 9653)", (Consumer<ByteBuf>) out ->
                        new InitChunk(0xdeadbeefL, 0x100000, 16, 16, 1, null, true, true,
                                SctpConfig.ZERO_CHECKSUM_SCTP_OVER_DTLS).write(out, ChunkType.INIT),
                        "01000028" + "deadbeef" + "00100000" + "0010" + "0010" + "00000001" + "80080006" + "82c00000"
                                + "c0000004" + "80010008" + "00000001"),
                Arguments.of("RE-CONFIG outgoing SSN reset of stream 3", (Consumer<ByteBuf>) out ->
                        ReconfigChunk.writeOutgoingResetRequest(out, 10, 9, 20, new int[] {3}),
                        "82000016" + "000d0012" + "0000000a" + "00000009" + "00000014" + "0003" + "0000"),
                Arguments.of("RE-CONFIG response, performed", (Consumer<ByteBuf>) out ->
                        ReconfigChunk.writeResponse(out, 10, ReconfigChunk.RESULT_SUCCESS_PERFORMED),
                        "82000010" + "0010000c" + "0000000a" + "00000001"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chunks")
    void writesTheChunkAndReadsItBack(String name, Consumer<ByteBuf> writer, String expectedHex) {
        ByteBuf packet = Unpooled.buffer();
        SctpPacket.writeHeader(packet, 1);
        writer.accept(packet);
        assertEquals(expectedHex, ByteBufUtil.hexDump(packet, SctpPacket.HEADER_SIZE, packet.readableBytes() - SctpPacket.HEADER_SIZE));
        ChunkReader reader = new ChunkReader().reset(packet);
        assertTrue(reader.next());
        assertEquals(Integer.parseInt(expectedHex.substring(0, 2), 16), reader.type());
        assertEquals(Integer.parseInt(expectedHex.substring(4, 8), 16), reader.length());
        assertFalse(reader.next());
        assertFalse(reader.malformed());
    }

    @Test
    void checksumIsCrc32cStoredLittleEndian() {
        ByteBuf packet = Unpooled.buffer();
        SctpPacket.writeHeader(packet, 0x01020304);
        Chunks.writeEmpty(packet, ChunkType.COOKIE_ACK, 0);
        SctpPacket.finish(packet);
        assertArrayEquals(HexFormat.of().parseHex("1388138801020304ee5a51a50b000004"), ByteBufUtil.getBytes(packet));
        assertTrue(SctpPacket.hasValidChecksum(packet));
        packet.setByte(13, 1);
        assertFalse(SctpPacket.hasValidChecksum(packet));
    }

    @Test
    void readsSackFieldsAndGapBlocks() {
        ByteBuf packet = Unpooled.wrappedBuffer(HexFormat.of().parseHex("13881388000000010000000003000018"
                + "00000064000100000001000100020003" + "00000062"));
        ChunkReader reader = new ChunkReader().reset(packet);
        assertTrue(reader.next());
        assertTrue(SackChunk.isWellFormed(reader));
        assertEquals(100, SackChunk.cumulativeTsnAck(reader));
        assertEquals(65536, SackChunk.arwnd(reader));
        assertEquals(1, SackChunk.gapBlocks(reader));
        assertEquals(2, SackChunk.gapStart(reader, 0));
        assertEquals(3, SackChunk.gapEnd(reader, 0));
    }

    @Test
    void readsInitParametersAndRejectsAZeroTag() {
        ByteBuf packet = Unpooled.buffer();
        SctpPacket.writeHeader(packet, 0);
        new InitChunk(7, 1000, 10, 20, 99, new byte[] {1, 2, 3}, true, true, SctpConfig.ZERO_CHECKSUM_TRUSTED_NETWORK)
                .write(packet, ChunkType.INIT_ACK);
        ChunkReader reader = new ChunkReader().reset(packet);
        assertTrue(reader.next());
        InitChunk init = InitChunk.parse(reader);
        assertEquals(7, init.initiateTag());
        assertEquals(10, init.outboundStreams());
        assertEquals(20, init.inboundStreams());
        assertEquals(99, init.initialTsn());
        assertArrayEquals(new byte[] {1, 2, 3}, init.stateCookie());
        assertTrue(init.forwardTsn() && init.reconfig());
        assertEquals(SctpConfig.ZERO_CHECKSUM_TRUSTED_NETWORK, init.zeroChecksumMethod());
        packet.setInt(SctpPacket.HEADER_SIZE + 4, 0);
        assertNull(InitChunk.parse(reader));
    }

    @Test
    void aChunkRunningPastThePacketIsMalformed() {
        ByteBuf packet = Unpooled.wrappedBuffer(HexFormat.of().parseHex("138813880000000100000000" + "00030020" + "0000"));
        ChunkReader reader = new ChunkReader().reset(packet);
        assertFalse(reader.next());
        assertTrue(reader.malformed());
    }
}
