package io.jmediasoup.rtp.sctp;

import io.netty.buffer.ByteBuf;

/** FORWARD TSN (RFC 3758 §3.2): a new cumulative TSN, and the last skipped SSN of each ordered stream. */
final class ForwardTsnChunk {
    private ForwardTsnChunk() {}

    static boolean isWellFormed(ChunkReader reader) {
        return reader.valueLength() >= 4 && (reader.valueLength() - 4) % 4 == 0;
    }

    static long newCumulativeTsn(ChunkReader reader) {
        return reader.buffer().getUnsignedInt(reader.valueIndex());
    }

    static int streams(ChunkReader reader) {
        return (reader.valueLength() - 4) / 4;
    }

    static int streamId(ChunkReader reader, int i) {
        return reader.buffer().getUnsignedShort(reader.valueIndex() + 4 + 4 * i);
    }

    static int ssn(ChunkReader reader, int i) {
        return reader.buffer().getUnsignedShort(reader.valueIndex() + 6 + 4 * i);
    }

    /** {@code streamSsns} holds stream id and SSN in turn. */
    static void write(ByteBuf out, long newCumulativeTsn, int[] streamSsns, int count) {
        out.writeByte(ChunkType.FORWARD_TSN);
        out.writeByte(0);
        out.writeShort(ChunkReader.CHUNK_HEADER_SIZE + 4 + 4 * count);
        out.writeInt((int) newCumulativeTsn);
        for (int i = 0; i < count; i++) {
            out.writeShort(streamSsns[2 * i]);
            out.writeShort(streamSsns[2 * i + 1]);
        }
    }
}
