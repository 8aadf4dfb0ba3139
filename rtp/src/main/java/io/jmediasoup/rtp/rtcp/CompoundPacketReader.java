package io.jmediasoup.rtp.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * Walks the packets of an RTCP compound packet (RFC 3550 §6.1) in a buffer it does not own.
 * Each {@link #next()} moves to the following packet and checks that its header is RTCP and
 * that its length stays within the buffer; on the first that does not, the walk ends.
 */
public final class CompoundPacketReader {
    private static final int HEADER_SIZE = 4;

    private ByteBuf buffer;
    private int nextIndex;
    private int end;
    private int index;
    private int length;
    private boolean malformed;

    /** Starts a walk over the readable bytes of {@code data}. */
    public CompoundPacketReader reset(ByteBuf data) {
        buffer = data;
        nextIndex = data.readerIndex();
        end = data.writerIndex();
        malformed = false;
        return this;
    }

    /** Moves to the next packet; false at the end or at a malformed packet. */
    public boolean next() {
        if (nextIndex >= end || malformed) {
            return false;
        }
        if (end - nextIndex < HEADER_SIZE || buffer.getUnsignedByte(nextIndex) >> 6 != 2) {
            malformed = true;
            return false;
        }
        int packetLength = 4 * (buffer.getUnsignedShort(nextIndex + 2) + 1);
        if (nextIndex + packetLength > end) {
            malformed = true;
            return false;
        }
        index = nextIndex;
        length = packetLength;
        nextIndex += packetLength;
        return true;
    }

    /** Whether the walk stopped at a packet that was not well formed. */
    public boolean malformed() {
        return malformed;
    }

    public ByteBuf buffer() {
        return buffer;
    }

    /** The absolute buffer index of the current packet. */
    public int index() {
        return index;
    }

    /** The current packet's length in bytes, header included. */
    public int length() {
        return length;
    }

    public int packetType() {
        return buffer.getUnsignedByte(index + 1);
    }

    /** The header's low five bits: the report count (SR, RR), source count (SDES, BYE) or FMT (feedback). */
    public int count() {
        return buffer.getUnsignedByte(index) & 0x1F;
    }
}
