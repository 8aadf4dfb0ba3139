package io.jmediasoup.rtp.sctp;

import io.netty.buffer.ByteBuf;

/**
 * INIT and INIT ACK (RFC 9260 §3.3.2, §3.3.3): the fixed fields, the state cookie of an INIT
 * ACK, and which extensions the sender supports (RFC 5061 Supported Extensions, RFC 3758
 * Forward-TSN-Supported, RFC 9653 Zero Checksum Acceptable with its error detection method,
 * {@link SctpConfig#NO_ZERO_CHECKSUM} when absent). Other parameters are skipped.
 */
record InitChunk(long initiateTag, long arwnd, int outboundStreams, int inboundStreams, long initialTsn,
        byte[] stateCookie, boolean forwardTsn, boolean reconfig, long zeroChecksumMethod) {
    static final int FIXED_SIZE = 16;
    static final int PARAM_STATE_COOKIE = 7;
    static final int PARAM_SUPPORTED_EXTENSIONS = 0x8008;
    static final int PARAM_FORWARD_TSN_SUPPORTED = 0xC000;
    static final int PARAM_ZERO_CHECKSUM_ACCEPTABLE = 0x8001;

    /** The chunk at the reader, or null when its fixed part is malformed (RFC 9260 §5.1: zero tag or streams). */
    static InitChunk parse(ChunkReader reader) {
        if (reader.valueLength() < FIXED_SIZE) {
            return null;
        }
        ByteBuf buffer = reader.buffer();
        int value = reader.valueIndex();
        long tag = buffer.getUnsignedInt(value);
        int os = buffer.getUnsignedShort(value + 8);
        int mis = buffer.getUnsignedShort(value + 10);
        if (tag == 0 || os == 0 || mis == 0) {
            return null;
        }
        byte[] cookie = null;
        boolean forwardTsn = false;
        boolean reconfig = false;
        long zeroChecksumMethod = SctpConfig.NO_ZERO_CHECKSUM;
        int param = value + FIXED_SIZE;
        int end = reader.index() + reader.length();
        while (end - param >= 4) {
            int type = buffer.getUnsignedShort(param);
            int length = buffer.getUnsignedShort(param + 2);
            if (length < 4 || length > end - param) {
                return null;
            }
            switch (type) {
                case PARAM_STATE_COOKIE:
                    cookie = new byte[length - 4];
                    buffer.getBytes(param + 4, cookie);
                    break;
                case PARAM_FORWARD_TSN_SUPPORTED:
                    forwardTsn = true;
                    break;
                case PARAM_ZERO_CHECKSUM_ACCEPTABLE:
                    if (length == 8) {
                        zeroChecksumMethod = buffer.getUnsignedInt(param + 4);
                    }
                    break;
                case PARAM_SUPPORTED_EXTENSIONS:
                    for (int i = param + 4; i < param + length; i++) {
                        int chunkType = buffer.getUnsignedByte(i);
                        forwardTsn |= chunkType == ChunkType.FORWARD_TSN;
                        reconfig |= chunkType == ChunkType.RE_CONFIG;
                    }
                    break;
                default:
                    break;
            }
            param += (length + 3) & ~3;
        }
        return new InitChunk(tag, buffer.getUnsignedInt(value + 4), os, mis, buffer.getUnsignedInt(value + 12), cookie,
                forwardTsn, reconfig, zeroChecksumMethod);
    }

    /**
     * Writes an INIT (no cookie) or INIT ACK (with {@code stateCookie}) that offers RE-CONFIG and
     * FORWARD-TSN, and zero checksums with {@code zeroChecksumMethod} unless none.
     */
    void write(ByteBuf out, int type) {
        int start = out.writerIndex();
        out.writeByte(type);
        out.writeByte(0);
        out.writeShort(0);
        out.writeInt((int) initiateTag);
        out.writeInt((int) arwnd);
        out.writeShort(outboundStreams);
        out.writeShort(inboundStreams);
        out.writeInt((int) initialTsn);
        if (stateCookie != null) {
            out.writeShort(PARAM_STATE_COOKIE);
            out.writeShort(4 + stateCookie.length);
            out.writeBytes(stateCookie);
            Chunks.pad(out, stateCookie.length);
        }
        out.writeShort(PARAM_SUPPORTED_EXTENSIONS);
        out.writeShort(6);
        out.writeByte(ChunkType.RE_CONFIG);
        out.writeByte(ChunkType.FORWARD_TSN);
        out.writeShort(0);
        out.writeShort(PARAM_FORWARD_TSN_SUPPORTED);
        out.writeShort(4);
        if (zeroChecksumMethod != SctpConfig.NO_ZERO_CHECKSUM) {
            out.writeShort(PARAM_ZERO_CHECKSUM_ACCEPTABLE);
            out.writeShort(8);
            out.writeInt((int) zeroChecksumMethod);
        }
        out.setShort(start + 2, out.writerIndex() - start);
    }
}
