package io.jmediasoup.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes from the Node side of mediasoup 3.32's channel: size-prefixed framing, then the
 * FlatBuffers envelope. Whatever the bytes, the only outcomes are frames, "malformed" reports
 * and {@link MalformedMessageException}s (the Java runtime has no verifier, so any other
 * exception is a hole in {@link FbsFrames}); every buffer is released; and frames do not
 * depend on how the bytes were split into reads.
 */
class FbsChannelFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void sizePrefixedFlatBuffers(byte[] input) {
        Decoded whole = decode(input, input.length);
        Decoded split = decode(input, 1 + (input.length > 0 ? (input[0] & 7) : 0));
        assertEquals(whole.frames.size(), split.frames.size(), "frames depend on read boundaries");
        for (int i = 0; i < whole.frames.size(); i++) {
            assertTrue(java.util.Arrays.equals(whole.frames.get(i), split.frames.get(i)), "frame " + i + " differs");
        }
        for (byte[] frame : whole.frames) {
            readEnvelope(frame);
        }
    }

    private static Decoded decode(byte[] input, int readSize) {
        Decoded decoded = new Decoded();
        TrackingAllocator allocator = new TrackingAllocator();
        try (SizePrefixedDecoder decoder = new SizePrefixedDecoder(allocator, decoded, 4096)) {
            for (int offset = 0; offset < input.length; offset += readSize) {
                ByteBuf read = Unpooled.wrappedBuffer(input, offset, Math.min(readSize, input.length - offset));
                decoder.feed(read);
                assertEquals(0, read.readableBytes(), "the decoder consumes every read");
                read.release();
            }
        }
        allocator.assertAllReleased();
        return decoded;
    }

    private static void readEnvelope(byte[] frame) {
        FbsFrames.Envelope envelope;
        try {
            envelope = FbsFrames.read(ByteBuffer.wrap(frame));
        } catch (MalformedMessageException dropped) {
            return;
        }
        if (envelope.request() != null) {
            FbsRequest request = new FbsRequest(null, envelope.request());
            assertTrue(request.id() >= 0 && request.id() <= 0xFFFFFFFFL);
            assertTrue(!request.methodName().isEmpty());
        } else {
            assertTrue(!new FbsNotification(envelope.notification()).eventName().isEmpty());
        }
    }

    private static final class Decoded implements FrameDecoder.Listener {
        final List<byte[]> frames = new ArrayList<>();

        @Override
        public void onFrame(ByteBuf payload) {
            frames.add(ByteBufUtil.getBytes(payload));
        }

        @Override
        public void onMalformed(String reason) {
            // Counted by the frames that do not come.
        }
    }
}
