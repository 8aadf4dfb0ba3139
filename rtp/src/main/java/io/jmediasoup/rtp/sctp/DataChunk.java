package io.jmediasoup.rtp.sctp;

import io.netty.buffer.ByteBuf;

/** DATA (RFC 9260 §3.3.1): read in place, written from a fragment. */
final class DataChunk {
    static final int HEADER_SIZE = 16;
    static final int FLAG_END = 1;
    static final int FLAG_BEGIN = 2;
    static final int FLAG_UNORDERED = 4;

    private DataChunk() {}

    static boolean isWellFormed(ChunkReader reader) {
        // A DATA chunk with no user data is a protocol violation (RFC 9260 §6.2).
        return reader.length() > HEADER_SIZE;
    }

    static long tsn(ChunkReader reader) {
        return reader.buffer().getUnsignedInt(reader.valueIndex());
    }

    static int streamId(ChunkReader reader) {
        return reader.buffer().getUnsignedShort(reader.valueIndex() + 4);
    }

    static int ssn(ChunkReader reader) {
        return reader.buffer().getUnsignedShort(reader.valueIndex() + 6);
    }

    static long ppid(ChunkReader reader) {
        return reader.buffer().getUnsignedInt(reader.valueIndex() + 8);
    }

    static int payloadIndex(ChunkReader reader) {
        return reader.index() + HEADER_SIZE;
    }

    static int payloadLength(ChunkReader reader) {
        return reader.length() - HEADER_SIZE;
    }

    static void write(ByteBuf out, int flags, long tsn, int streamId, int ssn, long ppid, ByteBuf payload) {
        int length = payload.readableBytes();
        out.writeByte(ChunkType.DATA);
        out.writeByte(flags);
        out.writeShort(HEADER_SIZE + length);
        out.writeInt((int) tsn);
        out.writeShort(streamId);
        out.writeShort(ssn);
        out.writeInt((int) ppid);
        out.writeBytes(payload, payload.readerIndex(), length);
        Chunks.pad(out, length);
    }

    /** Bytes a DATA chunk with {@code payloadLength} bytes takes in a packet, padding included. */
    static int sizeOf(int payloadLength) {
        return HEADER_SIZE + ((payloadLength + 3) & ~3);
    }
}
