package io.jmediasoup.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RtpPacket over real captures (mediasoup's worker/test/data/packet{1,2,3}.raw) and crafted headers. */
class RtpPacketTest {
    /** Opus with a one-byte extension block holding id 1 (1 byte). */
    static final String PACKET1 = "906f5c4162f547da9f7108e2bede000110ff0000bae21a9da27876098db8e277"
            + "d041d9c0f1e78a699af0ee8f987cd517c22b92dc9b23";
    /** Opus with abs-send-time (id 3) and ssrc-audio-level (id 1). */
    static final String PACKET3 = "906f4b9a3377723d0e0dfad2bede00023265341e10d00000094f43832137"
            + "20a16a02f5c70eeae371c28556446d5b5cfbb44e83254c1ae36e112ff818d38e68e911e9613d968e2f4b"
            + "ee2674fbc1eb230165c4a1ea37d70a1eea6ee5384af3cea22ab4c6210211";

    private static ByteBuf buffer(String hex) {
        byte[] bytes = ByteBufUtil.decodeHexDump(hex);
        return PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
    }

    /** Packet 2 of the captures: 12-byte header then 241 bytes of padding, no payload. */
    private static String packet2() {
        StringBuilder hex = new StringBuilder("a0646f3e0a456588c5abdf5a");
        for (int i = 0; i < 240; i++) {
            hex.append("b8");
        }
        return hex.append("f1").toString();
    }

    static Stream<Arguments> wellFormed() {
        return Stream.of(
                Arguments.of("packet1", PACKET1, (Consumer<RtpPacket>) packet -> {
                    assertFalse(packet.marker());
                    assertEquals(111, packet.payloadType());
                    assertEquals(23617, packet.sequenceNumber());
                    assertEquals(1660241882L, packet.timestamp());
                    assertEquals(2674985186L, packet.ssrc());
                    assertTrue(packet.hasOneByteExtensions());
                    assertFalse(packet.hasTwoByteExtensions());
                    assertEquals(4, packet.headerExtensionLength());
                    assertTrue(packet.hasExtension(1));
                    assertEquals(1, packet.extensionLength(1));
                    assertFalse(packet.hasExtension(10));
                    assertNull(packet.extensionString(10));
                    assertEquals(20, packet.payloadOffset());
                    assertEquals(34, packet.payloadLength());
                }),
                Arguments.of("packet2", packet2(), (Consumer<RtpPacket>) packet -> {
                    assertEquals(100, packet.payloadType());
                    assertEquals(28478, packet.sequenceNumber());
                    assertEquals(172320136L, packet.timestamp());
                    assertEquals(3316375386L, packet.ssrc());
                    assertFalse(packet.hasHeaderExtension());
                    assertEquals(0, packet.headerExtensionProfile());
                    assertEquals(241, packet.paddingLength());
                    assertEquals(0, packet.payloadLength());
                }),
                Arguments.of("packet3", PACKET3, (Consumer<RtpPacket>) packet -> {
                    assertEquals(19354, packet.sequenceNumber());
                    assertEquals(863466045L, packet.timestamp());
                    assertEquals(235797202L, packet.ssrc());
                    assertEquals(8, packet.headerExtensionLength());
                    assertEquals(3, packet.extensionLength(3));
                    ByteBuf buffer = packet.buffer();
                    assertEquals(0x65341e, buffer.getUnsignedMedium(packet.extensionIndex(3)));
                    assertEquals(0xd0, buffer.getUnsignedByte(packet.extensionIndex(1)));
                }),
                Arguments.of("two-byte extensions, mid 'audio' padded with a zero", "9000000100000002000000031000000301066175"
                        + "64696f0000000000aabb", (Consumer<RtpPacket>) packet -> {
                    assertTrue(packet.hasTwoByteExtensions());
                    assertEquals("audio", packet.extensionString(1));
                    assertEquals(2, packet.payloadLength());
                }),
                Arguments.of("one CSRC, marker set", "81e0000a0000000b0000000c0000000d01", (Consumer<RtpPacket>) packet -> {
                    assertTrue(packet.marker());
                    assertEquals(96, packet.payloadType());
                    assertEquals(1, packet.csrcCount());
                    assertEquals(16, packet.payloadOffset());
                    assertEquals(1, packet.payloadLength());
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void parsesWellFormedPackets(String name, String hex, Consumer<RtpPacket> checks) {
        ByteBuf buffer = buffer(hex);
        try {
            RtpPacket packet = new RtpPacket();
            assertTrue(packet.parse(buffer));
            assertTrue(PacketDemux.isRtp(buffer));
            assertFalse(PacketDemux.isRtcp(buffer));
            checks.accept(packet);
        } finally {
            buffer.release();
        }
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("shorter than a header", "80000001000000020000"),
                Arguments.of("version 1", "40000001000000020000000300"),
                Arguments.of("CSRC list beyond the end", "82000001000000020000000300000004"),
                Arguments.of("extension header beyond the end", "900000010000000200000003bede"),
                Arguments.of("extension block beyond the end", "900000010000000200000003bede000210ff0000"),
                Arguments.of("padding count of zero", "a00000010000000200000003aa00"),
                Arguments.of("padding longer than the packet", "a00000010000000200000003aa05"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsMalformedPackets(String name, String hex) {
        ByteBuf buffer = buffer(hex);
        try {
            assertFalse(new RtpPacket().parse(buffer));
        } finally {
            buffer.release();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void rewritesTheHeaderInPlaceAndLeavesTheRestAlone(String name, String hex, Consumer<RtpPacket> checks) {
        ByteBuf buffer = buffer(hex);
        try {
            RtpPacket packet = new RtpPacket();
            packet.parse(buffer);
            byte[] before = ByteBufUtil.getBytes(buffer, 12, buffer.readableBytes() - 12);
            boolean marker = packet.marker();
            packet.setPayloadType(101);
            packet.setSequenceNumber(65535);
            packet.setTimestamp(0xFFFFFFFFL);
            packet.setSsrc(0x80000001L);
            assertEquals(101, packet.payloadType());
            assertEquals(marker, packet.marker());
            assertEquals(65535, packet.sequenceNumber());
            assertEquals(0xFFFFFFFFL, packet.timestamp());
            assertEquals(0x80000001L, packet.ssrc());
            packet.setMarker(!marker);
            assertEquals(101, packet.payloadType());
            assertArrayEquals(before, ByteBufUtil.getBytes(buffer, 12, buffer.readableBytes() - 12));
        } finally {
            buffer.release();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void aReusedViewForgetsThePreviousPacketsExtensions(String name, String hex, Consumer<RtpPacket> checks) {
        ByteBuf first = buffer(PACKET3);
        ByteBuf second = buffer(hex);
        try {
            RtpPacket packet = new RtpPacket();
            packet.parse(first);
            packet.parse(second);
            checks.accept(packet);
        } finally {
            first.release();
            second.release();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void rtxEncodingThenDecodingGivesBackTheOriginal(String name, String hex, Consumer<RtpPacket> checks) {
        ByteBuf original = buffer(hex);
        ByteBuf rtx = PooledByteBufAllocator.DEFAULT.directBuffer(2048);
        try {
            RtpPacket packet = new RtpPacket();
            assertTrue(packet.parse(original));
            int seq = packet.sequenceNumber();
            int payloadType = packet.payloadType();
            long ssrc = packet.ssrc();
            byte[] payload = ByteBufUtil.getBytes(original, packet.payloadIndex(), packet.payloadLength());
            packet.writeRtx(rtx, 97, 0x12345678L, 7);

            RtpPacket retransmission = new RtpPacket();
            assertTrue(retransmission.parse(rtx));
            assertEquals(97, retransmission.payloadType());
            assertEquals(0x12345678L, retransmission.ssrc());
            assertEquals(7, retransmission.sequenceNumber());
            assertEquals(0, retransmission.paddingLength());
            assertEquals(packet.payloadLength() + 2, retransmission.payloadLength());

            assertTrue(retransmission.rtxDecode(payloadType, ssrc));
            assertEquals(seq, retransmission.sequenceNumber());
            assertEquals(payloadType, retransmission.payloadType());
            assertEquals(ssrc, retransmission.ssrc());
            assertArrayEquals(payload,
                    ByteBufUtil.getBytes(rtx, retransmission.payloadIndex(), retransmission.payloadLength()));
            assertEquals(retransmission.size(), rtx.readableBytes());
            RtpPacket reparsed = new RtpPacket();
            assertTrue(reparsed.parse(rtx));
            assertEquals(packet.payloadLength(), reparsed.payloadLength());
            assertEquals(packet.headerExtensionLength(), reparsed.headerExtensionLength());
        } finally {
            original.release();
            rtx.release();
        }
    }

    @org.junit.jupiter.api.Test
    void anRtxPacketWithoutOriginalSequenceNumberIsNotDecoded() {
        ByteBuf rtx = buffer("80610001000000010000000a" + "ff");
        try {
            RtpPacket packet = new RtpPacket();
            assertTrue(packet.parse(rtx));
            assertFalse(packet.rtxDecode(96, 10));
            assertEquals(97, packet.payloadType());
        } finally {
            rtx.release();
        }
    }

    @org.junit.jupiter.api.Test
    void remappingThatNeedsMoreRoomMovesThePacketToTheSpareBuffer() {
        ByteBuf original = buffer(PACKET3);
        ByteBuf spare = PooledByteBufAllocator.DEFAULT.directBuffer(2048);
        try {
            RtpPacket packet = new RtpPacket();
            assertTrue(packet.parse(original));
            byte[] payload = ByteBufUtil.getBytes(original, packet.payloadIndex(), packet.payloadLength());
            byte level = original.getByte(packet.extensionIndex(1));
            packet.clearStagedExtensions();
            packet.stageZeroExtension(1, 8);
            assertTrue(packet.stageExtension(10, 1));
            assertFalse(packet.stageExtension(11, 9), "an absent extension is not staged");
            packet.writeStagedExtensions(spare);
            assertTrue(packet.buffer() == spare);
            assertTrue(packet.hasOneByteExtensions());
            assertEquals(8, packet.extensionLength(1));
            assertEquals(1, packet.extensionLength(10));
            assertEquals(level, spare.getByte(packet.extensionIndex(10)));
            assertFalse(packet.hasExtension(3));
            assertArrayEquals(payload, ByteBufUtil.getBytes(spare, packet.payloadIndex(), packet.payloadLength()));

            packet.updateStringExtension(1, "ab");
            RtpPacket reparsed = new RtpPacket();
            assertTrue(reparsed.parse(spare));
            assertEquals("ab", reparsed.extensionString(1));
            assertEquals(level, spare.getByte(reparsed.extensionIndex(10)));
            packet.updateStringExtension(1, "");
            assertTrue(reparsed.parse(spare));
            assertFalse(reparsed.hasExtension(1), "an empty MID leaves padding");
            assertTrue(reparsed.hasExtension(10));
        } finally {
            original.release();
            spare.release();
        }
    }

    @org.junit.jupiter.api.Test
    void remappingThatFitsIsDoneInPlace() {
        ByteBuf original = buffer(PACKET3);
        ByteBuf spare = PooledByteBufAllocator.DEFAULT.directBuffer(2048);
        try {
            RtpPacket packet = new RtpPacket();
            assertTrue(packet.parse(original));
            byte[] payload = ByteBufUtil.getBytes(original, packet.payloadIndex(), packet.payloadLength());
            int size = packet.size();
            packet.setKeyFrame(true);
            packet.clearStagedExtensions();
            packet.stageExtension(10, 1);
            packet.stageZeroExtension(4, 3);
            packet.writeStagedExtensions(spare);
            assertTrue(packet.buffer() == original);
            assertTrue(packet.isKeyFrame(), "what was learnt of the payload survives the rewrite");
            assertEquals(size, packet.size());
            assertFalse(packet.hasExtension(1));
            assertFalse(packet.hasExtension(3));
            assertEquals(1, packet.extensionLength(10));
            assertEquals(3, packet.extensionLength(4));
            packet.updateAbsSendTime(4, 1500);
            assertEquals(((1500L << 18) + 500) / 1000, original.getUnsignedMedium(packet.extensionIndex(4)));
            assertArrayEquals(payload, ByteBufUtil.getBytes(original, packet.payloadIndex(), packet.payloadLength()));
        } finally {
            original.release();
            spare.release();
        }
    }

    @org.junit.jupiter.api.Test
    void aValueLongerThanSixteenBytesTurnsTheBlockIntoTwoByteElements() {
        ByteBuf original = buffer(PACKET3);
        ByteBuf spare = PooledByteBufAllocator.DEFAULT.directBuffer(2048);
        try {
            RtpPacket packet = new RtpPacket();
            assertTrue(packet.parse(original));
            byte[] payload = ByteBufUtil.getBytes(original, packet.payloadIndex(), packet.payloadLength());
            byte level = original.getByte(packet.extensionIndex(1));
            packet.clearStagedExtensions();
            packet.stageZeroExtension(1, 8);
            packet.stageExtension(6, 1);
            packet.stageZeroExtension(7, 40);
            packet.writeStagedExtensions(spare);
            assertTrue(packet.hasTwoByteExtensions());
            assertEquals(8, packet.extensionLength(1));
            assertEquals(1, packet.extensionLength(6));
            assertEquals(40, packet.extensionLength(7));
            assertEquals(level, packet.buffer().getByte(packet.extensionIndex(6)));
            assertArrayEquals(payload, ByteBufUtil.getBytes(packet.buffer(), packet.payloadIndex(), packet.payloadLength()));

            packet.updateStringExtension(1, "ab");
            RtpPacket reparsed = new RtpPacket();
            assertTrue(reparsed.parse(packet.buffer()));
            assertEquals("ab", reparsed.extensionString(1));
            assertEquals(40, reparsed.extensionLength(7));
            packet.updateStringExtension(1, "");
            assertTrue(reparsed.parse(packet.buffer()));
            assertFalse(reparsed.hasExtension(1), "an empty MID leaves padding");
            assertEquals(level, packet.buffer().getByte(reparsed.extensionIndex(6)));
        } finally {
            original.release();
            spare.release();
        }
    }
}
