package io.jmediasoup.rtp.rtcp;

import io.netty.buffer.ByteBuf;

/** One reception report block of an SR or RR (RFC 3550 §6.4.1): 24 bytes. */
public final class ReportBlock {
    public static final int SIZE = 24;

    private ReportBlock() {}

    public static long ssrc(ByteBuf buffer, int index) {
        return buffer.getUnsignedInt(index);
    }

    public static int fractionLost(ByteBuf buffer, int index) {
        return buffer.getUnsignedByte(index + 4);
    }

    /** Cumulative packets lost: a signed 24-bit value (duplicates may make it negative). */
    public static int totalLost(ByteBuf buffer, int index) {
        return buffer.getMedium(index + 5);
    }

    public static long highestSequenceNumber(ByteBuf buffer, int index) {
        return buffer.getUnsignedInt(index + 8);
    }

    public static long jitter(ByteBuf buffer, int index) {
        return buffer.getUnsignedInt(index + 12);
    }

    /** The middle 32 bits of the NTP timestamp of the last SR received from this source. */
    public static long lastSenderReport(ByteBuf buffer, int index) {
        return buffer.getUnsignedInt(index + 16);
    }

    /** Delay since that SR, in units of 1/65536 s. */
    public static long delaySinceLastSenderReport(ByteBuf buffer, int index) {
        return buffer.getUnsignedInt(index + 20);
    }

    public static void write(ByteBuf out, long ssrc, int fractionLost, int totalLost, long highestSequenceNumber,
            long jitter, long lastSenderReport, long delaySinceLastSenderReport) {
        out.writeInt((int) ssrc);
        out.writeByte(fractionLost);
        out.writeMedium(Math.max(-0x800000, Math.min(0x7FFFFF, totalLost)));
        out.writeInt((int) highestSequenceNumber);
        out.writeInt((int) jitter);
        out.writeInt((int) lastSenderReport);
        out.writeInt((int) delaySinceLastSenderReport);
    }
}
