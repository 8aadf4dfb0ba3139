package io.jmediasoup.rtp.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * Sender Report (RFC 3550 §6.4.1): the sender's SSRC, NTP and RTP timestamps of one instant,
 * and its packet and octet counts. Reads take the packet's index from a
 * {@link CompoundPacketReader}; report blocks start at {@link #REPORT_BLOCKS_OFFSET}.
 */
public final class SenderReport {
    public static final int SIZE = 28;
    public static final int REPORT_BLOCKS_OFFSET = SIZE;

    private SenderReport() {}

    public static boolean isWellFormed(CompoundPacketReader reader) {
        return reader.length() >= SIZE + reader.count() * ReportBlock.SIZE;
    }

    public static long ssrc(ByteBuf buffer, int index) {
        return buffer.getUnsignedInt(index + 4);
    }

    public static long ntpSeconds(ByteBuf buffer, int index) {
        return buffer.getUnsignedInt(index + 8);
    }

    public static long ntpFraction(ByteBuf buffer, int index) {
        return buffer.getUnsignedInt(index + 12);
    }

    public static long rtpTimestamp(ByteBuf buffer, int index) {
        return buffer.getUnsignedInt(index + 16);
    }

    public static long packetCount(ByteBuf buffer, int index) {
        return buffer.getUnsignedInt(index + 20);
    }

    public static long octetCount(ByteBuf buffer, int index) {
        return buffer.getUnsignedInt(index + 24);
    }

    /** Writes an SR without report blocks. */
    public static void write(ByteBuf out, long ssrc, long ntpSeconds, long ntpFraction, long rtpTimestamp,
            long packetCount, long octetCount) {
        out.writeByte(0x80);
        out.writeByte(RtcpType.SR);
        out.writeShort(SIZE / 4 - 1);
        out.writeInt((int) ssrc);
        out.writeInt((int) ntpSeconds);
        out.writeInt((int) ntpFraction);
        out.writeInt((int) rtpTimestamp);
        out.writeInt((int) packetCount);
        out.writeInt((int) octetCount);
    }
}
