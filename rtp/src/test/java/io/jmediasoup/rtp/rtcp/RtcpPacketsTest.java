package io.jmediasoup.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RTCP packets against the byte vectors of mediasoup's C++ tests: parsed, and built back byte for byte. */
class RtcpPacketsTest {
    static final String SR = "80c800065d931534dd3ac1b476547171" + "0008cf0000000e180008cf00";
    static final String RR = "81c900075d93153401932db400000001" + "00000000000000000000000000000005";
    static final String PLI = "81ce00020000000103" + "30bdee";
    static final String FIR = "84ce0004fa17fa170000000002d03702" + "04000000";
    static final String NACK = "81cd0003000000010330bdee" + "0b8f0003";
    static final String SDES = "81ca00069f65e74201107437" + "6d6b596e436d34364f63494e792f0000";

    private static ByteBuf buffer(String hex) {
        byte[] bytes = ByteBufUtil.decodeHexDump(hex);
        return PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
    }

    static Stream<Arguments> packets() {
        return Stream.of(
                Arguments.of("SR", SR, RtcpType.SR, (Consumer<CompoundPacketReader>) reader -> {
                    ByteBuf b = reader.buffer();
                    int i = reader.index();
                    assertTrue(SenderReport.isWellFormed(reader));
                    assertEquals(0x5d931534L, SenderReport.ssrc(b, i));
                    assertEquals(3711615412L, SenderReport.ntpSeconds(b, i));
                    assertEquals(1985245553L, SenderReport.ntpFraction(b, i));
                    assertEquals(577280L, SenderReport.rtpTimestamp(b, i));
                    assertEquals(3608L, SenderReport.packetCount(b, i));
                    assertEquals(577280L, SenderReport.octetCount(b, i));
                }),
                Arguments.of("RR", RR, RtcpType.RR, (Consumer<CompoundPacketReader>) reader -> {
                    ByteBuf b = reader.buffer();
                    int block = reader.index() + ReceiverReport.REPORT_BLOCKS_OFFSET;
                    assertTrue(ReceiverReport.isWellFormed(reader));
                    assertEquals(1, reader.count());
                    assertEquals(0x5d931534L, ReceiverReport.ssrc(b, reader.index()));
                    assertEquals(0x01932db4L, ReportBlock.ssrc(b, block));
                    assertEquals(0, ReportBlock.fractionLost(b, block));
                    assertEquals(1, ReportBlock.totalLost(b, block));
                    assertEquals(0, ReportBlock.highestSequenceNumber(b, block));
                    assertEquals(5, ReportBlock.delaySinceLastSenderReport(b, block));
                }),
                Arguments.of("PLI", PLI, RtcpType.PSFB, (Consumer<CompoundPacketReader>) reader -> {
                    assertTrue(KeyFrameRequest.is(reader));
                    assertEquals(0x0330bdeeL, KeyFrameRequest.mediaSsrc(reader));
                }),
                Arguments.of("FIR", FIR, RtcpType.PSFB, (Consumer<CompoundPacketReader>) reader -> {
                    assertTrue(KeyFrameRequest.is(reader));
                    assertEquals(0x02d03702L, KeyFrameRequest.mediaSsrc(reader));
                }),
                Arguments.of("NACK", NACK, RtcpType.RTPFB, (Consumer<CompoundPacketReader>) reader -> {
                    assertTrue(Nack.is(reader));
                    assertEquals(0x0330bdeeL, Nack.mediaSsrc(reader));
                    assertEquals(1, Nack.itemCount(reader));
                    assertEquals(2959, Nack.packetId(reader, 0));
                    assertEquals(0x0003, Nack.lostBitmask(reader, 0));
                }),
                Arguments.of("SDES", SDES, RtcpType.SDES, (Consumer<CompoundPacketReader>) reader -> {
                    assertEquals(1, reader.count());
                    assertEquals(28, reader.length());
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packets")
    void readsEachPacket(String name, String hex, int type, Consumer<CompoundPacketReader> checks) {
        ByteBuf buffer = buffer(hex);
        try {
            CompoundPacketReader reader = new CompoundPacketReader().reset(buffer);
            assertTrue(reader.next());
            assertEquals(type, reader.packetType());
            checks.accept(reader);
            assertFalse(reader.next());
            assertFalse(reader.malformed());
        } finally {
            buffer.release();
        }
    }

    @Test
    void walksACompoundPacketAndStopsAtATruncatedOne() {
        ByteBuf buffer = buffer(SR + SDES + RR.substring(0, RR.length() - 8));
        try {
            CompoundPacketReader reader = new CompoundPacketReader().reset(buffer);
            assertTrue(reader.next());
            assertEquals(RtcpType.SR, reader.packetType());
            assertTrue(reader.next());
            assertEquals(RtcpType.SDES, reader.packetType());
            assertFalse(reader.next());
            assertTrue(reader.malformed());
        } finally {
            buffer.release();
        }
    }

    static Stream<Arguments> built() {
        return Stream.of(
                Arguments.of("SR", SR, (Consumer<ByteBuf>) out -> SenderReport.write(out, 0x5d931534L, 3711615412L,
                        1985245553L, 577280L, 3608L, 577280L)),
                Arguments.of("RR", RR, (Consumer<ByteBuf>) out -> {
                    ReceiverReport.writeHeader(out, 0x5d931534L, 1);
                    ReportBlock.write(out, 0x01932db4L, 0, 1, 0, 0, 0, 5);
                }),
                Arguments.of("PLI", PLI, (Consumer<ByteBuf>) out -> KeyFrameRequest.writePli(out, 1, 0x0330bdeeL)),
                Arguments.of("FIR", FIR, (Consumer<ByteBuf>) out -> KeyFrameRequest.writeFir(out, 0xfa17fa17L,
                        0x02d03702L, 4)),
                Arguments.of("NACK", NACK, (Consumer<ByteBuf>) out -> assertEquals(3,
                        Nack.write(out, 1, 0x0330bdeeL, new int[] {2959, 2960, 2961}, 3))),
                Arguments.of("NACK across a wrap, two items", "81cd0004000000000330bdee" + "fffe8000" + "00200000",
                        (Consumer<ByteBuf>) out -> assertEquals(3,
                                Nack.write(out, 0, 0x0330bdeeL, new int[] {65534, 14, 32}, 3))),
                Arguments.of("SDES", SDES, (Consumer<ByteBuf>) out -> Sdes.writeCname(out, 0x9f65e742L, "t7mkYnCm46OcINy/")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("built")
    void buildsEachPacketByteForByte(String name, String hex, Consumer<ByteBuf> writer) {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        try {
            writer.accept(out);
            assertEquals(hex, ByteBufUtil.hexDump(out));
        } finally {
            out.release();
        }
    }
}
