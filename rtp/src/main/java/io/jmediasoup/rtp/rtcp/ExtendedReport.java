package io.jmediasoup.rtp.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * Extended Report (RFC 3611): the Receiver Reference Time block (§4.4) a receiver sends so that
 * the sender can answer with a DLRR block (§4.5), from which the receiver learns the round-trip
 * time without sending media of its own.
 */
public final class ExtendedReport {
    public static final int RECEIVER_REFERENCE_TIME = 4;
    public static final int DLRR = 5;
    /** An XR packet holding one Receiver Reference Time block: header, SSRC, block header, NTP. */
    public static final int RECEIVER_REFERENCE_TIME_PACKET_SIZE = 20;
    private static final int HEADER_SIZE = 8;
    private static final int BLOCK_HEADER_SIZE = 4;
    private static final int DLRR_SUB_BLOCK_SIZE = 12;

    /** One DLRR sub-block: the SSRC it is about, the echoed reference time and the delay since it, both in 1/65536 s. */
    @FunctionalInterface
    public interface DlrrVisitor {
        void onDelaySinceLastRr(long ssrc, long lastRr, long delaySinceLastRr);
    }

    private ExtendedReport() {}

    /** Appends an XR packet with sender SSRC 0, as the C++ worker's, holding a Receiver Reference Time block. */
    public static void writeReceiverReferenceTime(ByteBuf out, long ntpSeconds, long ntpFraction) {
        out.writeByte(0x80);
        out.writeByte(RtcpType.XR);
        out.writeShort(RECEIVER_REFERENCE_TIME_PACKET_SIZE / 4 - 1);
        out.writeInt(0);
        out.writeByte(RECEIVER_REFERENCE_TIME);
        out.writeByte(0);
        out.writeShort(2);
        out.writeInt((int) ntpSeconds);
        out.writeInt((int) ntpFraction);
    }

    /**
     * Visits every DLRR sub-block of the reader's current XR packet; a sub-block with SSRC 0
     * is about the packet's sender. Blocks are walked while their declared length fits in the
     * packet, so a malformed tail is ignored.
     */
    public static void readDelaySinceLastRr(CompoundPacketReader reader, DlrrVisitor visitor) {
        ByteBuf buffer = reader.buffer();
        int end = reader.index() + reader.length();
        if (reader.length() < HEADER_SIZE) {
            return;
        }
        long senderSsrc = buffer.getUnsignedInt(reader.index() + 4);
        int block = reader.index() + HEADER_SIZE;
        while (block + BLOCK_HEADER_SIZE <= end) {
            int blockType = buffer.getUnsignedByte(block);
            int blockEnd = block + BLOCK_HEADER_SIZE + 4 * buffer.getUnsignedShort(block + 2);
            if (blockEnd > end) {
                return;
            }
            if (blockType == DLRR) {
                for (int sub = block + BLOCK_HEADER_SIZE; sub + DLRR_SUB_BLOCK_SIZE <= blockEnd; sub += DLRR_SUB_BLOCK_SIZE) {
                    long ssrc = buffer.getUnsignedInt(sub);
                    visitor.onDelaySinceLastRr(ssrc == 0 ? senderSsrc : ssrc, buffer.getUnsignedInt(sub + 4),
                            buffer.getUnsignedInt(sub + 8));
                }
            }
            block = blockEnd;
        }
    }
}
