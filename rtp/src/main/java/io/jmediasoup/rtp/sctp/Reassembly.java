package io.jmediasoup.rtp.sctp;

import io.jmediasoup.rtp.SeqManager;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.collection.IntObjectHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts received DATA fragments back into messages (RFC 9260 §6.9) and delivers them: unordered
 * ones as soon as complete, ordered ones in SSN order per stream (§6.6). Fragments of one message
 * have consecutive TSNs since we do not negotiate I-DATA.
 */
final class Reassembly {
    /** A message handed up, lent for the call. */
    interface Delivery {
        void deliver(int streamId, long ppid, ByteBuf message);
    }

    private record Fragment(long tsn, int streamId, int ssn, long ppid, int flags, ByteBuf payload) {
        boolean begins() {
            return (flags & DataChunk.FLAG_BEGIN) != 0;
        }

        boolean ends() {
            return (flags & DataChunk.FLAG_END) != 0;
        }
    }

    private static final class OrderedStream {
        int nextSsn;
        final TreeMap<Long, Fragment> fragments = new TreeMap<>();
    }

    private final ByteBufAllocator allocator;
    private final long maxMessageSize;
    private final Delivery delivery;
    private final TreeMap<Long, Fragment> unordered = new TreeMap<>();
    private final IntObjectHashMap<OrderedStream> ordered = new IntObjectHashMap<>();
    private long bufferedBytes;
    private long oversizedMessages;

    Reassembly(ByteBufAllocator allocator, long maxMessageSize, Delivery delivery) {
        this.allocator = allocator;
        this.maxMessageSize = maxMessageSize;
        this.delivery = delivery;
    }

    /** Takes a new (not duplicate) fragment; {@code payload} becomes ours. */
    void add(long tsn, int streamId, int ssn, long ppid, int flags, ByteBuf payload) {
        Fragment fragment = new Fragment(tsn, streamId, ssn, ppid, flags, payload);
        bufferedBytes += payload.readableBytes();
        if ((flags & DataChunk.FLAG_UNORDERED) != 0) {
            unordered.put(tsn, fragment);
            deliverUnordered(fragment);
        } else {
            OrderedStream stream = ordered.get(streamId);
            if (stream == null) {
                stream = new OrderedStream();
                ordered.put(streamId, stream);
            }
            if (ssn != stream.nextSsn && !SeqManager.isHigherThan(ssn, stream.nextSsn)) {
                // An SSN already delivered or skipped: a stale retransmission.
                bufferedBytes -= payload.readableBytes();
                payload.release();
                return;
            }
            stream.fragments.put(tsn, fragment);
            deliverOrdered(streamId, stream);
        }
    }

    private void deliverUnordered(Fragment fragment) {
        Fragment first = fragment;
        while (!first.begins()) {
            Fragment previous = unordered.get(first.tsn - 1);
            if (previous == null || previous.streamId != fragment.streamId || previous.ends()) {
                return;
            }
            first = previous;
        }
        Fragment last = fragment;
        while (!last.ends()) {
            Fragment next = unordered.get(last.tsn + 1);
            if (next == null || next.streamId != fragment.streamId || next.begins()) {
                return;
            }
            last = next;
        }
        deliver(unordered, first.tsn, last.tsn);
    }

    private void deliverOrdered(int streamId, OrderedStream stream) {
        while (true) {
            Fragment first = null;
            for (Fragment fragment : stream.fragments.values()) {
                if (fragment.ssn == stream.nextSsn) {
                    first = fragment;
                    break;
                }
            }
            if (first == null || !first.begins()) {
                return;
            }
            Fragment last = first;
            while (!last.ends()) {
                Fragment next = stream.fragments.get(last.tsn + 1);
                if (next == null || next.ssn != first.ssn) {
                    return;
                }
                last = next;
            }
            stream.nextSsn = (stream.nextSsn + 1) & 0xFFFF;
            deliver(stream.fragments, first.tsn, last.tsn);
        }
    }

    /** Delivers the message made of fragments {@code first}..{@code last} and forgets them. */
    private void deliver(TreeMap<Long, Fragment> fragments, long first, long last) {
        Map<Long, Fragment> message = fragments.subMap(first, true, last, true);
        Fragment head = message.get(first);
        long size = 0;
        for (Fragment fragment : message.values()) {
            size += fragment.payload.readableBytes();
        }
        bufferedBytes -= size;
        try {
            if (size > maxMessageSize) {
                oversizedMessages++;
            } else if (first == last) {
                delivery.deliver(head.streamId, head.ppid, head.payload);
            } else {
                ByteBuf whole = allocator.directBuffer((int) size);
                try {
                    for (Fragment fragment : message.values()) {
                        whole.writeBytes(fragment.payload, fragment.payload.readerIndex(),
                                fragment.payload.readableBytes());
                    }
                    delivery.deliver(head.streamId, head.ppid, whole);
                } finally {
                    whole.release();
                }
            }
        } finally {
            for (Fragment fragment : message.values()) {
                fragment.payload.release();
            }
            message.clear();
        }
    }

    /**
     * FORWARD TSN (RFC 3758 §3.6): drops the fragments of abandoned messages up to
     * {@code newCumulative}; {@code streamSsns} (stream id, last skipped SSN in turn) moves
     * ordered streams past the skipped messages, which may release messages waiting behind them.
     */
    void forward(long newCumulative, int[] streamSsns, int count) {
        drop(unordered.headMap(newCumulative, true).values().iterator(), -1);
        for (int i = 0; i < count; i++) {
            int streamId = streamSsns[2 * i];
            int ssn = streamSsns[2 * i + 1];
            OrderedStream stream = ordered.get(streamId);
            if (stream == null) {
                stream = new OrderedStream();
                ordered.put(streamId, stream);
            }
            Iterator<Fragment> stale = stream.fragments.headMap(newCumulative, true).values().iterator();
            drop(stale, ssn);
            if (ssn == stream.nextSsn || SeqManager.isHigherThan(ssn, stream.nextSsn)) {
                stream.nextSsn = (ssn + 1) & 0xFFFF;
            }
            deliverOrdered(streamId, stream);
        }
    }

    /** Drops fragments; with {@code upToSsn} >= 0 only those whose SSN is not after it. */
    private void drop(Iterator<Fragment> fragments, int upToSsn) {
        while (fragments.hasNext()) {
            Fragment fragment = fragments.next();
            if (upToSsn >= 0 && SeqManager.isHigherThan(fragment.ssn, upToSsn)) {
                continue;
            }
            bufferedBytes -= fragment.payload.readableBytes();
            fragment.payload.release();
            fragments.remove();
        }
    }

    /** The peer reset its outgoing stream: the next message on it has SSN 0 (RFC 6525 §5.2.2). */
    void resetStream(int streamId) {
        OrderedStream stream = ordered.remove(streamId);
        if (stream != null) {
            drop(stream.fragments.values().iterator(), -1);
        }
    }

    /** Payload bytes held waiting for the rest of their message: they shrink the window we advertise. */
    long bufferedBytes() {
        return bufferedBytes;
    }

    long oversizedMessages() {
        return oversizedMessages;
    }

    void release() {
        drop(unordered.values().iterator(), -1);
        for (OrderedStream stream : ordered.values()) {
            drop(stream.fragments.values().iterator(), -1);
        }
        ordered.clear();
    }
}
