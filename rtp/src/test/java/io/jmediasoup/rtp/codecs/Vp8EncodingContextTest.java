package io.jmediasoup.rtp.codecs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A consumer's VP8 context: continuous picture ids and TL0PICIDX across sources, temporal
 * layers dropped. Its output numbering starts at 1, as the C++ worker's does.
 */
class Vp8EncodingContextTest {
    /** One packet per picture: picture id, TL0PICIDX, TID, Y, key frame. */
    private record Frame(int pictureId, int tl0PicIdx, int tid, boolean layerSync, boolean keyFrame) {}

    private final Vp8Descriptor descriptor = new Vp8Descriptor();

    /** Runs frames through the context; each forwarded one as "pictureId/tl0PicIdx" as written, restored afterwards. */
    private List<String> run(Vp8EncodingContext context, Frame... frames) {
        List<String> out = new ArrayList<>();
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(8);
        try {
            for (Frame frame : frames) {
                buffer.clear();
                buffer.writeByte(0x90);
                buffer.writeByte(0xE0);
                buffer.writeShort(0x8000 | frame.pictureId);
                buffer.writeByte(frame.tl0PicIdx);
                buffer.writeByte(frame.tid << 6 | (frame.layerSync ? 0x20 : 0));
                buffer.writeByte(frame.keyFrame ? 0x00 : 0x01);
                descriptor.parse(buffer, 0, buffer.readableBytes());
                if (context.process(descriptor, buffer)) {
                    out.add((buffer.getUnsignedShort(2) & 0x7FFF) + "/" + buffer.getUnsignedByte(4));
                    descriptor.restore(buffer);
                    assertEquals(frame.pictureId, buffer.getUnsignedShort(2) & 0x7FFF);
                }
            }
        } finally {
            buffer.release();
        }
        return out;
    }

    /** L1T3 pattern from picture {@code first}: TIDs 0,2,1,2 with TL0PICIDX bumped on TID 0. */
    private static Frame[] l1t3(int first, int tl0First, int count, boolean keyFirst) {
        int[] pattern = {0, 2, 1, 2};
        Frame[] frames = new Frame[count];
        int tl0 = tl0First - 1;
        for (int i = 0; i < count; i++) {
            int tid = pattern[i % 4];
            if (tid == 0) {
                tl0++;
            }
            frames[i] = new Frame((first + i) & 0x7FFF, tl0 & 0xFF, tid, tid != 0, keyFirst && i == 0);
        }
        return frames;
    }

    @Test
    void allTemporalLayersPassWithTheirNumbersRebased() {
        Vp8EncodingContext context = new Vp8EncodingContext();
        context.setTargetTemporalLayer(2);
        context.setCurrentTemporalLayer(0);
        assertEquals(List.of("1/1", "2/1", "3/1", "4/1", "5/2"), run(context, l1t3(500, 9, 5, true)));
        assertEquals(2, context.currentTemporalLayer());
    }

    @Test
    void framesAboveTheTargetAreDroppedAndTheirNumbersClosedUp() {
        Vp8EncodingContext context = new Vp8EncodingContext();
        context.setTargetTemporalLayer(0);
        context.setCurrentTemporalLayer(0);
        assertEquals(List.of("1/1", "2/2", "3/3"), run(context, l1t3(500, 9, 12, true)));
    }

    @Test
    void aSecondSourceContinuesTheNumbersAfterSync() {
        Vp8EncodingContext context = new Vp8EncodingContext();
        context.setTargetTemporalLayer(2);
        context.setCurrentTemporalLayer(0);
        assertEquals(8, run(context, l1t3(32760, 250, 8, true)).size());
        context.requireSync();
        context.setCurrentTemporalLayer(0);
        // Another simulcast stream, with numbers of its own.
        assertEquals(List.of("9/3", "10/3", "11/3"), run(context, l1t3(100, 40, 3, true)));
    }

    @Test
    void movingUpWaitsForALayerSyncFrame() {
        Vp8EncodingContext context = new Vp8EncodingContext();
        context.setTargetTemporalLayer(2);
        context.setCurrentTemporalLayer(0);
        Frame[] frames = {
            new Frame(10, 1, 0, false, true),
            new Frame(11, 1, 1, false, false),
            new Frame(12, 2, 0, false, false),
            new Frame(13, 2, 1, true, false),
        };
        assertEquals(List.of("1/1", "2/2", "3/2"), run(context, frames));
        assertEquals(1, context.currentTemporalLayer());
    }

    @Test
    void aKeyFrameAboveTheTargetIsStillForwarded() {
        Vp8EncodingContext context = new Vp8EncodingContext();
        context.setTargetTemporalLayer(0);
        context.setCurrentTemporalLayer(2);
        Frame[] frames = {new Frame(40, 3, 2, false, true), new Frame(41, 3, 1, true, false), new Frame(42, 4, 0, false, false)};
        assertEquals(List.of("1/1", "2/2"), run(context, frames));
        assertEquals(0, context.currentTemporalLayer());
    }
}
