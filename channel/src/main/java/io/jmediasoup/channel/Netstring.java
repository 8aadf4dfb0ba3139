package io.jmediasoup.channel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;

/** Netstring framing (`<decimal length>:<bytes>,`) as the mediasoup channels use it. */
public final class Netstring {
    /** The largest payload either side of a mediasoup channel accepts. */
    public static final int MAX_PAYLOAD_LENGTH = 4_194_304;

    private Netstring() {}

    /** Frames a UTF-8 text into a new buffer that the caller owns. */
    public static ByteBuf encode(ByteBufAllocator allocator, CharSequence payload) {
        int length = ByteBufUtil.utf8Bytes(payload);
        ByteBuf frame = allocator.directBuffer(frameLength(length));
        writePrefix(frame, length);
        ByteBufUtil.reserveAndWriteUtf8(frame, payload, length);
        frame.writeByte(',');
        return frame;
    }

    /** Frames the readable bytes of {@code payload} (not consumed) into a new buffer the caller owns. */
    public static ByteBuf encode(ByteBufAllocator allocator, ByteBuf payload) {
        int length = payload.readableBytes();
        ByteBuf frame = allocator.directBuffer(frameLength(length));
        writePrefix(frame, length);
        frame.writeBytes(payload, payload.readerIndex(), length);
        frame.writeByte(',');
        return frame;
    }

    /** Length of the whole frame that carries a payload of {@code payloadLength} bytes. */
    public static int frameLength(int payloadLength) {
        return decimalDigits(payloadLength) + payloadLength + 2;
    }

    private static void writePrefix(ByteBuf frame, int length) {
        frame.writeCharSequence(Integer.toString(length), java.nio.charset.StandardCharsets.US_ASCII);
        frame.writeByte(':');
    }

    private static int decimalDigits(int value) {
        int digits = 1;
        while (value >= 10) {
            value /= 10;
            digits++;
        }
        return digits;
    }
}
