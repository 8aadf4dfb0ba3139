package io.jmediasoup.rtp.codecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The VP8 payload descriptor (RFC 7741 §4.2) read and rewritten in place. */
class Vp8DescriptorTest {
    private static ByteBuf buffer(String hex) {
        byte[] bytes = ByteBufUtil.decodeHexDump(hex);
        return PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // payload, pictureIdLength, pictureId, tl0PicIdx, tid, layerSync, keyFrame
        // X|S, I|L|T, M + 15-bit picture id 0x1234, TL0PICIDX 0x56, TID 2 + Y, payload header P=0
        "90e0923456a0009d012a, 2, 4660, 86, 2, true, true",
        // The same with P=1 (an inter frame) and TID 0 without Y
        "90e092345600019d012a, 2, 4660, 86, 0, false, false",
        // 7-bit picture id 0x15, no TL0PICIDX, T with TID 1
        "80a0154001, 1, 21, -1, 1, false, false",
        // K alone: a KEYIDX byte but no temporal layer; key frame start of partition 0
        "90101f00, 0, 0, -1, -1, false, true",
        // S set but partition index 1: never a key frame
        "91c0123400, 1, 18, 52, -1, false, false",
    })
    void reads(String hex, int pictureIdLength, int pictureId, int tl0PicIdx, int tid, boolean layerSync,
            boolean keyFrame) {
        ByteBuf buffer = buffer(hex);
        try {
            Vp8Descriptor descriptor = new Vp8Descriptor();
            assertTrue(descriptor.parse(buffer, 0, buffer.readableBytes()));
            assertEquals(pictureIdLength, descriptor.pictureIdLength());
            if (pictureIdLength > 0) {
                assertEquals(pictureId, descriptor.pictureId());
            }
            assertEquals(tl0PicIdx, descriptor.tl0PicIdx());
            assertEquals(tl0PicIdx >= 0, descriptor.hasTl0PicIdx());
            assertEquals(tid, descriptor.temporalLayer());
            assertEquals(layerSync, descriptor.layerSync());
            assertEquals(keyFrame, descriptor.isKeyFrame());
            assertEquals(keyFrame, Vp8.isKeyFrame(buffer, 0, buffer.readableBytes()));
        } finally {
            buffer.release();
        }
    }

    @ParameterizedTest
    @CsvSource({"10", "80", "80e092", "80e09234", "80e0923456"})
    void truncatedOrUnextendedIsNotParsed(String hex) {
        ByteBuf buffer = buffer(hex);
        try {
            assertFalse(new Vp8Descriptor().parse(buffer, 0, buffer.readableBytes()));
        } finally {
            buffer.release();
        }
    }

    @Test
    void rewritesPictureIdAndTl0PicIdxAndRestoresThem() {
        // Behind a 4-byte prefix, to check the index is honoured.
        ByteBuf buffer = buffer("deadbeef" + "90e0923456a0009d012a");
        try {
            Vp8Descriptor descriptor = new Vp8Descriptor();
            assertTrue(descriptor.parse(buffer, 4, buffer.readableBytes() - 4));
            descriptor.writePictureId(buffer, 0x7FFF + 3);
            descriptor.writeTl0PicIdx(buffer, 0x01);
            assertEquals("deadbeef" + "90e0800201a0009d012a", ByteBufUtil.hexDump(buffer));
            descriptor.restore(buffer);
            assertEquals("deadbeef" + "90e0923456a0009d012a", ByteBufUtil.hexDump(buffer));
        } finally {
            buffer.release();
        }
    }

    @Test
    void aSevenBitPictureIdKeepsItsWidth() {
        ByteBuf buffer = buffer("80c0150700");
        try {
            Vp8Descriptor descriptor = new Vp8Descriptor();
            assertTrue(descriptor.parse(buffer, 0, buffer.readableBytes()));
            descriptor.writePictureId(buffer, 0x1FF);
            assertEquals("80c07f0700", ByteBufUtil.hexDump(buffer));
        } finally {
            buffer.release();
        }
    }
}
