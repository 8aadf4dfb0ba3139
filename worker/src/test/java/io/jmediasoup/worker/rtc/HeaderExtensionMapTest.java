package io.jmediasoup.worker.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.codecs.DependencyDescriptor;
import io.jmediasoup.worker.rtc.params.CodecParameters;
import io.jmediasoup.worker.rtc.params.MediaKind;
import io.jmediasoup.worker.rtc.params.RtpHeaderExtensionParameters;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The header extensions a producer's packet carries into the router, per era: 3.32 keeps the
 * dependency descriptor (in two-byte elements when longer than 16 bytes), playout-delay, the
 * mediasoup packet id, abs-capture-time in its long form, and room for transport-wide-cc on
 * audio too; 3.8 none of those.
 */
class HeaderExtensionMapTest {
    private static final String ABS_CAPTURE_TIME = RouterExtensionLayout.ABS_CAPTURE_TIME_URI;
    private static final String PLAYOUT_DELAY = RouterExtensionLayout.PLAYOUT_DELAY_URI;
    private static final String PACKET_ID = RouterExtensionLayout.PACKET_ID_URI;
    private static final String AUDIO_LEVEL = RouterExtensionLayout.SSRC_AUDIO_LEVEL_URI;
    /** An L1T3 key frame's descriptor with its render resolution: 20 bytes. */
    private static final String DESCRIPTOR = "c10000802214eaa860414d1410208427027f01df";

    private static List<RtpHeaderExtensionParameters> extensions(Object... uriThenId) {
        RtpHeaderExtensionParameters[] list = new RtpHeaderExtensionParameters[uriThenId.length / 2];
        for (int i = 0; i < list.length; i++) {
            list[i] = new RtpHeaderExtensionParameters((String) uriThenId[2 * i], (Integer) uriThenId[2 * i + 1], false,
                    CodecParameters.of(Map.of()));
        }
        return List.of(list);
    }

    /** A packet with two-byte extensions: id → hex value. */
    private static RtpPacket packet(String... idThenHex) {
        ByteBuf elements = Unpooled.buffer();
        for (int i = 0; i < idThenHex.length; i += 2) {
            byte[] value = ByteBufUtil.decodeHexDump(idThenHex[i + 1]);
            elements.writeByte(Integer.parseInt(idThenHex[i])).writeByte(value.length).writeBytes(value);
        }
        elements.writeZero((4 - elements.readableBytes() % 4) % 4);
        ByteBuf buffer = Unpooled.buffer().writeByte(0x90).writeByte(96).writeShort(7).writeInt(3000).writeInt(1234)
                .writeShort(0x1000).writeShort(elements.readableBytes() / 4).writeBytes(elements)
                .writeBytes(new byte[] {1, 2, 3});
        RtpPacket packet = new RtpPacket();
        assertTrue(packet.parse(buffer));
        return packet;
    }

    private static String hex(RtpPacket packet, int id) {
        return packet.hasExtension(id)
                ? ByteBufUtil.hexDump(packet.buffer(), packet.extensionIndex(id), packet.extensionLength(id))
                : null;
    }

    @Test
    void mediasoup332VideoKeepsTheDescriptorPlayoutDelayAndPacketIdAndWritesTheLongCaptureTime() {
        HeaderExtensionMap map = new HeaderExtensionMap(MediaKind.VIDEO,
                extensions(DependencyDescriptor.URI, 3, ABS_CAPTURE_TIME, 12, PLAYOUT_DELAY, 13, PACKET_ID, 14),
                RouterExtensionLayout.MEDIASOUP_3_32, false, () -> 0);
        RtpPacket packet = packet("3", DESCRIPTOR, "12", "0102030405060708", "13", "00a00b", "14", "0a0b0c0d");
        map.apply(packet, Unpooled.buffer(2048));
        assertTrue(packet.hasTwoByteExtensions());
        assertEquals("0000000000000000", hex(packet, HeaderExtensionMap.MID));
        assertEquals("0000", hex(packet, HeaderExtensionMap.TRANSPORT_WIDE_CC));
        assertEquals("000000", hex(packet, HeaderExtensionMap.ABS_SEND_TIME));
        assertEquals("01020304050607080000000000000000", hex(packet, 9));
        assertEquals("00a00b", hex(packet, 10));
        assertEquals("0a0b0c0d", hex(packet, 11));
        assertEquals(DESCRIPTOR, hex(packet, 7));
        assertEquals("010203", ByteBufUtil.hexDump(packet.buffer(), packet.payloadIndex(), packet.payloadLength()));
    }

    @Test
    void mediasoup332NumbersPacketsWhenAskedAndOneByteElementsSufficeWithoutALongValue() {
        HeaderExtensionMap map = new HeaderExtensionMap(MediaKind.VIDEO,
                extensions(ABS_CAPTURE_TIME, 12), RouterExtensionLayout.MEDIASOUP_3_32, true, () -> 0);
        RtpPacket first = packet("12", "0102030405060708a1a2a3a4a5a6a7a8");
        map.apply(first, Unpooled.buffer(2048));
        assertTrue(first.hasOneByteExtensions());
        assertEquals("0102030405060708a1a2a3a4a5a6a7a8", hex(first, 9));
        RtpPacket second = packet();
        map.apply(second, Unpooled.buffer(2048));
        long firstId = first.buffer().getUnsignedInt(first.extensionIndex(11));
        assertEquals((firstId + 1) & 0xFFFFFFFFL, second.buffer().getUnsignedInt(second.extensionIndex(11)));
        assertFalse(second.hasExtension(9), "no capture time, none forwarded");
    }

    @Test
    void mediasoup332AudioHasRoomForTransportWideCc() {
        HeaderExtensionMap map = new HeaderExtensionMap(MediaKind.AUDIO, extensions(AUDIO_LEVEL, 1),
                RouterExtensionLayout.MEDIASOUP_3_32, false, () -> 0);
        RtpPacket packet = packet("1", "85");
        map.apply(packet, Unpooled.buffer(2048));
        assertEquals("0000", hex(packet, HeaderExtensionMap.TRANSPORT_WIDE_CC));
        assertEquals("85", hex(packet, 6));
    }

    @Test
    void mediasoup38KeepsNoneOfThem() {
        HeaderExtensionMap video = new HeaderExtensionMap(MediaKind.VIDEO,
                extensions(DependencyDescriptor.URI, 3, ABS_CAPTURE_TIME, 12, PLAYOUT_DELAY, 13, PACKET_ID, 14),
                RouterExtensionLayout.MEDIASOUP_3_8, true, () -> 0);
        RtpPacket packet = packet("3", DESCRIPTOR, "12", "0102030405060708", "13", "00a00b", "14", "0a0b0c0d");
        video.apply(packet, Unpooled.buffer(2048));
        assertTrue(packet.hasOneByteExtensions());
        for (int id : new int[] {7, 9, 10, 11}) {
            assertFalse(packet.hasExtension(id), "id " + id);
        }
        HeaderExtensionMap audio = new HeaderExtensionMap(MediaKind.AUDIO, extensions(AUDIO_LEVEL, 1),
                RouterExtensionLayout.MEDIASOUP_3_8, false, () -> 0);
        RtpPacket audioPacket = packet("1", "85");
        audio.apply(audioPacket, Unpooled.buffer(2048));
        assertFalse(audioPacket.hasExtension(HeaderExtensionMap.TRANSPORT_WIDE_CC));
        assertEquals("85", hex(audioPacket, 10));
    }

    @Test
    void mediasoup332WritesTheCaptureClockOffsetAgainstOurClockAndDropsOneThatDoesNotFit() {
        // Our clock one second ahead of the sender's.
        HeaderExtensionMap map = new HeaderExtensionMap(MediaKind.VIDEO, extensions(ABS_CAPTURE_TIME, 12),
                RouterExtensionLayout.MEDIASOUP_3_32, false, () -> 1L << 32);
        RtpPacket packet = packet("12", "0102030405060708" + "0000000280000000");
        map.apply(packet, Unpooled.buffer(2048));
        assertEquals("0102030405060708" + "0000000180000000", hex(packet, 9));

        HeaderExtensionMap unfit = new HeaderExtensionMap(MediaKind.VIDEO, extensions(ABS_CAPTURE_TIME, 12),
                RouterExtensionLayout.MEDIASOUP_3_32, false, () -> HeaderExtensionMap.UNFIT_OFFSET);
        RtpPacket other = packet("12", "0102030405060708");
        unfit.apply(other, Unpooled.buffer(2048));
        assertFalse(other.hasExtension(9));
    }
}
