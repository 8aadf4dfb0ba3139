package io.jmediasoup.rtp.stream;

import io.jmediasoup.rtp.SeqManager;

/**
 * Finds the packets a receiving stream lost and decides when to NACK them, as the C++
 * worker does: each gap is NACKed as soon as it is seen, then again every RTT (checked every
 * {@link #TIMER_INTERVAL_MS}) up to {@link #MAX_RETRIES} times. The list never grows past
 * {@link #MAX_NACK_PACKETS}: the oldest entries go first up to a key frame, and if that is
 * not enough the list is cleared and a key frame requested. Sans I/O: the caller feeds
 * packets and timer ticks, and reads each batch from {@link #batch()}.
 */
public final class NackGenerator {
    public static final long TIMER_INTERVAL_MS = 40;
    private static final int MAX_PACKET_AGE = 10000;
    private static final int MAX_NACK_PACKETS = 1000;
    private static final int MAX_RETRIES = 10;
    private static final long DEFAULT_RTT_MS = 100;
    /** Recent key frames and RTX-recovered packets remembered; older ones matter no more. */
    private static final int RECENT = 64;

    /** Pending sequence numbers in sending order, with when each was last NACKed and how often. */
    private final int[] pending = new int[MAX_NACK_PACKETS];
    private final long[] sentAtMs = new long[MAX_NACK_PACKETS];
    private final int[] retries = new int[MAX_NACK_PACKETS];
    private int pendingCount;
    private final int[] batch = new int[MAX_NACK_PACKETS];
    private int batchCount;
    private final int[] keyFrames = new int[RECENT];
    private int keyFrameCount;
    private final int[] recovered = new int[RECENT];
    private int recoveredCount;
    private int recoveredNext;
    private boolean started;
    private int lastSeq;
    private long rttMs = DEFAULT_RTT_MS;
    private boolean keyFrameRequired;

    /**
     * Takes a received packet (a retransmission when {@code isRecovered}); returns true when
     * it is one that had been NACKed. A new gap fills {@link #batch()}.
     */
    public boolean receivePacket(int seq, boolean isKeyFrame, boolean isRecovered, long nowMs) {
        batchCount = 0;
        if (!started) {
            started = true;
            lastSeq = seq;
            if (isKeyFrame) {
                addKeyFrame(seq);
            }
            return false;
        }
        if (seq == lastSeq) {
            return false;
        }
        if (SeqManager.isHigherThan(lastSeq, seq)) {
            int index = indexOf(seq);
            if (index < 0) {
                return false;
            }
            removeAt(index);
            return true;
        }
        if (isKeyFrame) {
            addKeyFrame(seq);
        }
        if (isRecovered) {
            // A retransmission of a packet we had not missed yet: never NACK it.
            recovered[recoveredNext] = seq;
            recoveredNext = (recoveredNext + 1) % RECENT;
            recoveredCount = Math.min(recoveredCount + 1, RECENT);
            return false;
        }
        addMissing((lastSeq + 1) & 0xFFFF, seq);
        lastSeq = seq;
        for (int i = 0; i < pendingCount; i++) {
            if (sentAtMs[i] == 0) {
                addToBatch(i, nowMs);
            }
        }
        dropExhausted();
        return false;
    }

    /** The timer's tick: NACKs again what has waited an RTT since its last NACK. */
    public void onTimer(long nowMs) {
        batchCount = 0;
        for (int i = 0; i < pendingCount; i++) {
            if (nowMs - sentAtMs[i] >= rttMs) {
                addToBatch(i, nowMs);
            }
        }
        dropExhausted();
    }

    /** The sequence numbers to NACK now, in order: {@code batch()[0..batchCount())}. */
    public int[] batch() {
        return batch;
    }

    public int batchCount() {
        return batchCount;
    }

    /** Whether the timer must keep running. */
    public boolean hasPending() {
        return pendingCount > 0;
    }

    /** Whether the list overflowed since the last call, so that only a key frame can repair the stream. */
    public boolean takeKeyFrameRequired() {
        boolean required = keyFrameRequired;
        keyFrameRequired = false;
        return required;
    }

    public void updateRtt(long rttMs) {
        this.rttMs = rttMs > 0 ? rttMs : DEFAULT_RTT_MS;
    }

    /** Forgets everything, as on pause. */
    public void reset() {
        pendingCount = 0;
        batchCount = 0;
        keyFrameCount = 0;
        recoveredCount = 0;
        started = false;
        lastSeq = 0;
    }

    private void addMissing(int from, int to) {
        int oldest = (to - MAX_PACKET_AGE) & 0xFFFF;
        int tooOld = 0;
        while (tooOld < pendingCount && SeqManager.isHigherThan(oldest, pending[tooOld])) {
            tooOld++;
        }
        removeFirst(tooOld);
        int newMissing = (to - from) & 0xFFFF;
        if (pendingCount + newMissing > MAX_NACK_PACKETS) {
            while (removeUntilKeyFrame() && pendingCount + newMissing > MAX_NACK_PACKETS) {
                // Each pass drops what precedes the oldest useful key frame.
            }
            if (pendingCount + newMissing > MAX_NACK_PACKETS) {
                pendingCount = 0;
                keyFrameRequired = true;
                return;
            }
        }
        for (int seq = from; seq != to; seq = (seq + 1) & 0xFFFF) {
            if (!wasRecovered(seq)) {
                pending[pendingCount] = seq;
                sentAtMs[pendingCount] = 0;
                retries[pendingCount] = 0;
                pendingCount++;
            }
        }
    }

    /** Drops the pending packets older than the oldest key frame that is newer than some of them. */
    private boolean removeUntilKeyFrame() {
        while (keyFrameCount > 0) {
            int keyFrame = keyFrames[0];
            int older = 0;
            while (older < pendingCount && SeqManager.isHigherThan(keyFrame, pending[older])) {
                older++;
            }
            System.arraycopy(keyFrames, 1, keyFrames, 0, --keyFrameCount);
            if (older > 0) {
                removeFirst(older);
                return true;
            }
        }
        return false;
    }

    private void addKeyFrame(int seq) {
        if (keyFrameCount == RECENT) {
            System.arraycopy(keyFrames, 1, keyFrames, 0, --keyFrameCount);
        }
        keyFrames[keyFrameCount++] = seq;
    }

    private boolean wasRecovered(int seq) {
        for (int i = 0; i < recoveredCount; i++) {
            if (recovered[i] == seq) {
                return true;
            }
        }
        return false;
    }

    private void addToBatch(int index, long nowMs) {
        batch[batchCount++] = pending[index];
        retries[index]++;
        sentAtMs[index] = nowMs;
    }

    /** Packets NACKed {@link #MAX_RETRIES} times are given up. */
    private void dropExhausted() {
        int kept = 0;
        for (int i = 0; i < pendingCount; i++) {
            if (retries[i] < MAX_RETRIES) {
                pending[kept] = pending[i];
                sentAtMs[kept] = sentAtMs[i];
                retries[kept] = retries[i];
                kept++;
            }
        }
        pendingCount = kept;
    }

    private int indexOf(int seq) {
        for (int i = 0; i < pendingCount; i++) {
            if (pending[i] == seq) {
                return i;
            }
        }
        return -1;
    }

    private void removeAt(int index) {
        int tail = pendingCount - index - 1;
        System.arraycopy(pending, index + 1, pending, index, tail);
        System.arraycopy(sentAtMs, index + 1, sentAtMs, index, tail);
        System.arraycopy(retries, index + 1, retries, index, tail);
        pendingCount--;
    }

    private void removeFirst(int count) {
        if (count == 0) {
            return;
        }
        pendingCount -= count;
        System.arraycopy(pending, count, pending, 0, pendingCount);
        System.arraycopy(sentAtMs, count, sentAtMs, 0, pendingCount);
        System.arraycopy(retries, count, retries, 0, pendingCount);
    }
}
