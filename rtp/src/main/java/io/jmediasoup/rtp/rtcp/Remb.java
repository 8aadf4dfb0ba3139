package io.jmediasoup.rtp.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * Receiver Estimated Maximum Bitrate (draft-alvestrand-rmcat-remb-03): application-layer
 * feedback (PSFB, FMT 15) with the "REMB" identifier, a bitrate as mantissa and exponent, and
 * the SSRCs it applies to.
 */
public final class Remb {
    public static final int FMT = 15;
    private static final int IDENTIFIER = 0x52454D42;
    private static final int COMMON_SIZE = 12;
    private static final int FIXED_SIZE = COMMON_SIZE + 8;
    private static final int MAX_MANTISSA = 0x3FFFF;

    private Remb() {}

    /** Whether the current packet is a well-formed REMB (its SSRC list fits its length). */
    public static boolean is(CompoundPacketReader reader) {
        if (reader.packetType() != RtcpType.PSFB || reader.count() != FMT || reader.length() < FIXED_SIZE) {
            return false;
        }
        ByteBuf buffer = reader.buffer();
        return buffer.getInt(reader.index() + COMMON_SIZE) == IDENTIFIER
                && FIXED_SIZE + 4 * ssrcCount(reader) <= reader.length();
    }

    public static long senderSsrc(CompoundPacketReader reader) {
        return reader.buffer().getUnsignedInt(reader.index() + 4);
    }

    /** Bits per second. */
    public static long bitrate(CompoundPacketReader reader) {
        long word = reader.buffer().getUnsignedInt(reader.index() + COMMON_SIZE + 4);
        int exponent = (int) ((word >> 18) & 0x3F);
        long mantissa = word & MAX_MANTISSA;
        // Exponents past 63-18 would overflow a long; no real link needs them.
        return exponent > 45 ? Long.MAX_VALUE : mantissa << exponent;
    }

    public static int ssrcCount(CompoundPacketReader reader) {
        return reader.buffer().getUnsignedByte(reader.index() + COMMON_SIZE + 4);
    }

    public static long ssrc(CompoundPacketReader reader, int i) {
        return reader.buffer().getUnsignedInt(reader.index() + FIXED_SIZE + 4 * i);
    }

    /** Writes a REMB for {@code ssrcs[0..count)}; the bitrate is rounded down to what 18 bits of mantissa hold. */
    public static void write(ByteBuf out, long senderSsrc, long bitrate, long[] ssrcs, int count) {
        int exponent = 0;
        while ((bitrate >>> exponent) > MAX_MANTISSA) {
            exponent++;
        }
        out.writeByte(0x80 | FMT);
        out.writeByte(RtcpType.PSFB);
        out.writeShort((FIXED_SIZE + 4 * count) / 4 - 1);
        out.writeInt((int) senderSsrc);
        out.writeInt(0);
        out.writeInt(IDENTIFIER);
        out.writeByte(count);
        out.writeMedium((exponent << 18) | (int) (bitrate >>> exponent));
        for (int i = 0; i < count; i++) {
            out.writeInt((int) ssrcs[i]);
        }
    }
}
