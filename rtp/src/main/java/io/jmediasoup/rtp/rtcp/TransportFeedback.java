package io.jmediasoup.rtp.rtcp;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01
 * §3.1): transport-layer feedback (RTPFB, FMT 15) that tells, for a range of transport-wide
 * sequence numbers, which packets arrived and when, relative to a reference time in 64 ms
 * units. Statuses come in packet status chunks (run length, or a vector of 1-bit or 2-bit
 * symbols); each received packet has a receive delta in 250 µs units, one byte when small,
 * two signed bytes when large or negative.
 *
 * <p>One instance is reused: {@link #parse} fills it from a packet, and {@link #reset} then
 * {@link #addReceived} build one that {@link #write} serialises.
 */
public final class TransportFeedback {
    public static final int FMT = 15;
    public static final int NOT_RECEIVED = 0;
    public static final int SMALL_DELTA = 1;
    public static final int LARGE_DELTA = 2;
    /** One receive-delta tick. */
    public static final int DELTA_US = 250;
    /** One reference-time tick. */
    public static final long REFERENCE_TIME_US = 64_000;
    private static final int FIXED_SIZE = 20;
    private static final int MAX_RUN_LENGTH = 0x1FFF;
    /**
     * The most packets a feedback we read may report: one run-length chunk claims 8,191, so a
     * 24-byte packet could ask for 65,535 to be expanded and looked up. A sender remembers
     * fewer than this (SentPacketHistory), so longer feedback could not be used anyway.
     */
    public static final int MAX_PARSED_STATUS_COUNT = 4096;
    /** What one feedback we build covers at most, so that it stays well within an MTU. */
    public static final int MAX_STATUS_COUNT = 512;

    private long senderSsrc;
    private long mediaSsrc;
    private int baseSequenceNumber;
    private int statusCount;
    private int referenceTime;
    private int feedbackPacketCount;
    private int[] statuses = new int[64];
    /** Receive time in µs of each received packet, from reference time zero; 0 for lost ones. */
    private long[] receiveTimesUs = new long[64];
    private long lastReceiveTimeUs;

    /** Whether the current packet is transport-cc feedback with room for its fixed fields. */
    public static boolean is(CompoundPacketReader reader) {
        return reader.packetType() == RtcpType.RTPFB && reader.count() == FMT && reader.length() >= FIXED_SIZE;
    }

    /** How many packets the current packet of {@code reader} claims to report (it must pass {@link #is}). */
    public static int statusCount(CompoundPacketReader reader) {
        return reader.buffer().getUnsignedShort(reader.index() + 14);
    }

    /**
     * Reads the current packet of {@code reader}; false when its chunks or deltas do not fit its
     * length, or it reports more than {@link #MAX_PARSED_STATUS_COUNT} packets.
     */
    public boolean parse(CompoundPacketReader reader) {
        return parse(reader.buffer(), reader.index(), reader.length());
    }

    /** Reads the packet of {@code length} bytes at {@code index}, header included. */
    public boolean parse(ByteBuf buffer, int index, int length) {
        if (length < FIXED_SIZE) {
            return false;
        }
        senderSsrc = buffer.getUnsignedInt(index + 4);
        mediaSsrc = buffer.getUnsignedInt(index + 8);
        baseSequenceNumber = buffer.getUnsignedShort(index + 12);
        statusCount = buffer.getUnsignedShort(index + 14);
        if (statusCount > MAX_PARSED_STATUS_COUNT) {
            statusCount = 0;
            return false;
        }
        referenceTime = buffer.getMedium(index + 16);
        feedbackPacketCount = buffer.getUnsignedByte(index + 19);
        ensureCapacity(statusCount);
        int offset = FIXED_SIZE;
        int filled = 0;
        while (filled < statusCount) {
            if (offset + 2 > length) {
                return false;
            }
            int chunk = buffer.getUnsignedShort(index + offset);
            offset += 2;
            filled = readChunk(chunk, filled);
        }
        long timeUs = referenceTime * REFERENCE_TIME_US;
        for (int i = 0; i < statusCount; i++) {
            switch (statuses[i]) {
                case SMALL_DELTA -> {
                    if (offset + 1 > length) {
                        return false;
                    }
                    timeUs += buffer.getUnsignedByte(index + offset++) * (long) DELTA_US;
                    receiveTimesUs[i] = timeUs;
                }
                case LARGE_DELTA -> {
                    if (offset + 2 > length) {
                        return false;
                    }
                    timeUs += buffer.getShort(index + offset) * (long) DELTA_US;
                    offset += 2;
                    receiveTimesUs[i] = timeUs;
                }
                case NOT_RECEIVED -> receiveTimesUs[i] = 0;
                default -> {
                    // Symbol 3 is reserved.
                    return false;
                }
            }
        }
        return true;
    }

    /** Expands one chunk into statuses from {@code filled}; returns the new count, never past the status count. */
    private int readChunk(int chunk, int filled) {
        if ((chunk & 0x8000) == 0) {
            int symbol = (chunk >> 13) & 0x03;
            int run = Math.min(chunk & MAX_RUN_LENGTH, statusCount - filled);
            Arrays.fill(statuses, filled, filled + run, symbol);
            return filled + run;
        }
        boolean twoBit = (chunk & 0x4000) != 0;
        int symbols = twoBit ? 7 : 14;
        int bits = twoBit ? 2 : 1;
        for (int i = 0; i < symbols && filled < statusCount; i++) {
            statuses[filled++] = (chunk >> (14 - bits * (i + 1))) & (twoBit ? 0x03 : 0x01);
        }
        return filled;
    }

    private void ensureCapacity(int count) {
        if (statuses.length < count) {
            int capacity = Math.max(count, statuses.length * 2);
            statuses = Arrays.copyOf(statuses, capacity);
            receiveTimesUs = Arrays.copyOf(receiveTimesUs, capacity);
        }
    }

    /**
     * Starts a feedback whose first packet is {@code baseSequenceNumber}, received at
     * {@code firstReceiveTimeUs} (which sets the reference time, in 64 ms units, rounded down).
     */
    public void reset(long senderSsrc, long mediaSsrc, int baseSequenceNumber, int feedbackPacketCount,
            long firstReceiveTimeUs) {
        this.senderSsrc = senderSsrc;
        this.mediaSsrc = mediaSsrc;
        this.baseSequenceNumber = baseSequenceNumber & 0xFFFF;
        this.feedbackPacketCount = feedbackPacketCount & 0xFF;
        this.statusCount = 0;
        long reference = Math.floorDiv(firstReceiveTimeUs, REFERENCE_TIME_US);
        // The field is 24 bits signed; the time wraps within it as libwebrtc's does.
        this.referenceTime = (int) (reference << 40 >> 40);
        this.lastReceiveTimeUs = reference * REFERENCE_TIME_US;
    }

    /**
     * Adds the packet {@code sequenceNumber}, received at {@code receiveTimeUs}; the ones
     * between the previous and it are marked lost. False (nothing added) when it is not after
     * the previous one, when its delta does not fit two bytes, or when the feedback is full:
     * the caller then writes this one and starts another.
     */
    public boolean addReceived(int sequenceNumber, long receiveTimeUs) {
        int index = (sequenceNumber - baseSequenceNumber) & 0xFFFF;
        if (index < statusCount || index >= MAX_STATUS_COUNT) {
            return false;
        }
        long deltaTicks = Math.floorDiv(receiveTimeUs - lastReceiveTimeUs, DELTA_US);
        if (deltaTicks < Short.MIN_VALUE || deltaTicks > Short.MAX_VALUE) {
            return false;
        }
        ensureCapacity(index + 1);
        Arrays.fill(statuses, statusCount, index, NOT_RECEIVED);
        statuses[index] = deltaTicks >= 0 && deltaTicks <= 0xFF ? SMALL_DELTA : LARGE_DELTA;
        // Accumulate the rounded deltas so that rounding errors do not add up.
        lastReceiveTimeUs += deltaTicks * DELTA_US;
        receiveTimesUs[index] = lastReceiveTimeUs;
        statusCount = index + 1;
        return true;
    }

    /** Serialises what {@link #reset} and {@link #addReceived} built, padded to 32 bits. */
    public void write(ByteBuf out) {
        int start = out.writerIndex();
        out.writeByte(0x80 | FMT);
        out.writeByte(RtcpType.RTPFB);
        out.writeShort(0);
        out.writeInt((int) senderSsrc);
        out.writeInt((int) mediaSsrc);
        out.writeShort(baseSequenceNumber);
        out.writeShort(statusCount);
        out.writeMedium(referenceTime);
        out.writeByte(feedbackPacketCount);
        int i = 0;
        while (i < statusCount) {
            i = writeChunk(out, i);
        }
        long timeUs = referenceTime * REFERENCE_TIME_US;
        for (int j = 0; j < statusCount; j++) {
            if (statuses[j] == NOT_RECEIVED) {
                continue;
            }
            long ticks = (receiveTimesUs[j] - timeUs) / DELTA_US;
            timeUs = receiveTimesUs[j];
            if (statuses[j] == SMALL_DELTA) {
                out.writeByte((int) ticks);
            } else {
                out.writeShort((int) ticks);
            }
        }
        int padding = (4 - (out.writerIndex() - start) % 4) % 4;
        if (padding > 0) {
            out.writeZero(padding - 1);
            out.writeByte(padding);
            out.setByte(start, out.getUnsignedByte(start) | 0x20);
        }
        out.setShort(start + 2, (out.writerIndex() - start) / 4 - 1);
    }

    /**
     * Writes the chunk that best holds the statuses from {@code from}: a run length for a run
     * of 14 or more or for the equal tail, else 14 one-bit symbols when they need no large
     * delta, else 7 two-bit symbols; returns the index after them.
     */
    private int writeChunk(ByteBuf out, int from) {
        int run = 1;
        while (from + run < statusCount && run < MAX_RUN_LENGTH && statuses[from + run] == statuses[from]) {
            run++;
        }
        if (run >= 14 || from + run == statusCount) {
            out.writeShort((statuses[from] << 13) | run);
            return from + run;
        }
        int end = Math.min(from + 14, statusCount);
        boolean oneBit = true;
        for (int j = from; j < end; j++) {
            oneBit &= statuses[j] != LARGE_DELTA;
        }
        int symbols = oneBit ? 14 : 7;
        int bits = oneBit ? 1 : 2;
        int chunk = oneBit ? 0x8000 : 0xC000;
        end = Math.min(from + symbols, statusCount);
        for (int j = from; j < end; j++) {
            chunk |= statuses[j] << (14 - bits * (j - from + 1));
        }
        out.writeShort(chunk);
        return end;
    }

    public long senderSsrc() {
        return senderSsrc;
    }

    public long mediaSsrc() {
        return mediaSsrc;
    }

    public int baseSequenceNumber() {
        return baseSequenceNumber;
    }

    public int packetStatusCount() {
        return statusCount;
    }

    /** The reference time in 64 ms units, signed 24 bits. */
    public int referenceTime() {
        return referenceTime;
    }

    public int feedbackPacketCount() {
        return feedbackPacketCount;
    }

    /** The status of the {@code i}th packet after the base: {@link #NOT_RECEIVED}, {@link #SMALL_DELTA} or {@link #LARGE_DELTA}. */
    public int status(int i) {
        return statuses[i];
    }

    public boolean received(int i) {
        return statuses[i] != NOT_RECEIVED;
    }

    /** The share of the packets it covers that did not arrive (0 when it covers none). */
    public double lossRatio() {
        if (statusCount == 0) {
            return 0;
        }
        int lost = 0;
        for (int i = 0; i < statusCount; i++) {
            if (statuses[i] == NOT_RECEIVED) {
                lost++;
            }
        }
        return (double) lost / statusCount;
    }

    /** When the {@code i}th packet arrived, in µs on the receiver's clock (reference time plus deltas). */
    public long receiveTimeUs(int i) {
        return receiveTimesUs[i];
    }
}
