package io.jmediasoup.rtp.ice;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Splits a TCP byte stream into the packets framed by RFC 4571 (a 16-bit big-endian length
 * before each), as ICE-TCP carries STUN, DTLS, RTP and RTCP. Whole frames in a chunk are lent
 * to the listener in place (no copy, no derived buffer); a frame split across reads is
 * gathered in a pooled buffer. Zero-length frames (the null packet) are skipped. A frame
 * longer than the cap can not be skipped safely, so it fails the stream for good.
 * Not thread-safe.
 */
public final class Rfc4571Decoder {
    /**
     * Receives every frame as the readable bytes of {@code frame}, only valid during the call;
     * they may be rewritten in place but not grown (the next frame may follow them).
     */
    public interface Listener {
        void onFrame(ByteBuf frame);
    }

    private static final int LENGTH_SIZE = 2;

    private final ByteBufAllocator allocator;
    private final int maxFrameLength;
    /** The start of an incomplete frame, its length prefix included; null when there is none. */
    private ByteBuf pending;
    private boolean failed;
    private boolean released;

    public Rfc4571Decoder(ByteBufAllocator allocator, int maxFrameLength) {
        this.allocator = allocator;
        this.maxFrameLength = maxFrameLength;
    }

    /**
     * Takes the readable bytes of {@code chunk} (left to the caller to release) and hands out
     * the frames they complete, until {@link #release} is called from the listener. Returns
     * false once a frame announced a length above the cap: the stream is then unusable.
     */
    public boolean feed(ByteBuf chunk, Listener listener) {
        if (failed || released) {
            return !failed;
        }
        if (pending != null && !completePending(chunk, listener)) {
            return !failed;
        }
        while (!released && chunk.readableBytes() >= LENGTH_SIZE) {
            int length = chunk.getUnsignedShort(chunk.readerIndex());
            if (length > maxFrameLength) {
                failed = true;
                return false;
            }
            if (chunk.readableBytes() < LENGTH_SIZE + length) {
                break;
            }
            deliver(chunk, chunk.readerIndex() + LENGTH_SIZE, length, listener);
        }
        if (!released && chunk.isReadable()) {
            int frameSize = chunk.readableBytes() >= LENGTH_SIZE
                    ? LENGTH_SIZE + chunk.getUnsignedShort(chunk.readerIndex()) : LENGTH_SIZE;
            pending = allocator.buffer(frameSize, LENGTH_SIZE + maxFrameLength);
            pending.writeBytes(chunk);
        }
        return true;
    }

    /** Moves bytes of {@code chunk} into the pending frame; true when it was completed and delivered. */
    private boolean completePending(ByteBuf chunk, Listener listener) {
        if (pending.readableBytes() < LENGTH_SIZE) {
            pending.writeBytes(chunk, Math.min(LENGTH_SIZE - pending.readableBytes(), chunk.readableBytes()));
            if (pending.readableBytes() < LENGTH_SIZE) {
                return false;
            }
        }
        int length = pending.getUnsignedShort(pending.readerIndex());
        if (length > maxFrameLength) {
            failed = true;
            releasePending();
            return false;
        }
        int missing = LENGTH_SIZE + length - pending.readableBytes();
        pending.writeBytes(chunk, Math.min(missing, chunk.readableBytes()));
        if (pending.readableBytes() < LENGTH_SIZE + length) {
            return false;
        }
        ByteBuf frame = pending;
        pending = null;
        try {
            deliver(frame, frame.readerIndex() + LENGTH_SIZE, length, listener);
        } finally {
            frame.release();
        }
        return true;
    }

    /**
     * Lends {@code buffer} narrowed to the frame at {@code index}, without a derived buffer,
     * then leaves its reader index after the frame.
     */
    private static void deliver(ByteBuf buffer, int index, int length, Listener listener) {
        int writerIndex = buffer.writerIndex();
        buffer.setIndex(index, index + length);
        try {
            if (length > 0) {
                listener.onFrame(buffer);
            }
        } finally {
            buffer.setIndex(index + length, writerIndex);
        }
    }

    /** Frees the pending bytes; later feeds are ignored. Safe to call from the listener. */
    public void release() {
        released = true;
        releasePending();
    }

    private void releasePending() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }
}
