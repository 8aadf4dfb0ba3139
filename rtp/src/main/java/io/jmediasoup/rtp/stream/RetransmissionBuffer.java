package io.jmediasoup.rtp.stream;

import io.jmediasoup.rtp.RtpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.Arrays;

/**
 * The packets a sending stream sent lately, by sequence number, so that a NACK can be
 * answered. Copies live in one native slab of fixed-size slots, reused in a ring: storing a
 * packet allocates nothing. The slab and the slots' bookkeeping are allocated on the first
 * packet, so a stream that never sends (a paused consumer) costs nothing. A slot keeps its
 * packet until a packet {@link #SLOTS} sequence numbers later takes it; where the sequence
 * numbers wrap the window shrinks for a moment (65536 is no multiple of 600).
 */
public final class RetransmissionBuffer {
    /** Slots in the ring: the C++ worker keeps 600 packets. */
    public static final int SLOTS = 600;
    /** The largest packet kept: the C++ worker's MTU. */
    public static final int SLOT_SIZE = 1500;

    private ByteBuf slab;
    private int[] seqs;
    private int[] lengths;
    private long[] timestamps;
    private long[] resentAtMs;
    private int[] sentTimes;
    private boolean[] keyFrames;

    /** Keeps a copy of the packet as sent; packets larger than a slot are not kept. */
    public void store(RtpPacket packet) {
        int size = packet.size();
        if (size > SLOT_SIZE) {
            return;
        }
        if (lengths == null) {
            allocate();
        }
        int seq = packet.sequenceNumber();
        int slot = slot(seq);
        ByteBuf source = packet.buffer();
        slab.setBytes(slot * SLOT_SIZE, source, source.readerIndex(), size);
        seqs[slot] = seq;
        lengths[slot] = size;
        timestamps[slot] = packet.timestamp();
        resentAtMs[slot] = 0;
        sentTimes[slot] = 0;
        keyFrames[slot] = packet.isKeyFrame();
    }

    private void allocate() {
        slab = PooledByteBufAllocator.DEFAULT.directBuffer(SLOTS * SLOT_SIZE, SLOTS * SLOT_SIZE);
        seqs = new int[SLOTS];
        lengths = new int[SLOTS];
        timestamps = new long[SLOTS];
        resentAtMs = new long[SLOTS];
        sentTimes = new int[SLOTS];
        keyFrames = new boolean[SLOTS];
    }

    private static int slot(int seq) {
        return seq % SLOTS;
    }

    /** Whether the packet with {@code seq} is still kept. */
    public boolean contains(int seq) {
        if (lengths == null) {
            return false;
        }
        int slot = slot(seq);
        return lengths[slot] != 0 && seqs[slot] == seq;
    }

    public long timestamp(int seq) {
        return timestamps[slot(seq)];
    }

    /** When the packet was last retransmitted, 0 if never. */
    public long resentAtMs(int seq) {
        return resentAtMs[slot(seq)];
    }

    /** Records a retransmission; returns how many times the packet has now been retransmitted. */
    public int markResent(int seq, long nowMs) {
        int slot = slot(seq);
        resentAtMs[slot] = nowMs;
        return ++sentTimes[slot];
    }

    /** Copies the kept packet into {@code out} (which must be empty) and points {@code view} at it, key-frame flag included. */
    public boolean copyTo(int seq, ByteBuf out, RtpPacket view) {
        int slot = slot(seq);
        out.clear().writeBytes(slab, slot * SLOT_SIZE, lengths[slot]);
        if (!view.parse(out)) {
            return false;
        }
        view.setKeyFrame(keyFrames[slot]);
        return true;
    }

    /** Forgets every packet, as on pause. */
    public void clear() {
        if (lengths != null) {
            Arrays.fill(lengths, 0);
        }
    }

    public void release() {
        if (slab != null) {
            slab.release();
            slab = null;
        }
    }
}
