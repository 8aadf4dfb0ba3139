package io.jmediasoup.rtp.codecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A consumer's VP9 context over scripted L3T3 pictures (non-flexible mode, one packet per
 * spatial layer frame, TIDs 0,2,1,2 with U set above 0): which packets pass, and when the
 * layers move.
 */
class Vp9EncodingContextTest {
    private static final int[] TIDS = {0, 2, 1, 2};
    private final Vp9Descriptor descriptor = new Vp9Descriptor();

    /** Runs pictures {@code from..to} through the context; each forwarded packet as "picture:sid:tid". */
    private List<String> run(Vp9EncodingContext context, int from, int to, int keyPicture) {
        List<String> out = new ArrayList<>();
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(16);
        try {
            for (int picture = from; picture < to; picture++) {
                int tid = picture == keyPicture ? 0 : TIDS[picture % 4];
                for (int sid = 0; sid < 3; sid++) {
                    buffer.clear();
                    boolean key = picture == keyPicture;
                    buffer.writeByte(0x80 | (key ? 0 : 0x40) | 0x20 | 0x08 | 0x04);
                    buffer.writeShort(0x8000 | picture);
                    buffer.writeByte(tid << 5 | (tid > 0 ? 0x10 : 0) | sid << 1 | (sid > 0 ? 1 : 0));
                    buffer.writeByte(picture / 4);
                    buffer.writeZero(4);
                    assertTrue(descriptor.parse(buffer, 0, buffer.readableBytes()));
                    if (context.process(descriptor)) {
                        out.add(picture + ":" + sid + ":" + tid + (context.endsFrame() ? "E" : ""));
                    }
                }
            }
        } finally {
            buffer.release();
        }
        return out;
    }

    @Test
    void theTopLayersLetEverythingThrough() {
        Vp9EncodingContext context = new Vp9EncodingContext(3, 3, false);
        context.setTargetLayers(2, 2);
        assertEquals(List.of("0:0:0", "0:1:0", "0:2:0E", "1:0:2", "1:1:2", "1:2:2E"), run(context, 0, 2, 0));
        assertEquals(2, context.currentSpatialLayer());
        assertEquals(2, context.currentTemporalLayer());
    }

    @Test
    void theBaseLayersKeepOnlyTheirPackets() {
        Vp9EncodingContext context = new Vp9EncodingContext(3, 3, false);
        context.setTargetLayers(0, 0);
        assertEquals(List.of("0:0:0E", "4:0:0E"), run(context, 0, 8, 0));
    }

    @Test
    void fullSvcMovesDownAtTheEndOfATargetLayerFrameWithoutAKeyFrame() {
        Vp9EncodingContext context = new Vp9EncodingContext(3, 3, false);
        context.setTargetLayers(2, 2);
        run(context, 0, 4, 0);
        context.setTargetLayers(1, 2);
        assertEquals(List.of("4:0:0", "4:1:0E", "5:0:2", "5:1:2E"), run(context, 4, 6, -1));
        assertEquals(1, context.currentSpatialLayer());
    }

    @Test
    void movingUpWaitsForAKeyFrame() {
        Vp9EncodingContext context = new Vp9EncodingContext(3, 3, false);
        context.setTargetLayers(0, 2);
        run(context, 0, 4, 0);
        context.setTargetLayers(2, 2);
        assertEquals(List.of("4:0:0E", "5:0:2E"), run(context, 4, 6, -1));
        assertEquals(List.of("6:0:0", "6:1:0", "6:2:0E"), run(context, 6, 7, 6));
        assertEquals(2, context.currentSpatialLayer());
    }

    @Test
    void kSvcMovesDownOnlyOnAKeyFrame() {
        Vp9EncodingContext context = new Vp9EncodingContext(3, 3, true);
        context.setTargetLayers(2, 2);
        run(context, 0, 4, 0);
        context.setTargetLayers(0, 2);
        assertEquals(List.of("4:0:0", "4:1:0", "4:2:0E"), run(context, 4, 5, -1));
        assertEquals(List.of("5:0:0E"), run(context, 5, 6, 5));
        assertEquals(0, context.currentSpatialLayer());
    }

    @Test
    void temporalLayersMoveDownAtTheEndOfATargetLayerFrameAndUpAtASwitchingPoint() {
        Vp9EncodingContext context = new Vp9EncodingContext(3, 3, false);
        context.setTargetLayers(0, 2);
        run(context, 0, 4, 0);
        context.setTargetLayers(0, 0);
        assertEquals(List.of("4:0:0E", "8:0:0E"), run(context, 4, 12, -1));
        context.setTargetLayers(0, 1);
        assertEquals(List.of("12:0:0E", "14:0:1E"), run(context, 12, 16, -1));
        assertEquals(1, context.currentTemporalLayer());
    }
}
