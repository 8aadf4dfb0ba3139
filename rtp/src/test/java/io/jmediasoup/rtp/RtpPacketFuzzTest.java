package io.jmediasoup.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jmediasoup.rtp.codecs.KeyFrameDetector;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * A datagram from a media peer, as the worker handles it: parsed, its payload checked for a
 * key frame, decoded from RTX, re-sent as RTX, and its header extensions rewritten to the
 * router's ids with the MID and abs-send-time written in. Each buffer is exactly as large as
 * the datagram (after a few bytes of something else, as in a receive batch), so a read
 * past the packet throws instead of reading stale bytes.
 */
class RtpPacketFuzzTest {
    private static final int LEAD = 3;
    /** A video producer's ids as the worker maps them: MID, abs-send-time, transport-cc reserved; dependency descriptor, orientation kept. */
    private static final int[] VIDEO_ROUTER_IDS = {1, 4, 5, 7, 8};
    private static final int[] VIDEO_PRODUCER_IDS = {0, 0, 0, 2, 3};
    private static final int[] VIDEO_RESERVED = {8, 3, 2, 0, 0};
    private final RtpPacket packet = new RtpPacket();

    @FuzzTest(maxDuration = "5s")
    void parseAndRewrite(byte[] datagram) {
        ByteBuf data = exactBuffer(datagram);
        try {
            if (!packet.parse(data)) {
                return;
            }
            checkLayout(data);
            for (KeyFrameDetector detector : KeyFrameDetector.values()) {
                detector.isKeyFrame(data, packet.payloadIndex(), packet.payloadLength());
            }
            for (int id = 1; id <= 255; id++) {
                packet.extensionString(id);
            }
            assertTrue(packet.toString().startsWith("RtpPacket["));
            checkRtxEncode();
            checkRtxDecode(datagram);
            checkRemap(datagram);
        } finally {
            data.release();
        }
    }

    private static ByteBuf exactBuffer(byte[] datagram) {
        ByteBuf data = Unpooled.directBuffer(LEAD + datagram.length, LEAD + datagram.length);
        data.writeZero(LEAD).writeBytes(datagram).readerIndex(LEAD);
        return data;
    }

    private void checkLayout(ByteBuf data) {
        assertEquals(data.readableBytes(), packet.size());
        assertEquals(packet.size(), packet.payloadOffset() + packet.payloadLength() + packet.paddingLength());
        int headerEnd = LEAD + packet.payloadOffset();
        for (int id = 1; id <= 255; id++) {
            if (packet.hasExtension(id)) {
                assertTrue(packet.extensionIndex(id) >= LEAD + RtpPacket.HEADER_SIZE);
                assertTrue(packet.extensionIndex(id) + packet.extensionLength(id) <= headerEnd);
            }
        }
    }

    private void checkRtxEncode() {
        ByteBuf rtx = Unpooled.directBuffer(packet.size() + 2);
        try {
            packet.writeRtx(rtx, 97, 5678, 42);
            RtpPacket encoded = new RtpPacket();
            assertTrue(encoded.parse(rtx), "RTX of a valid packet parses");
            assertEquals(packet.payloadLength() + 2, encoded.payloadLength());
            assertEquals(5678, encoded.ssrc());
            assertEquals(42, encoded.sequenceNumber());
        } finally {
            rtx.release();
        }
    }

    private void checkRtxDecode(byte[] datagram) {
        ByteBuf data = exactBuffer(datagram);
        try {
            RtpPacket rtx = new RtpPacket();
            assertTrue(rtx.parse(data));
            int payloadLength = rtx.payloadLength();
            int originalSeq = payloadLength >= 2 ? data.getUnsignedShort(rtx.payloadIndex()) : -1;
            if (!rtx.rtxDecode(96, 1234)) {
                assertTrue(payloadLength < 2);
                return;
            }
            RtpPacket decoded = new RtpPacket();
            assertTrue(decoded.parse(data), "a decoded RTX packet parses");
            assertEquals(originalSeq, decoded.sequenceNumber());
            assertEquals(payloadLength - 2, decoded.payloadLength());
            assertEquals(1234, decoded.ssrc());
        } finally {
            data.release();
        }
    }

    private void checkRemap(byte[] datagram) {
        ByteBuf data = exactBuffer(datagram);
        ByteBuf spare = Unpooled.directBuffer(2048 + 64);
        try {
            RtpPacket remapped = new RtpPacket();
            assertTrue(remapped.parse(data));
            String payload = ByteBufUtil.hexDump(data, remapped.payloadIndex(), remapped.payloadLength());
            remapped.clearStagedExtensions();
            for (int i = 0; i < VIDEO_ROUTER_IDS.length; i++) {
                if (VIDEO_PRODUCER_IDS[i] == 0) {
                    remapped.stageZeroExtension(VIDEO_ROUTER_IDS[i], VIDEO_RESERVED[i]);
                } else {
                    remapped.stageExtension(VIDEO_ROUTER_IDS[i], VIDEO_PRODUCER_IDS[i]);
                }
            }
            remapped.writeStagedExtensions(spare);
            assertTrue(remapped.hasOneByteExtensions() || remapped.hasTwoByteExtensions());
            assertEquals(8, remapped.extensionLength(1));
            assertEquals(3, remapped.extensionLength(4));
            assertEquals(payload, ByteBufUtil.hexDump(remapped.buffer(), remapped.payloadIndex(), remapped.payloadLength()));
            remapped.updateStringExtension(1, "mid0");
            remapped.updateAbsSendTime(4, 123_456);
            ByteBuf rewritten = remapped.buffer();
            assertTrue(remapped.parse(rewritten), "a rewritten packet parses");
            assertEquals("mid0", remapped.extensionString(1));
        } finally {
            spare.release();
            data.release();
        }
    }
}
