package io.jmediasoup.rtp.sctp;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The sending half of an association (RFC 9260 §6, §7): messages waiting to be cut into DATA
 * chunks, the chunks in flight until acknowledged, the congestion window (slow start, congestion
 * avoidance, fast retransmit on three miss reports, a one-MTU window after a T3 timeout), the
 * peer's receive window, and partial reliability (RFC 3758) that abandons expired messages.
 * SSNs are given when a message's first fragment goes out, so that a message dropped before
 * that leaves no hole in its stream; a stream being reset (RFC 6525) holds its new messages
 * until the peer answered.
 */
final class SendQueue {
    static final int FAST_RETRANSMIT_REPORTS = 3;

    static final class Message {
        final int streamId;
        int ssn;
        final long ppid;
        final boolean unordered;
        final ByteBuf data;
        final long expiresMs;
        final int maxRetransmits;
        int nextOffset;
        boolean abandoned;

        Message(int streamId, long ppid, SendOptions options, ByteBuf data, long nowMs) {
            this.streamId = streamId;
            this.ppid = ppid;
            this.unordered = options.unordered();
            this.data = data;
            this.expiresMs = options.maxPacketLifeTimeMs() >= 0 ? nowMs + options.maxPacketLifeTimeMs() : Long.MAX_VALUE;
            this.maxRetransmits = options.maxRetransmits();
        }

        boolean expired(long nowMs) {
            return nowMs >= expiresMs;
        }
    }

    static final class Chunk {
        final long tsn;
        final Message message;
        final int flags;
        final ByteBuf payload;
        long sentMs;
        int transmissions;
        int missingReports;
        boolean acked;
        boolean retransmit;
        boolean abandoned;

        Chunk(long tsn, Message message, int flags, ByteBuf payload) {
            this.tsn = tsn;
            this.message = message;
            this.flags = flags;
            this.payload = payload;
        }

        int size() {
            return payload.readableBytes();
        }
    }

    private final int mtu;
    private final int maxFragment;
    private final ArrayDeque<Message> pending = new ArrayDeque<>();
    /** The message whose fragments are going out: its TSNs must follow each other. */
    private Message current;
    /** The next SSN of each outbound stream. */
    private final int[] ssns;
    /** Outbound streams with a reset request in flight: their new messages wait. */
    private final boolean[] paused;
    /** Chunks sent and not yet covered by the cumulative ack, lowest TSN first. */
    private final ArrayDeque<Chunk> outstanding = new ArrayDeque<>();
    private long nextTsn;
    private long cumulativeAck;
    private long advancedPeerAckPoint;
    private long cwnd;
    private long ssthresh;
    private long partialBytesAcked;
    /** The peer's a_rwnd from its last SACK (or INIT): what may be in flight. */
    private long peerArwnd;
    private long inFlight;
    private long bufferedAmount;
    /** {@link #bufferedAmount} by outbound stream. */
    private final long[] streamBufferedAmounts;
    private long fastRecoveryExit = -1;
    private final List<Chunk> toSend = new ArrayList<>();

    SendQueue(int mtu, int outboundStreams, long unwrappedInitialTsn, long peerArwnd) {
        this.mtu = mtu;
        this.maxFragment = mtu - SctpPacket.HEADER_SIZE - DataChunk.HEADER_SIZE;
        this.nextTsn = unwrappedInitialTsn;
        this.cumulativeAck = unwrappedInitialTsn - 1;
        this.advancedPeerAckPoint = cumulativeAck;
        // RFC 9260 §7.2.1: min(4 MTU, max(2 MTU, 4380)).
        this.cwnd = Math.min(4L * mtu, Math.max(2L * mtu, 4380));
        this.ssthresh = peerArwnd;
        this.peerArwnd = peerArwnd;
        this.ssns = new int[outboundStreams];
        this.paused = new boolean[outboundStreams];
        this.streamBufferedAmounts = new long[outboundStreams];
    }

    /** Holds the stream's messages not yet started and starts its SSNs over at 0 (an outgoing reset). */
    void pauseAndReset(int streamId) {
        if (streamId < ssns.length) {
            ssns[streamId] = 0;
            paused[streamId] = true;
        }
    }

    void resume(int streamId) {
        if (streamId < paused.length) {
            paused[streamId] = false;
        }
    }

    void add(Message message) {
        pending.add(message);
        bufferedAmount += message.data.readableBytes();
        streamBufferedAmounts[message.streamId] += message.data.readableBytes();
    }

    long bufferedAmount() {
        return bufferedAmount;
    }

    /** Bytes of {@code streamId}'s messages queued or in flight, not yet acknowledged. */
    long streamBufferedAmount(int streamId) {
        return streamId < streamBufferedAmounts.length ? streamBufferedAmounts[streamId] : 0;
    }

    /** {@code bytes} of {@code streamId} were acknowledged or dropped. */
    private void release(int streamId, long bytes) {
        bufferedAmount -= bytes;
        streamBufferedAmounts[streamId] -= bytes;
    }

    long cumulativeAck() {
        return cumulativeAck;
    }

    /** The last TSN given to a chunk (for an outgoing stream reset request). */
    long lastAssignedTsn() {
        return nextTsn - 1;
    }

    boolean isEmpty() {
        return current == null && pending.isEmpty() && outstanding.isEmpty();
    }

    /**
     * The chunks to send now, retransmissions first, as far as the congestion and receive windows
     * allow (one packet's worth at least when nothing is in flight). Expired messages that have
     * not started are dropped on the way. The list is reused: read it before the next call.
     */
    List<Chunk> chunksToSend(long nowMs) {
        toSend.clear();
        long budget = Math.max(cwnd - inFlight, inFlight == 0 ? mtu : 0);
        for (Chunk chunk : outstanding) {
            if (budget <= 0) {
                return toSend;
            }
            if (chunk.retransmit && !chunk.abandoned && !chunk.acked) {
                chunk.retransmit = false;
                chunk.transmissions++;
                chunk.missingReports = 0;
                chunk.sentMs = nowMs;
                inFlight += chunk.size();
                budget -= DataChunk.sizeOf(chunk.size());
                toSend.add(chunk);
            }
        }
        while (budget > 0) {
            Message message = current != null ? current : nextToStart(nowMs);
            if (message == null) {
                break;
            }
            if (message.abandoned) {
                current = null;
                message.data.release();
                continue;
            }
            int remaining = message.data.readableBytes() - message.nextOffset;
            int size = Math.min(remaining, maxFragment);
            if (inFlight > 0 && inFlight + size > peerArwnd) {
                current = message;
                break;
            }
            if (message.nextOffset == 0 && !message.unordered) {
                message.ssn = ssns[message.streamId];
                ssns[message.streamId] = (message.ssn + 1) & 0xFFFF;
            }
            int flags = (message.nextOffset == 0 ? DataChunk.FLAG_BEGIN : 0) | (size == remaining ? DataChunk.FLAG_END : 0)
                    | (message.unordered ? DataChunk.FLAG_UNORDERED : 0);
            ByteBuf payload = message.data.retainedSlice(message.data.readerIndex() + message.nextOffset, size);
            Chunk chunk = new Chunk(nextTsn++, message, flags, payload);
            message.nextOffset += size;
            if (size == remaining) {
                current = null;
                message.data.release();
            } else {
                current = message;
            }
            chunk.transmissions = 1;
            chunk.sentMs = nowMs;
            outstanding.add(chunk);
            inFlight += size;
            budget -= DataChunk.sizeOf(size);
            toSend.add(chunk);
        }
        return toSend;
    }

    /** Takes the first queued message whose stream is not paused; drops those that expired unsent. */
    private Message nextToStart(long nowMs) {
        Iterator<Message> messages = pending.iterator();
        while (messages.hasNext()) {
            Message message = messages.next();
            if (message.expired(nowMs)) {
                messages.remove();
                release(message.streamId, message.data.readableBytes());
                message.data.release();
            } else if (message.streamId >= paused.length || !paused[message.streamId]) {
                messages.remove();
                return message;
            }
        }
        return null;
    }

    /** What a SACK tells (RFC 9260 §6.2.1, §7.2); returns the RTT measured, or -1. */
    long onSack(long cumAck, long arwnd, int[] gaps, int gapCount, long nowMs) {
        if (cumAck < cumulativeAck || cumAck >= nextTsn) {
            return -1;
        }
        long rtt = -1;
        long bytesAcked = 0;
        boolean cumulativeAdvanced = cumAck > cumulativeAck;
        while (!outstanding.isEmpty() && outstanding.peek().tsn <= cumAck) {
            Chunk chunk = outstanding.poll();
            if (!chunk.acked && !chunk.abandoned) {
                if (!chunk.retransmit) {
                    inFlight -= chunk.size();
                }
                bytesAcked += chunk.size();
                release(chunk.message.streamId, chunk.size());
                if (chunk.transmissions == 1 && rtt < 0) {
                    rtt = nowMs - chunk.sentMs;
                }
            }
            chunk.payload.release();
        }
        cumulativeAck = Math.max(cumulativeAck, cumAck);
        advancedPeerAckPoint = Math.max(advancedPeerAckPoint, cumulativeAck);
        long highestNewlyAcked = -1;
        for (int i = 0; i < gapCount; i++) {
            long start = cumAck + gaps[2 * i];
            long end = cumAck + gaps[2 * i + 1];
            for (Chunk chunk : outstanding) {
                if (chunk.tsn >= start && chunk.tsn <= end && !chunk.acked) {
                    if (!chunk.abandoned) {
                        if (!chunk.retransmit) {
                            inFlight -= chunk.size();
                        }
                        bytesAcked += chunk.size();
                        release(chunk.message.streamId, chunk.size());
                    }
                    chunk.acked = true;
                    chunk.retransmit = false;
                    highestNewlyAcked = Math.max(highestNewlyAcked, chunk.tsn);
                }
            }
        }
        countMissing(highestNewlyAcked);
        if (cumulativeAdvanced) {
            growCwnd(bytesAcked);
        }
        if (fastRecoveryExit >= 0 && cumulativeAck >= fastRecoveryExit) {
            fastRecoveryExit = -1;
        }
        peerArwnd = arwnd;
        return rtt;
    }

    /** Miss indications (RFC 9260 §7.2.4): a third one sends the chunk again at once. */
    private void countMissing(long highestNewlyAcked) {
        if (highestNewlyAcked < 0) {
            return;
        }
        boolean lost = false;
        for (Chunk chunk : outstanding) {
            if (chunk.tsn >= highestNewlyAcked) {
                break;
            }
            if (!chunk.acked && !chunk.abandoned && !chunk.retransmit
                    && ++chunk.missingReports >= FAST_RETRANSMIT_REPORTS) {
                chunk.retransmit = true;
                inFlight -= chunk.size();
                lost = true;
            }
        }
        if (lost && fastRecoveryExit < 0) {
            ssthresh = Math.max(cwnd / 2, 4L * mtu);
            cwnd = ssthresh;
            partialBytesAcked = 0;
            fastRecoveryExit = nextTsn - 1;
        }
    }

    private void growCwnd(long bytesAcked) {
        if (fastRecoveryExit >= 0) {
            return;
        }
        if (cwnd <= ssthresh) {
            cwnd += Math.min(bytesAcked, mtu);
        } else {
            partialBytesAcked += bytesAcked;
            if (partialBytesAcked >= cwnd) {
                partialBytesAcked -= cwnd;
                cwnd += mtu;
            }
        }
    }

    /** T3-rtx expired (RFC 9260 §6.3.3, §7.2.3): everything unacked goes again, from a one-MTU window. */
    void onRetransmissionTimeout() {
        ssthresh = Math.max(cwnd / 2, 4L * mtu);
        cwnd = mtu;
        partialBytesAcked = 0;
        fastRecoveryExit = -1;
        for (Chunk chunk : outstanding) {
            if (!chunk.acked && !chunk.abandoned && !chunk.retransmit) {
                chunk.retransmit = true;
                inFlight -= chunk.size();
            }
        }
    }

    /**
     * Abandons the messages (RFC 3758 §3.5) whose chunks await retransmission past their
     * lifetime or retransmission limit.
     */
    void abandonExpired(long nowMs) {
        for (Chunk chunk : outstanding) {
            Message message = chunk.message;
            if (chunk.retransmit && !chunk.acked && !message.abandoned
                    && (message.expired(nowMs) || (message.maxRetransmits >= 0
                            && chunk.transmissions > message.maxRetransmits))) {
                abandon(message);
            }
        }
    }

    private void abandon(Message message) {
        message.abandoned = true;
        for (Chunk chunk : outstanding) {
            if (chunk.message == message && !chunk.abandoned) {
                if (!chunk.acked) {
                    if (!chunk.retransmit) {
                        inFlight -= chunk.size();
                    }
                    release(chunk.message.streamId, chunk.size());
                }
                chunk.abandoned = true;
                chunk.retransmit = false;
            }
        }
        if (message == current) {
            release(message.streamId, message.data.readableBytes() - message.nextOffset);
        }
    }

    /**
     * Moves the advanced peer ack point over abandoned chunks (RFC 3758 §3.5 C); true when it
     * is beyond the cumulative ack, that is a FORWARD TSN is due.
     */
    boolean advancePeerAckPoint() {
        for (Chunk chunk : outstanding) {
            if (chunk.tsn <= advancedPeerAckPoint) {
                continue;
            }
            if (!chunk.abandoned) {
                break;
            }
            advancedPeerAckPoint = chunk.tsn;
        }
        return advancedPeerAckPoint > cumulativeAck;
    }

    long advancedPeerAckPoint() {
        return advancedPeerAckPoint;
    }

    /** The ordered streams and last SSNs skipped up to the advanced peer ack point, in turn. */
    int skippedStreams(int[] out) {
        int count = 0;
        for (Chunk chunk : outstanding) {
            if (chunk.tsn > advancedPeerAckPoint) {
                break;
            }
            if (chunk.abandoned && !chunk.message.unordered && count < out.length / 2) {
                int existing = -1;
                for (int i = 0; i < count; i++) {
                    if (out[2 * i] == chunk.message.streamId) {
                        existing = i;
                    }
                }
                if (existing < 0) {
                    existing = count++;
                    out[2 * existing] = chunk.message.streamId;
                }
                out[2 * existing + 1] = chunk.message.ssn;
            }
        }
        return count;
    }

    /** Oldest chunk not acked nor abandoned, or null: what T3-rtx watches. */
    Chunk oldestUnacked() {
        for (Chunk chunk : outstanding) {
            if (!chunk.acked && !chunk.abandoned) {
                return chunk;
            }
        }
        return null;
    }

    void release() {
        for (Chunk chunk : outstanding) {
            chunk.payload.release();
        }
        outstanding.clear();
        if (current != null) {
            current.data.release();
            current = null;
        }
        Iterator<Message> messages = pending.iterator();
        while (messages.hasNext()) {
            Message message = messages.next();
            message.data.release();
            messages.remove();
        }
        bufferedAmount = 0;
        Arrays.fill(streamBufferedAmounts, 0);
        inFlight = 0;
    }
}
