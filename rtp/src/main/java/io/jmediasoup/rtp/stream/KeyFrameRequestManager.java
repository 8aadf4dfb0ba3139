package io.jmediasoup.rtp.stream;

import io.netty.util.collection.LongObjectHashMap;
import io.netty.util.collection.LongObjectMap;
import java.util.Iterator;

/**
 * When a video producer asks its sender for a key frame, per SSRC, as the C++ worker's
 * KeyFrameRequestManager: requests made while one is pending are folded into it, and a
 * request still unanswered after {@link #RETRANSMISSION_WAIT_MS} is sent once more in case the
 * PLI/FIR was lost. With a key-frame request delay (the producer's keyFrameRequestDelay),
 * requests are further held to one per delay. Sans-I/O: time comes in with each call, and
 * the owner calls {@link #onTimer} at {@link #nextDeadlineMs}.
 */
public final class KeyFrameRequestManager {
    /** Who sends the request: the producer, to the stream with that SSRC. */
    public interface Listener {
        void onKeyFrameNeeded(long ssrc);
    }

    static final long RETRANSMISSION_WAIT_MS = 1000;

    /** A request sent and not answered yet. */
    private static final class Pending {
        long deadlineMs;
        /** Whether to ask once more when the deadline passes without a key frame. */
        boolean retryOnTimeout = true;
    }

    /** The delay after a request during which further requests wait. */
    private static final class Delayer {
        long deadlineMs;
        /** A request came during the delay: it is made when the delay ends. */
        boolean keyFrameRequested;
    }

    private final Listener listener;
    /** 0: no delay between requests. */
    private final long keyFrameRequestDelayMs;
    private final LongObjectMap<Pending> pending = new LongObjectHashMap<>();
    private final LongObjectMap<Delayer> delayers = new LongObjectHashMap<>();

    public KeyFrameRequestManager(Listener listener, long keyFrameRequestDelayMs) {
        this.listener = listener;
        this.keyFrameRequestDelayMs = keyFrameRequestDelayMs;
    }

    /** A consumer needs a key frame: asked now unless a request is pending or held by the delay. */
    public void keyFrameNeeded(long ssrc, long nowMs) {
        if (keyFrameRequestDelayMs > 0) {
            Delayer delayer = delayers.get(ssrc);
            if (delayer != null) {
                delayer.keyFrameRequested = true;
                return;
            }
            delayers.put(ssrc, newDelayer(nowMs));
        }
        Pending request = pending.get(ssrc);
        if (request != null) {
            // Answered by the pending request, or else asked again at its deadline.
            request.retryOnTimeout = true;
            return;
        }
        pending.put(ssrc, newPending(nowMs));
        listener.onKeyFrameNeeded(ssrc);
    }

    /** A key frame is needed whatever is pending (a new stream, a resume): asked now, and the wait starts over. */
    public void forceKeyFrameNeeded(long ssrc, long nowMs) {
        if (keyFrameRequestDelayMs > 0) {
            delayers.put(ssrc, newDelayer(nowMs));
        }
        Pending request = pending.get(ssrc);
        if (request != null) {
            request.retryOnTimeout = true;
            request.deadlineMs = nowMs + RETRANSMISSION_WAIT_MS;
        } else {
            pending.put(ssrc, newPending(nowMs));
        }
        listener.onKeyFrameNeeded(ssrc);
    }

    public void keyFrameReceived(long ssrc) {
        pending.remove(ssrc);
    }

    /** The earliest time {@link #onTimer} has something to do; {@link Long#MAX_VALUE} when nothing waits. */
    public long nextDeadlineMs() {
        long next = Long.MAX_VALUE;
        for (Pending request : pending.values()) {
            next = Math.min(next, request.deadlineMs);
        }
        for (Delayer delayer : delayers.values()) {
            next = Math.min(next, delayer.deadlineMs);
        }
        return next;
    }

    /** Handles the deadlines passed by {@code nowMs}: unanswered requests sent once more, ended delays. */
    public void onTimer(long nowMs) {
        for (Iterator<LongObjectMap.PrimitiveEntry<Pending>> it = pending.entries().iterator(); it.hasNext();) {
            LongObjectMap.PrimitiveEntry<Pending> entry = it.next();
            Pending request = entry.value();
            if (request.deadlineMs > nowMs) {
                continue;
            }
            if (!request.retryOnTimeout) {
                it.remove();
                continue;
            }
            // Once only: the PLI or FIR may have been lost.
            request.retryOnTimeout = false;
            request.deadlineMs = nowMs + RETRANSMISSION_WAIT_MS;
            listener.onKeyFrameNeeded(entry.key());
        }
        long[] requested = null;
        int count = 0;
        for (Iterator<LongObjectMap.PrimitiveEntry<Delayer>> it = delayers.entries().iterator(); it.hasNext();) {
            LongObjectMap.PrimitiveEntry<Delayer> entry = it.next();
            if (entry.value().deadlineMs > nowMs) {
                continue;
            }
            if (entry.value().keyFrameRequested) {
                if (requested == null) {
                    requested = new long[delayers.size()];
                }
                requested[count++] = entry.key();
            }
            it.remove();
        }
        // Requests held during an ended delay are made now, outside the iteration they change.
        for (int i = 0; i < count; i++) {
            keyFrameNeeded(requested[i], nowMs);
        }
    }

    private static Pending newPending(long nowMs) {
        Pending request = new Pending();
        request.deadlineMs = nowMs + RETRANSMISSION_WAIT_MS;
        return request;
    }

    private Delayer newDelayer(long nowMs) {
        Delayer delayer = new Delayer();
        delayer.deadlineMs = nowMs + keyFrameRequestDelayMs;
        return delayer;
    }
}
