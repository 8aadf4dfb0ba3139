package io.jmediasoup.channel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * What both channel framings share: one incomplete frame buffered across reads, several frames
 * taken from one read, and the rest of a frame too long to buffer dropped as it arrives. A
 * subclass only reads its prefix.
 */
abstract class CumulatingFrameDecoder implements FrameDecoder {
    private final ByteBufAllocator allocator;
    protected final FrameDecoder.Listener listener;
    protected final int maxPayloadLength;
    private ByteBuf cumulation;
    /** Bytes of an oversized frame not yet arrived, dropped as they come. */
    private long bytesToSkip;

    CumulatingFrameDecoder(ByteBufAllocator allocator, FrameDecoder.Listener listener, int maxPayloadLength) {
        this.allocator = allocator;
        this.listener = listener;
        this.maxPayloadLength = maxPayloadLength;
    }

    @Override
    public final void feed(ByteBuf data) {
        if (bytesToSkip > 0) {
            int skipped = (int) Math.min(bytesToSkip, data.readableBytes());
            data.skipBytes(skipped);
            bytesToSkip -= skipped;
        }
        if (!data.isReadable()) {
            return;
        }
        if (cumulation == null) {
            cumulation = allocator.directBuffer(Math.max(data.readableBytes(), 256));
        }
        cumulation.writeBytes(data);
        while (cumulation != null && cumulation.isReadable() && decodeOne(cumulation)) {
            // Next frame.
        }
        if (cumulation != null) {
            if (cumulation.isReadable()) {
                cumulation.discardReadBytes();
            } else {
                cumulation.release();
                cumulation = null;
            }
        }
    }

    /**
     * Takes one frame from the readable bytes of {@code in} (never empty), moving its reader
     * index past what it consumed; returns false when more bytes are needed or the rest is
     * unusable.
     */
    protected abstract boolean decodeOne(ByteBuf in);

    /** Drops the next {@code bytes} bytes of the stream, which follow what is buffered now. */
    protected final void skipLater(long bytes) {
        bytesToSkip = bytes;
    }

    @Override
    public final void close() {
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
    }
}
