package io.jmediasoup.rtp.sctp;

import io.netty.buffer.ByteBuf;

/** SACK (RFC 9260 §3.3.4): gap ack blocks as offsets from the cumulative TSN ack. */
final class SackChunk {
    static final int FIXED_SIZE = 12;

    private SackChunk() {}

    static boolean isWellFormed(ChunkReader reader) {
        if (reader.valueLength() < FIXED_SIZE) {
            return false;
        }
        return reader.valueLength() >= FIXED_SIZE + 4 * gapBlocks(reader) + 4 * duplicateTsns(reader);
    }

    static long cumulativeTsnAck(ChunkReader reader) {
        return reader.buffer().getUnsignedInt(reader.valueIndex());
    }

    static long arwnd(ChunkReader reader) {
        return reader.buffer().getUnsignedInt(reader.valueIndex() + 4);
    }

    static int gapBlocks(ChunkReader reader) {
        return reader.buffer().getUnsignedShort(reader.valueIndex() + 8);
    }

    static int duplicateTsns(ChunkReader reader) {
        return reader.buffer().getUnsignedShort(reader.valueIndex() + 10);
    }

    static int gapStart(ChunkReader reader, int block) {
        return reader.buffer().getUnsignedShort(reader.valueIndex() + FIXED_SIZE + 4 * block);
    }

    static int gapEnd(ChunkReader reader, int block) {
        return reader.buffer().getUnsignedShort(reader.valueIndex() + FIXED_SIZE + 4 * block + 2);
    }

    /**
     * Writes a SACK; {@code gaps} holds start and end offsets in turn, {@code duplicates}
     * the duplicate TSNs received since the last SACK.
     */
    static void write(ByteBuf out, long cumulativeTsnAck, long arwnd, int[] gaps, int gapCount, long[] duplicates,
            int duplicateCount) {
        out.writeByte(ChunkType.SACK);
        out.writeByte(0);
        out.writeShort(ChunkReader.CHUNK_HEADER_SIZE + FIXED_SIZE + 4 * gapCount + 4 * duplicateCount);
        out.writeInt((int) cumulativeTsnAck);
        out.writeInt((int) arwnd);
        out.writeShort(gapCount);
        out.writeShort(duplicateCount);
        for (int i = 0; i < gapCount; i++) {
            out.writeShort(gaps[2 * i]);
            out.writeShort(gaps[2 * i + 1]);
        }
        for (int i = 0; i < duplicateCount; i++) {
            out.writeInt((int) duplicates[i]);
        }
    }
}
