package io.jmediasoup.rtp.sctp;

import io.netty.buffer.ByteBuf;
import java.util.zip.CRC32C;

/**
 * The SCTP common header (RFC 9260 §3.1): ports, verification tag and a CRC32c over the whole
 * packet, stored least significant byte first as every stack does (RFC 9260 Appendix A).
 */
public final class SctpPacket {
    public static final int HEADER_SIZE = 12;
    /** The port both ends use over UDP and DTLS, as the C++ worker and browsers do. */
    public static final int PORT = 5000;
    private static final int CHECKSUM_OFFSET = 8;

    private SctpPacket() {}

    /**
     * What the C++ worker takes for SCTP among the packets of a media tuple: at least a common
     * header, source and destination port 5000.
     */
    public static boolean isSctp(ByteBuf data) {
        int start = data.readerIndex();
        return data.readableBytes() >= HEADER_SIZE && data.getUnsignedShort(start) == PORT
                && data.getUnsignedShort(start + 2) == PORT;
    }

    public static long verificationTag(ByteBuf packet) {
        return packet.getUnsignedInt(packet.readerIndex() + 4);
    }

    /** Whether the stored checksum matches the packet's readable bytes. */
    public static boolean hasValidChecksum(ByteBuf packet) {
        int start = packet.readerIndex();
        long stored = packet.getUnsignedIntLE(start + CHECKSUM_OFFSET);
        return stored == checksum(packet, start, packet.readableBytes());
    }

    /** Whether the checksum field is zero: an RFC 9653 packet when zero checksums were offered. */
    public static boolean hasZeroChecksum(ByteBuf packet) {
        return packet.getInt(packet.readerIndex() + CHECKSUM_OFFSET) == 0;
    }

    /** Writes a common header with a zero checksum at the writer index. */
    public static void writeHeader(ByteBuf packet, long verificationTag) {
        packet.writeShort(PORT);
        packet.writeShort(PORT);
        packet.writeInt((int) verificationTag);
        packet.writeInt(0);
    }

    /** Stores the checksum of the packet that starts at the reader index and ends at the writer index. */
    public static void finish(ByteBuf packet) {
        int start = packet.readerIndex();
        packet.setIntLE(start + CHECKSUM_OFFSET, (int) checksum(packet, start, packet.readableBytes()));
    }

    /** CRC32c of the packet with its checksum field taken as zero. */
    static long checksum(ByteBuf packet, int start, int length) {
        CRC32C crc = new CRC32C();
        crc.update(packet.nioBuffer(start, CHECKSUM_OFFSET));
        crc.update(new byte[4]);
        if (length > HEADER_SIZE) {
            crc.update(packet.nioBuffer(start + HEADER_SIZE, length - HEADER_SIZE));
        }
        return crc.getValue();
    }
}
