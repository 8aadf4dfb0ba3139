package io.jmediasoup.channel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Incremental netstring decoder for a byte stream: frames may be split across reads and a
 * read may carry several frames.
 *
 * <p>A malformed prefix cannot be resynchronised (the stream has no other markers), so, like
 * the C++ worker, the decoder then drops everything buffered so far. A frame that announces
 * more than {@link Netstring#MAX_PAYLOAD_LENGTH} bytes is skipped exactly, so the frames
 * after it still decode.
 */
public final class NetstringDecoder implements FrameDecoder {
    /** Receives decoded frames and framing errors. */
    public interface Listener extends FrameDecoder.Listener {}

    /** "999999999" is the longest length prefix the reference's netstring parser accepts. */
    private static final int MAX_LENGTH_DIGITS = 9;

    private final ByteBufAllocator allocator;
    private final FrameDecoder.Listener listener;
    private final int maxPayloadLength;
    private ByteBuf cumulation;
    private long bytesToSkip;

    public NetstringDecoder(ByteBufAllocator allocator, FrameDecoder.Listener listener) {
        this(allocator, listener, Netstring.MAX_PAYLOAD_LENGTH);
    }

    public NetstringDecoder(ByteBufAllocator allocator, FrameDecoder.Listener listener, int maxPayloadLength) {
        this.allocator = allocator;
        this.listener = listener;
        this.maxPayloadLength = maxPayloadLength;
    }

    @Override
    public void feed(ByteBuf data) {
        if (bytesToSkip > 0) {
            int skipped = (int) Math.min(bytesToSkip, data.readableBytes());
            data.skipBytes(skipped);
            bytesToSkip -= skipped;
            if (bytesToSkip > 0) {
                return;
            }
        }
        if (!data.isReadable()) {
            return;
        }
        if (cumulation == null) {
            cumulation = allocator.directBuffer(Math.max(data.readableBytes(), 256));
        }
        cumulation.writeBytes(data);
        decodeFrames();
    }

    private void decodeFrames() {
        while (cumulation != null && cumulation.isReadable()) {
            if (!decodeOne()) {
                break;
            }
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

    /** Returns false when more bytes are needed. */
    private boolean decodeOne() {
        ByteBuf in = cumulation;
        int start = in.readerIndex();
        int end = in.writerIndex();
        int first = in.getByte(start);
        if (!isDigit(first)) {
            return malformed("no length (unexpected byte 0x" + Integer.toHexString(first & 0xff) + ")");
        }
        long length = 0;
        int index = start;
        while (index < end && isDigit(in.getByte(index))) {
            if (index - start == MAX_LENGTH_DIGITS) {
                return malformed("length prefix too long");
            }
            length = length * 10 + (in.getByte(index) - '0');
            index++;
        }
        if (index == end) {
            return false;
        }
        int digits = index - start;
        if (first == '0' && digits > 1) {
            return malformed("leading zero in length");
        }
        if (in.getByte(index) != ':') {
            return malformed("no colon after length");
        }
        int payloadStart = index + 1;
        if (length > maxPayloadLength) {
            long frameRemainder = length + 1;
            int available = end - payloadStart;
            in.readerIndex(end);
            bytesToSkip = Math.max(0, frameRemainder - available);
            if (bytesToSkip == 0) {
                in.readerIndex(payloadStart + (int) frameRemainder);
            }
            listener.onMalformed("frame of " + length + " bytes exceeds the limit of " + maxPayloadLength);
            return true;
        }
        int payloadLength = (int) length;
        if (end - payloadStart < payloadLength + 1) {
            return false;
        }
        if (in.getByte(payloadStart + payloadLength) != ',') {
            return malformed("no comma after payload");
        }
        in.readerIndex(payloadStart + payloadLength + 1);
        listener.onFrame(in.slice(payloadStart, payloadLength));
        return true;
    }

    private boolean malformed(String reason) {
        cumulation.clear();
        listener.onMalformed(reason);
        return false;
    }

    private static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }

    @Override
    public void close() {
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
    }
}
