package io.jmediasoup.rtp.bwe;

/**
 * Groups packets sent within {@value #GROUP_LENGTH_MS} ms of each other (a frame, a burst) and,
 * each time a group completes, gives the send and arrival time deltas between it and the one
 * before: their difference is how much the one-way delay changed (libwebrtc's InterArrival).
 */
final class InterArrival {
    static final long GROUP_LENGTH_MS = 5;
    private static final long BURST_DELTA_MS = 5;

    private boolean hasCurrent;
    private long currentFirstSendMs;
    private long currentLastSendMs;
    private long currentArrivalMs;
    private boolean hasPrevious;
    private long previousLastSendMs;
    private long previousArrivalMs;
    private long sendDeltaMs;
    private long arrivalDeltaMs;

    /** Adds a packet; true when a group completed and {@link #sendDeltaMs}/{@link #arrivalDeltaMs} are new. */
    boolean add(long sendTimeMs, long arrivalTimeMs) {
        if (!hasCurrent) {
            startGroup(sendTimeMs, arrivalTimeMs);
            return false;
        }
        if (sendTimeMs < currentFirstSendMs) {
            // Reordered from an earlier group: it says nothing about the current one.
            return false;
        }
        if (belongsToCurrent(sendTimeMs, arrivalTimeMs)) {
            currentLastSendMs = Math.max(currentLastSendMs, sendTimeMs);
            currentArrivalMs = Math.max(currentArrivalMs, arrivalTimeMs);
            return false;
        }
        boolean completed = false;
        if (hasPrevious) {
            sendDeltaMs = currentLastSendMs - previousLastSendMs;
            arrivalDeltaMs = currentArrivalMs - previousArrivalMs;
            completed = true;
        }
        hasPrevious = true;
        previousLastSendMs = currentLastSendMs;
        previousArrivalMs = currentArrivalMs;
        startGroup(sendTimeMs, arrivalTimeMs);
        return completed;
    }

    private boolean belongsToCurrent(long sendTimeMs, long arrivalTimeMs) {
        if (sendTimeMs - currentFirstSendMs <= GROUP_LENGTH_MS) {
            return true;
        }
        // Packets that arrive together while sent further apart were queued together: one burst.
        long arrivalDelta = arrivalTimeMs - currentArrivalMs;
        long propagationDelta = arrivalDelta - (sendTimeMs - currentLastSendMs);
        return arrivalDelta <= BURST_DELTA_MS && propagationDelta < 0;
    }

    private void startGroup(long sendTimeMs, long arrivalTimeMs) {
        hasCurrent = true;
        currentFirstSendMs = sendTimeMs;
        currentLastSendMs = sendTimeMs;
        currentArrivalMs = arrivalTimeMs;
    }

    long sendDeltaMs() {
        return sendDeltaMs;
    }

    long arrivalDeltaMs() {
        return arrivalDeltaMs;
    }
}
