package io.jmediasoup.rtp.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * Generic NACK (RFC 4585 §6.2.1): transport-layer feedback whose items each name a lost
 * packet (PID) and, in a bitmask (BLP), which of the 16 following ones are lost too.
 */
public final class Nack {
    public static final int FMT = 1;
    private static final int COMMON_SIZE = 12;
    private static final int ITEM_SIZE = 4;
    /** Items per packet we build; far below what an MTU holds. */
    public static final int MAX_ITEMS = 64;

    private Nack() {}

    /** Whether the current packet is a well-formed generic NACK. */
    public static boolean is(CompoundPacketReader reader) {
        return reader.packetType() == RtcpType.RTPFB && reader.count() == FMT
                && reader.length() >= COMMON_SIZE + ITEM_SIZE;
    }

    public static long mediaSsrc(CompoundPacketReader reader) {
        return reader.buffer().getUnsignedInt(reader.index() + 8);
    }

    public static int itemCount(CompoundPacketReader reader) {
        return (reader.length() - COMMON_SIZE) / ITEM_SIZE;
    }

    /** The first lost packet's sequence number of item {@code item}. */
    public static int packetId(CompoundPacketReader reader, int item) {
        return reader.buffer().getUnsignedShort(reader.index() + COMMON_SIZE + item * ITEM_SIZE);
    }

    /** Bit i set: packet PID + i + 1 is lost too. */
    public static int lostBitmask(CompoundPacketReader reader, int item) {
        return reader.buffer().getUnsignedShort(reader.index() + COMMON_SIZE + item * ITEM_SIZE + 2);
    }

    /**
     * Writes a NACK for the sequence numbers {@code seqs[0..count)}, in ascending order,
     * packing each run within 16 of its first into one item. Returns how many sequence
     * numbers it covers (all of them, unless more than {@link #MAX_ITEMS} items were needed).
     */
    public static int write(ByteBuf out, long senderSsrc, long mediaSsrc, int[] seqs, int count) {
        int headerIndex = out.writerIndex();
        out.writeByte(0x80 | FMT);
        out.writeByte(RtcpType.RTPFB);
        out.writeShort(0);
        out.writeInt((int) senderSsrc);
        out.writeInt((int) mediaSsrc);
        int items = 0;
        int covered = 0;
        int i = 0;
        while (i < count && items < MAX_ITEMS) {
            int pid = seqs[i++];
            int bitmask = 0;
            covered++;
            while (i < count) {
                int shift = (seqs[i] - pid - 1) & 0xFFFF;
                if (shift > 15) {
                    break;
                }
                bitmask |= 1 << shift;
                covered++;
                i++;
            }
            out.writeShort(pid);
            out.writeShort(bitmask);
            items++;
        }
        out.setShort(headerIndex + 2, (COMMON_SIZE + items * ITEM_SIZE) / 4 - 1);
        return covered;
    }
}
