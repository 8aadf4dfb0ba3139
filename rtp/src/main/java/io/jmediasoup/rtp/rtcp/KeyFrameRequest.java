package io.jmediasoup.rtp.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * Key-frame requests: Picture Loss Indication (RFC 4585 §6.3.1) and Full Intra Request
 * (RFC 5104 §4.3.1), both payload-specific feedback.
 */
public final class KeyFrameRequest {
    public static final int PLI = 1;
    public static final int FIR = 4;
    private static final int COMMON_SIZE = 12;
    private static final int FIR_ENTRY_SIZE = 8;

    private KeyFrameRequest() {}

    /** Whether the current packet is a well-formed PLI or FIR. */
    public static boolean is(CompoundPacketReader reader) {
        if (reader.packetType() != RtcpType.PSFB) {
            return false;
        }
        return reader.count() == PLI && reader.length() >= COMMON_SIZE
                || reader.count() == FIR && reader.length() >= COMMON_SIZE + FIR_ENTRY_SIZE;
    }

    /** The SSRC of the stream whose key frame is asked: PLI's media source, FIR's first entry. */
    public static long mediaSsrc(CompoundPacketReader reader) {
        int offset = reader.count() == FIR ? COMMON_SIZE : 8;
        return reader.buffer().getUnsignedInt(reader.index() + offset);
    }

    public static void writePli(ByteBuf out, long senderSsrc, long mediaSsrc) {
        out.writeByte(0x80 | PLI);
        out.writeByte(RtcpType.PSFB);
        out.writeShort(COMMON_SIZE / 4 - 1);
        out.writeInt((int) senderSsrc);
        out.writeInt((int) mediaSsrc);
    }

    /** A FIR for one stream; the media source field is 0 as RFC 5104 asks. */
    public static void writeFir(ByteBuf out, long senderSsrc, long mediaSsrc, int sequenceNumber) {
        out.writeByte(0x80 | FIR);
        out.writeByte(RtcpType.PSFB);
        out.writeShort((COMMON_SIZE + FIR_ENTRY_SIZE) / 4 - 1);
        out.writeInt((int) senderSsrc);
        out.writeInt(0);
        out.writeInt((int) mediaSsrc);
        out.writeByte(sequenceNumber);
        out.writeMedium(0);
    }
}
