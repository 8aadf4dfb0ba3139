package io.jmediasoup.rtp.codecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The VP9 payload descriptor (draft-ietf-payload-vp9-16 §4.2), non-flexible and flexible. */
class Vp9DescriptorTest {
    private static ByteBuf buffer(String hex) {
        byte[] bytes = ByteBufUtil.decodeHexDump(hex);
        return PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // payload, flexible, pictureId, sid, tid, switchingUp, interLayer, tl0PicIdx, keyFrame, beginning, end
        // I|L|B|V, 15-bit picture id 0x0102, TID 0 SID 0, TL0PICIDX 7: the start of a key frame
        "aa810200070000, false, 258, 0, 0, false, false, 7, true, true, false",
        // I|P|L|B|E, picture id 0x0102, TID 2 U SID 1 D: an inter frame of spatial layer 1
        "ec8102531500, false, 258, 1, 2, true, true, 21, false, true, true",
        // I|L|B, SID 1 without P: the second spatial layer of a key picture is not the key frame
        "a88102020700, false, 258, 1, 0, false, false, 7, false, true, false",
        // I|P|L|F|B, 7-bit picture id 5, TID 1 SID 2, two P_DIFFs (N set on the first)
        "f805240302, true, 5, 2, 1, false, false, -1, false, true, false",
    })
    void reads(String hex, boolean flexible, int pictureId, int sid, int tid, boolean switchingUp,
            boolean interLayer, int tl0PicIdx, boolean keyFrame, boolean beginning, boolean end) {
        ByteBuf buffer = buffer(hex);
        try {
            Vp9Descriptor descriptor = new Vp9Descriptor();
            assertTrue(descriptor.parse(buffer, 0, buffer.readableBytes()));
            assertEquals(flexible, descriptor.flexible());
            assertEquals(pictureId, descriptor.pictureId());
            assertTrue(descriptor.hasLayerIndices());
            assertEquals(sid, descriptor.spatialLayer());
            assertEquals(tid, descriptor.temporalLayer());
            assertEquals(switchingUp, descriptor.switchingUpPoint());
            assertEquals(interLayer, descriptor.interLayerDependency());
            assertEquals(tl0PicIdx, descriptor.tl0PicIdx());
            assertEquals(keyFrame, descriptor.isKeyFrame());
            assertEquals(keyFrame, Vp9.isKeyFrame(buffer, 0, buffer.readableBytes()));
            assertEquals(beginning, descriptor.beginningOfFrame());
            assertEquals(end, descriptor.endOfFrame());
        } finally {
            buffer.release();
        }
    }

    @ParameterizedTest
    @CsvSource({"''", "80", "8081", "a081", "a8810200", "f8052403"})
    void truncatedIsNotParsed(String hex) {
        ByteBuf buffer = buffer(hex);
        try {
            assertFalse(new Vp9Descriptor().parse(buffer, 0, buffer.readableBytes()));
        } finally {
            buffer.release();
        }
    }
}
