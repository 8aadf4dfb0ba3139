package io.jmediasoup.rtp.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An ICE-TCP byte stream from a peer, cut into reads anywhere, through the RFC 4571 decoder.
 * It must hand out exactly the frames a straight walk of the whole stream finds (stopping at
 * a length above the cap, or after a frame whose listener released the decoder), whatever
 * the cuts. Each read is an exactly sized buffer, so a read past it throws.
 *
 * <p>An input is a byte n (taken modulo 16), n read sizes (a byte each, 0 meaning an empty
 * read; all zero or none means one read of everything), then the stream, fed in reads of
 * those sizes in turn. A frame starting with 0xFF
 * makes the listener release the decoder, as a transport closing on a frame does.
 */
class Rfc4571FuzzTest {
    private static final int LEAD = 2;
    private static final int MAX_FRAME_LENGTH = 1500;

    @FuzzTest(maxDuration = "5s")
    void splitReads(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int sizeCount = Math.min(input[0] & 0x0F, input.length - 1);
        int[] sizes = new int[Math.max(1, sizeCount)];
        int largest = 0;
        for (int i = 0; i < sizeCount; i++) {
            sizes[i] = input[1 + i] & 0xFF;
            largest = Math.max(largest, sizes[i]);
        }
        if (largest == 0) {
            // No sizes, or only empty reads (which would never get through the stream): one read.
            sizes[0] = 1 << 16;
        }
        byte[] stream = Arrays.copyOfRange(input, 1 + sizeCount, input.length);

        Rfc4571Decoder decoder = new Rfc4571Decoder(PooledByteBufAllocator.DEFAULT, MAX_FRAME_LENGTH);
        List<String> frames = new ArrayList<>();
        Rfc4571Decoder.Listener listener = frame -> {
            frames.add(ByteBufUtil.hexDump(frame));
            if (frame.getUnsignedByte(frame.readerIndex()) == 0xFF) {
                decoder.release();
            }
        };
        boolean failed = false;
        try {
            int offset = 0;
            for (int read = 0; offset < stream.length; read++) {
                int size = Math.min(sizes[read % sizes.length], stream.length - offset);
                ByteBuf chunk = PooledByteBufAllocator.DEFAULT.directBuffer(LEAD + size, LEAD + size);
                try {
                    chunk.writeZero(LEAD).writeBytes(stream, offset, size).readerIndex(LEAD);
                    failed |= !decoder.feed(chunk, listener);
                } finally {
                    chunk.release();
                }
                offset += size;
            }
        } finally {
            decoder.release();
        }
        Expected expected = walk(stream);
        assertEquals(expected.frames, frames);
        assertEquals(expected.failed, failed);
    }

    private record Expected(List<String> frames, boolean failed) {}

    /** The frames of the whole stream in one pass, as RFC 4571 defines them. */
    private static Expected walk(byte[] stream) {
        List<String> frames = new ArrayList<>();
        int offset = 0;
        while (stream.length - offset >= 2) {
            int length = ((stream[offset] & 0xFF) << 8) | (stream[offset + 1] & 0xFF);
            if (length > MAX_FRAME_LENGTH) {
                return new Expected(frames, true);
            }
            if (stream.length - offset - 2 < length) {
                break;
            }
            if (length > 0) {
                frames.add(ByteBufUtil.hexDump(stream, offset + 2, length));
                if (stream[offset + 2] == (byte) 0xFF) {
                    break;
                }
            }
            offset += 2 + length;
        }
        return new Expected(frames, false);
    }
}
