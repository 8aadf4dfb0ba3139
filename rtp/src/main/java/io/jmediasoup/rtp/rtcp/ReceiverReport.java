package io.jmediasoup.rtp.rtcp;

import io.netty.buffer.ByteBuf;

/** Receiver Report (RFC 3550 §6.4.2): the reporter's SSRC and up to 31 report blocks. */
public final class ReceiverReport {
    public static final int HEADER_SIZE = 8;
    public static final int REPORT_BLOCKS_OFFSET = HEADER_SIZE;
    public static final int MAX_REPORT_BLOCKS = 31;

    private ReceiverReport() {}

    public static boolean isWellFormed(CompoundPacketReader reader) {
        return reader.length() >= HEADER_SIZE + reader.count() * ReportBlock.SIZE;
    }

    public static long ssrc(ByteBuf buffer, int index) {
        return buffer.getUnsignedInt(index + 4);
    }

    /** Writes the header for {@code blocks} report blocks, which the caller writes next. */
    public static void writeHeader(ByteBuf out, long ssrc, int blocks) {
        out.writeByte(0x80 | blocks);
        out.writeByte(RtcpType.RR);
        out.writeShort((HEADER_SIZE + blocks * ReportBlock.SIZE) / 4 - 1);
        out.writeInt((int) ssrc);
    }
}
