package io.jmediasoup.rtp.sctp;

import io.netty.buffer.ByteBuf;

/** Writers of the chunks that are a header and at most one opaque value (RFC 9260 §3.3). */
final class Chunks {
    /** The T bit of ABORT and SHUTDOWN COMPLETE: the verification tag is the peer's own, reflected. */
    static final int FLAG_T = 1;
    /** The Heartbeat Info parameter type (RFC 9260 §3.3.5). */
    static final int HEARTBEAT_INFO = 1;
    /** Error cause "User-Initiated Abort" (RFC 9260 §3.3.10.12). */
    static final int CAUSE_USER_INITIATED_ABORT = 12;

    private Chunks() {}

    /** A chunk with no value: COOKIE ACK, SHUTDOWN ACK, SHUTDOWN COMPLETE. */
    static void writeEmpty(ByteBuf out, int type, int flags) {
        out.writeByte(type);
        out.writeByte(flags);
        out.writeShort(ChunkReader.CHUNK_HEADER_SIZE);
    }

    /** A chunk whose value is {@code value} as is, padded: COOKIE ECHO. */
    static void writeOpaque(ByteBuf out, int type, byte[] value) {
        out.writeByte(type);
        out.writeByte(0);
        out.writeShort(ChunkReader.CHUNK_HEADER_SIZE + value.length);
        out.writeBytes(value);
        pad(out, value.length);
    }

    /** HEARTBEAT or HEARTBEAT ACK with one Heartbeat Info parameter holding {@code info}. */
    static void writeHeartbeat(ByteBuf out, int type, ByteBuf info, int infoIndex, int infoLength) {
        out.writeByte(type);
        out.writeByte(0);
        out.writeShort(ChunkReader.CHUNK_HEADER_SIZE + 4 + infoLength);
        out.writeShort(HEARTBEAT_INFO);
        out.writeShort(4 + infoLength);
        out.writeBytes(info, infoIndex, infoLength);
        pad(out, infoLength);
    }

    /** HEARTBEAT whose Heartbeat Info is the time it was sent, for an RTT measure from its ACK. */
    static void writeHeartbeatRequest(ByteBuf out, long sentMs) {
        out.writeByte(ChunkType.HEARTBEAT);
        out.writeByte(0);
        out.writeShort(ChunkReader.CHUNK_HEADER_SIZE + 4 + 8);
        out.writeShort(HEARTBEAT_INFO);
        out.writeShort(4 + 8);
        out.writeLong(sentMs);
    }

    /** ABORT with one error cause that has no information, or none when {@code cause} is 0. */
    static void writeAbort(ByteBuf out, boolean reflected, int cause) {
        out.writeByte(ChunkType.ABORT);
        out.writeByte(reflected ? FLAG_T : 0);
        out.writeShort(ChunkReader.CHUNK_HEADER_SIZE + (cause != 0 ? 4 : 0));
        if (cause != 0) {
            out.writeShort(cause);
            out.writeShort(4);
        }
    }

    /** SHUTDOWN with the cumulative TSN we have received (RFC 9260 §3.3.8). */
    static void writeShutdown(ByteBuf out, long cumulativeTsnAck) {
        out.writeByte(ChunkType.SHUTDOWN);
        out.writeByte(0);
        out.writeShort(8);
        out.writeInt((int) cumulativeTsnAck);
    }

    static void pad(ByteBuf out, int length) {
        out.writeZero((4 - (length & 3)) & 3);
    }
}
