package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.RtpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.Arrays;

/**
 * The packets a sending stream sent lately, by sequence number, so that a NACK can be
 * answered. Copies live in one native slab of fixed-size slots, allocated on first use and
 * reused in a ring: storing a packet allocates nothing. A slot keeps its packet until a
 * packet {@link #SLOTS} sequence numbers later takes it.
 */
final class RetransmissionBuffer {
    /** Slots in the ring; a power of two, a little over the C++ worker's 600 packets. */
    static final int SLOTS = 512;
    /** The largest packet kept: the C++ worker's MTU. */
    static final int SLOT_SIZE = 1500;

    private ByteBuf slab;
    private final int[] seqs = new int[SLOTS];
    private final int[] lengths = new int[SLOTS];
    private final long[] timestamps = new long[SLOTS];
    private final long[] resentAtMs = new long[SLOTS];
    private final int[] sentTimes = new int[SLOTS];
    private final boolean[] keyFrames = new boolean[SLOTS];

    /** Keeps a copy of the packet as sent; packets larger than a slot are not kept. */
    void store(RtpPacket packet) {
        int size = packet.size();
        if (size > SLOT_SIZE) {
            return;
        }
        if (slab == null) {
            slab = PooledByteBufAllocator.DEFAULT.directBuffer(SLOTS * SLOT_SIZE, SLOTS * SLOT_SIZE);
        }
        int seq = packet.sequenceNumber();
        int slot = seq & (SLOTS - 1);
        ByteBuf source = packet.buffer();
        slab.setBytes(slot * SLOT_SIZE, source, source.readerIndex(), size);
        seqs[slot] = seq;
        lengths[slot] = size;
        timestamps[slot] = packet.timestamp();
        resentAtMs[slot] = 0;
        sentTimes[slot] = 0;
        keyFrames[slot] = packet.isKeyFrame();
    }

    /** Whether the packet with {@code seq} is still kept. */
    boolean contains(int seq) {
        int slot = seq & (SLOTS - 1);
        return lengths[slot] != 0 && seqs[slot] == seq;
    }

    long timestamp(int seq) {
        return timestamps[seq & (SLOTS - 1)];
    }

    /** When the packet was last retransmitted, 0 if never. */
    long resentAtMs(int seq) {
        return resentAtMs[seq & (SLOTS - 1)];
    }

    /** Records a retransmission; returns how many times the packet has now been retransmitted. */
    int markResent(int seq, long nowMs) {
        int slot = seq & (SLOTS - 1);
        resentAtMs[slot] = nowMs;
        return ++sentTimes[slot];
    }

    /** Copies the kept packet into {@code out} (which must be empty) and points {@code view} at it, key-frame flag included. */
    boolean copyTo(int seq, ByteBuf out, RtpPacket view) {
        int slot = seq & (SLOTS - 1);
        out.clear().writeBytes(slab, slot * SLOT_SIZE, lengths[slot]);
        if (!view.parse(out)) {
            return false;
        }
        view.setKeyFrame(keyFrames[slot]);
        return true;
    }

    /** Forgets every packet, as on pause. */
    void clear() {
        Arrays.fill(lengths, 0);
    }

    void release() {
        if (slab != null) {
            slab.release();
            slab = null;
        }
    }
}
