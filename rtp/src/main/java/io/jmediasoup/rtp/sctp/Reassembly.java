package io.jmediasoup.rtp.sctp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.LongObjectHashMap;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * Puts received DATA fragments back into messages (RFC 9260 §6.9) and delivers them: unordered
 * ones as soon as complete, ordered ones in SSN order per stream (§6.6). Without I-DATA the
 * fragments of a message have consecutive TSNs: an ordered message is known by its stream and
 * SSN, an unordered one only as a run of TSNs on one stream from a begin to an end.
 *
 * <p>The peer decides what arrives, so adding a fragment costs O(log n) whatever came before; a
 * payload is copied out of its packet (a slice would pin the whole receive buffer for a few
 * bytes); a message is dropped as soon as it outgrows maxMessageSize, its later fragments taken
 * and thrown away, as the C++ worker does; a run that can no longer complete is dropped; and
 * everything held is charged, payload plus {@link #OVERHEAD} per fragment and message, against
 * the receive window the association enforces.
 */
final class Reassembly {
    /** A message handed up, lent for the call. */
    interface Delivery {
        void deliver(int streamId, long ppid, ByteBuf message);
    }

    /**
     * What a held fragment or message costs beyond its payload (buffer object, map entry), as
     * usrsctp charges a fixed overhead per queued chunk against its window.
     */
    static final int OVERHEAD = 128;

    /** A message being put together, or one dropped for its size whose fragments are still coming. */
    private abstract static class Message {
        final int streamId;
        long ppid;
        long bytes;
        boolean discarded;

        Message(int streamId) {
            this.streamId = streamId;
        }
    }

    /** An ordered message: its fragments by TSN, and its first and last TSN once seen. */
    private static final class OrderedMessage extends Message {
        final TreeMap<Long, ByteBuf> fragments = new TreeMap<>();
        long begin = Long.MIN_VALUE;
        long end = Long.MIN_VALUE;
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        long received;

        OrderedMessage(int streamId) {
            super(streamId);
        }

        /** TSNs are never received twice, so the count and the extremes prove that begin..end are all here. */
        boolean complete() {
            return begin != Long.MIN_VALUE && end >= begin && lowest == begin && highest == end
                    && received == end - begin + 1;
        }
    }

    /** TSNs start..end of one stream, no end before the last nor begin after the first. */
    private static final class Run extends Message {
        long start;
        long end;
        boolean begins;
        boolean ends;

        Run(int streamId, long tsn) {
            super(streamId);
            this.start = tsn;
            this.end = tsn;
        }
    }

    private static final class OrderedStream {
        /** The SSN of the next message to deliver, unwrapped. */
        long nextSsn;
        /** Messages waiting, by unwrapped SSN, all at or after nextSsn. */
        final TreeMap<Long, OrderedMessage> messages = new TreeMap<>();
    }

    private final ByteBufAllocator allocator;
    private final long maxMessageSize;
    private final Delivery delivery;
    /** Whether a TSN was received: a run beside a received TSN it did not join can grow no more there. */
    private final LongPredicate received;
    private final IntObjectHashMap<OrderedStream> ordered = new IntObjectHashMap<>();
    /** Every held unordered fragment by TSN; its run says where its message starts and ends. */
    private final TreeMap<Long, ByteBuf> unordered = new TreeMap<>();
    private final TreeMap<Long, Run> runsByStart = new TreeMap<>();
    private final LongObjectHashMap<Run> runsByEnd = new LongObjectHashMap<>();
    private long bufferedBytes;
    private long heldFragments;
    private long heldMessages;
    private long oversizedMessages;

    Reassembly(ByteBufAllocator allocator, long maxMessageSize, Delivery delivery, LongPredicate received) {
        this.allocator = allocator;
        this.maxMessageSize = maxMessageSize;
        this.delivery = delivery;
        this.received = received;
    }

    /** What a fragment of {@code length} bytes is charged when held. */
    static long cost(int length) {
        return length + OVERHEAD;
    }

    /**
     * Takes a newly received fragment: {@code length} bytes of {@code data} at {@code index},
     * lent for the call.
     */
    void add(long tsn, int streamId, int ssn, long ppid, int flags, ByteBuf data, int index, int length) {
        if ((flags & DataChunk.FLAG_UNORDERED) != 0) {
            addUnordered(tsn, streamId, ppid, flags, data, index, length);
        } else {
            addOrdered(tsn, streamId, ssn, ppid, flags, data, index, length);
        }
        dropStuckRunsBeside(tsn);
    }

    /** A received TSN that carries nothing to reassemble (a stream we do not have): it seals the runs beside it. */
    void skip(long tsn) {
        dropStuckRunsBeside(tsn);
    }

    private void addOrdered(long tsn, int streamId, int ssn, long ppid, int flags, ByteBuf data, int index,
            int length) {
        OrderedStream stream = ordered.get(streamId);
        if (stream == null) {
            stream = new OrderedStream();
            ordered.put(streamId, stream);
        }
        int distance = (ssn - (int) stream.nextSsn) & 0xFFFF;
        if (distance >= 0x8000) {
            // An SSN already delivered or skipped.
            return;
        }
        long key = stream.nextSsn + distance;
        boolean begins = (flags & DataChunk.FLAG_BEGIN) != 0;
        boolean ends = (flags & DataChunk.FLAG_END) != 0;
        OrderedMessage message = stream.messages.get(key);
        if (message == null && distance == 0 && begins && ends) {
            deliverSingle(streamId, ppid, data, index, length);
            stream.nextSsn++;
            drain(stream);
            return;
        }
        if (message == null) {
            message = new OrderedMessage(streamId);
            stream.messages.put(key, message);
            heldMessages++;
        }
        message.received++;
        message.lowest = Math.min(message.lowest, tsn);
        message.highest = Math.max(message.highest, tsn);
        if (begins && message.begin == Long.MIN_VALUE) {
            message.begin = tsn;
            message.ppid = ppid;
        }
        if (ends && message.end == Long.MIN_VALUE) {
            message.end = tsn;
        }
        if (!message.discarded) {
            if (message.bytes + length > maxMessageSize) {
                message.discarded = true;
                releaseAll(message, message.fragments.values());
            } else {
                message.fragments.put(tsn, hold(message, data, index, length));
            }
        }
        if (distance == 0) {
            drain(stream);
        }
    }

    /** Delivers the stream's messages that are next in order and complete. */
    private void drain(OrderedStream stream) {
        while (true) {
            Map.Entry<Long, OrderedMessage> first = stream.messages.firstEntry();
            if (first == null || first.getKey() != stream.nextSsn || !first.getValue().complete()) {
                return;
            }
            stream.messages.pollFirstEntry();
            stream.nextSsn++;
            OrderedMessage message = first.getValue();
            finish(message, message.fragments.values());
        }
    }

    private void addUnordered(long tsn, int streamId, long ppid, int flags, ByteBuf data, int index, int length) {
        boolean begins = (flags & DataChunk.FLAG_BEGIN) != 0;
        boolean ends = (flags & DataChunk.FLAG_END) != 0;
        Run left = begins ? null : runsByEnd.get(tsn - 1);
        if (left != null && (left.streamId != streamId || left.ends)) {
            left = null;
        }
        Run right = ends ? null : runsByStart.get(tsn + 1);
        if (right != null && (right.streamId != streamId || right.begins)) {
            right = null;
        }
        if (left == null && right == null && begins && ends) {
            deliverSingle(streamId, ppid, data, index, length);
            return;
        }
        Run run;
        if (left != null) {
            run = left;
            runsByEnd.remove(run.end);
            run.end = tsn;
            run.ends = ends;
            if (right != null) {
                join(run, right);
            }
            runsByEnd.put(run.end, run);
        } else if (right != null) {
            run = right;
            runsByStart.remove(run.start);
            run.start = tsn;
            run.begins = begins;
            runsByStart.put(run.start, run);
        } else {
            run = new Run(streamId, tsn);
            run.begins = begins;
            run.ends = ends;
            runsByStart.put(tsn, run);
            runsByEnd.put(tsn, run);
            heldMessages++;
        }
        if (begins) {
            run.ppid = ppid;
        }
        if (!run.discarded) {
            if (run.bytes + length > maxMessageSize) {
                discard(run);
            } else {
                unordered.put(tsn, hold(run, data, index, length));
            }
        }
        if (run.begins && run.ends) {
            forget(run);
            finish(run, fragmentsOf(run));
        } else if (isStuck(run)) {
            drop(run);
        }
    }

    /** Appends {@code right} (which starts right after {@code run}) to {@code run}. */
    private void join(Run run, Run right) {
        runsByStart.remove(right.start);
        runsByEnd.remove(right.end);
        heldMessages--;
        boolean tooLarge = run.discarded || right.discarded || run.bytes + right.bytes > maxMessageSize;
        run.end = right.end;
        run.ends = right.ends;
        run.bytes += right.bytes;
        if (tooLarge) {
            discard(run);
        }
    }

    /** A run that lacks its begin or its end where the neighbouring TSN came and did not join. */
    private boolean isStuck(Run run) {
        return (!run.begins && received.test(run.start - 1)) || (!run.ends && received.test(run.end + 1));
    }

    private void dropStuckRunsBeside(long tsn) {
        Run left = runsByEnd.get(tsn - 1);
        if (left != null && isStuck(left)) {
            drop(left);
        }
        Run right = runsByStart.get(tsn + 1);
        if (right != null && isStuck(right)) {
            drop(right);
        }
    }

    private Collection<ByteBuf> fragmentsOf(Run run) {
        return unordered.subMap(run.start, true, run.end, true).values();
    }

    private void discard(Run run) {
        run.discarded = true;
        releaseAll(run, fragmentsOf(run));
    }

    private void forget(Run run) {
        runsByStart.remove(run.start);
        runsByEnd.remove(run.end);
    }

    private void drop(Run run) {
        forget(run);
        releaseAll(run, fragmentsOf(run));
        heldMessages--;
    }

    /** A copy of the fragment, charged to {@code message}. */
    private ByteBuf hold(Message message, ByteBuf data, int index, int length) {
        ByteBuf copy = allocator.directBuffer(length, length);
        copy.writeBytes(data, index, length);
        message.bytes += length;
        bufferedBytes += length;
        heldFragments++;
        return copy;
    }

    /** Releases the fragments held for {@code message} and removes them from {@code fragments}. */
    private void releaseAll(Message message, Collection<ByteBuf> fragments) {
        for (Iterator<ByteBuf> it = fragments.iterator(); it.hasNext();) {
            ByteBuf fragment = it.next();
            bufferedBytes -= fragment.readableBytes();
            heldFragments--;
            fragment.release();
            it.remove();
        }
        message.bytes = 0;
    }

    private void deliverSingle(int streamId, long ppid, ByteBuf data, int index, int length) {
        if (length > maxMessageSize) {
            oversizedMessages++;
            return;
        }
        delivery.deliver(streamId, ppid, data.slice(index, length));
    }

    /** Hands up a complete message, or counts it when it was dropped for its size, and forgets it. */
    private void finish(Message message, Collection<ByteBuf> fragments) {
        heldMessages--;
        try {
            if (message.discarded) {
                oversizedMessages++;
            } else if (fragments.size() == 1) {
                delivery.deliver(message.streamId, message.ppid, fragments.iterator().next());
            } else {
                ByteBuf whole = allocator.directBuffer((int) message.bytes);
                try {
                    for (ByteBuf fragment : fragments) {
                        whole.writeBytes(fragment, fragment.readerIndex(), fragment.readableBytes());
                    }
                    delivery.deliver(message.streamId, message.ppid, whole);
                } finally {
                    whole.release();
                }
            }
        } finally {
            releaseAll(message, fragments);
        }
    }

    /**
     * FORWARD TSN (RFC 3758 §3.6): drops the unordered messages the peer abandoned up to
     * {@code newCumulative}; {@code streamSsns} (stream id, last skipped SSN in turn) moves
     * ordered streams past the skipped messages, which may release messages waiting behind them.
     */
    void forward(long newCumulative, int[] streamSsns, int count) {
        Map<Long, Run> abandoned = runsByStart.headMap(newCumulative, true);
        while (!abandoned.isEmpty()) {
            drop(abandoned.values().iterator().next());
        }
        Run next = runsByStart.get(newCumulative + 1);
        if (next != null && isStuck(next)) {
            drop(next);
        }
        for (int i = 0; i < count; i++) {
            int streamId = streamSsns[2 * i];
            OrderedStream stream = ordered.get(streamId);
            if (stream == null) {
                stream = new OrderedStream();
                ordered.put(streamId, stream);
            }
            int distance = (streamSsns[2 * i + 1] - (int) stream.nextSsn) & 0xFFFF;
            if (distance >= 0x8000) {
                continue;
            }
            long lastSkipped = stream.nextSsn + distance;
            dropAll(stream.messages.headMap(lastSkipped, true));
            stream.nextSsn = lastSkipped + 1;
            drain(stream);
        }
    }

    /** The peer reset its outgoing stream: the next message on it has SSN 0 (RFC 6525 §5.2.2). */
    void resetStream(int streamId) {
        OrderedStream stream = ordered.remove(streamId);
        if (stream != null) {
            dropAll(stream.messages);
        }
    }

    /** What is held, charged against the receive window: payload plus the overhead of each fragment and message. */
    long chargedBytes() {
        return bufferedBytes + OVERHEAD * (heldFragments + heldMessages);
    }

    long oversizedMessages() {
        return oversizedMessages;
    }

    void release() {
        while (!runsByStart.isEmpty()) {
            drop(runsByStart.firstEntry().getValue());
        }
        for (OrderedStream stream : ordered.values()) {
            dropAll(stream.messages);
        }
        ordered.clear();
    }

    private void dropAll(Map<Long, OrderedMessage> messages) {
        for (OrderedMessage message : messages.values()) {
            heldMessages--;
            releaseAll(message, message.fragments.values());
        }
        messages.clear();
    }
}
