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
public final class NetstringDecoder extends CumulatingFrameDecoder {
    /** Receives decoded frames and framing errors. */
    public interface Listener extends FrameDecoder.Listener {}

    /** "999999999" is the longest length prefix the reference's netstring parser accepts. */
    private static final int MAX_LENGTH_DIGITS = 9;

    public NetstringDecoder(ByteBufAllocator allocator, FrameDecoder.Listener listener) {
        this(allocator, listener, Netstring.MAX_PAYLOAD_LENGTH);
    }

    public NetstringDecoder(ByteBufAllocator allocator, FrameDecoder.Listener listener, int maxPayloadLength) {
        super(allocator, listener, maxPayloadLength);
    }

    @Override
    protected boolean decodeOne(ByteBuf in) {
        int start = in.readerIndex();
        int end = in.writerIndex();
        int first = in.getByte(start);
        if (!isDigit(first)) {
            return malformed(in, "no length (unexpected byte 0x" + Integer.toHexString(first & 0xff) + ")");
        }
        long length = 0;
        int index = start;
        while (index < end && isDigit(in.getByte(index))) {
            if (index - start == MAX_LENGTH_DIGITS) {
                return malformed(in, "length prefix too long");
            }
            length = length * 10 + (in.getByte(index) - '0');
            index++;
        }
        if (index == end) {
            return false;
        }
        int digits = index - start;
        if (first == '0' && digits > 1) {
            return malformed(in, "leading zero in length");
        }
        if (in.getByte(index) != ':') {
            return malformed(in, "no colon after length");
        }
        int payloadStart = index + 1;
        if (length > maxPayloadLength) {
            long frameRemainder = length + 1;
            int available = end - payloadStart;
            if (frameRemainder > available) {
                in.readerIndex(end);
                skipLater(frameRemainder - available);
            } else {
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
            return malformed(in, "no comma after payload");
        }
        in.readerIndex(payloadStart + payloadLength + 1);
        listener.onFrame(in.slice(payloadStart, payloadLength));
        return true;
    }

    private boolean malformed(ByteBuf in, String reason) {
        in.clear();
        listener.onMalformed(reason);
        return false;
    }

    private static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }
}
