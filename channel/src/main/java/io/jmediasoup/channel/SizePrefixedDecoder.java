package io.jmediasoup.channel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Incremental decoder of mediasoup 3.32's channel framing: each frame is a 4-byte
 * little-endian length, then that many bytes (a FlatBuffers message).
 *
 * <p>A frame that announces more than the limit is reported and skipped exactly, without
 * buffering it, so the frames after it still decode and memory stays bounded by one frame.
 */
public final class SizePrefixedDecoder extends CumulatingFrameDecoder {
    /** The largest message, length prefix included, that either side of mediasoup 3.32's channel takes. */
    public static final int MAX_MESSAGE_LENGTH = 8_388_608;
    public static final int PREFIX_LENGTH = 4;
    public static final int MAX_PAYLOAD_LENGTH = MAX_MESSAGE_LENGTH - PREFIX_LENGTH;

    public SizePrefixedDecoder(ByteBufAllocator allocator, FrameDecoder.Listener listener) {
        this(allocator, listener, MAX_PAYLOAD_LENGTH);
    }

    public SizePrefixedDecoder(ByteBufAllocator allocator, FrameDecoder.Listener listener, int maxPayloadLength) {
        super(allocator, listener, maxPayloadLength);
    }

    @Override
    protected boolean decodeOne(ByteBuf in) {
        if (in.readableBytes() < PREFIX_LENGTH) {
            return false;
        }
        long length = in.getUnsignedIntLE(in.readerIndex());
        if (length > maxPayloadLength) {
            in.skipBytes(PREFIX_LENGTH);
            int skipped = (int) Math.min(length, in.readableBytes());
            in.skipBytes(skipped);
            skipLater(length - skipped);
            listener.onMalformed("message of " + length + " bytes exceeds the limit of " + maxPayloadLength);
            return true;
        }
        if (in.readableBytes() < PREFIX_LENGTH + length) {
            return false;
        }
        int start = in.readerIndex() + PREFIX_LENGTH;
        in.readerIndex(start + (int) length);
        listener.onFrame(in.slice(start, (int) length));
        return true;
    }
}
