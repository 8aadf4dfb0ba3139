package io.jmediasoup.rtp.sctp;

import io.netty.buffer.ByteBuf;

/**
 * Walks the chunks of an SCTP packet in place: type, flags, length and where the value starts.
 * Stops at the first chunk whose length is shorter than its header or runs past the packet,
 * which makes the packet malformed.
 */
final class ChunkReader {
    static final int CHUNK_HEADER_SIZE = 4;

    private ByteBuf packet;
    private int next;
    private int end;
    private int index;
    private int length;
    private boolean malformed;

    /** Starts after the common header of {@code packet}'s readable bytes. */
    ChunkReader reset(ByteBuf packet) {
        this.packet = packet;
        this.next = packet.readerIndex() + SctpPacket.HEADER_SIZE;
        this.end = packet.writerIndex();
        this.malformed = packet.readableBytes() < SctpPacket.HEADER_SIZE;
        return this;
    }

    /** Moves to the next chunk; false at the end or on a malformed one. */
    boolean next() {
        if (malformed || next == end) {
            return false;
        }
        if (end - next < CHUNK_HEADER_SIZE) {
            malformed = true;
            return false;
        }
        int chunkLength = packet.getUnsignedShort(next + 2);
        if (chunkLength < CHUNK_HEADER_SIZE || chunkLength > end - next) {
            malformed = true;
            return false;
        }
        index = next;
        length = chunkLength;
        next += (chunkLength + 3) & ~3;
        if (next > end) {
            next = end;
        }
        return true;
    }

    boolean malformed() {
        return malformed;
    }

    ByteBuf buffer() {
        return packet;
    }

    int type() {
        return packet.getUnsignedByte(index);
    }

    int flags() {
        return packet.getUnsignedByte(index + 1);
    }

    /** The chunk's length field: header and value, without padding. */
    int length() {
        return length;
    }

    /** Where the chunk (its header) starts. */
    int index() {
        return index;
    }

    int valueIndex() {
        return index + CHUNK_HEADER_SIZE;
    }

    int valueLength() {
        return length - CHUNK_HEADER_SIZE;
    }
}
