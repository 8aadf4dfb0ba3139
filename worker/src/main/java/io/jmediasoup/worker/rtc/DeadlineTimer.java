package io.jmediasoup.worker.rtc;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One event-loop timer aimed at a deadline that moves. It is armed again only when the
 * deadline comes sooner; a later one keeps the timer armed (it fires early, its task finds
 * nothing due and arms it again), so a deadline moved on every packet does not schedule a
 * task per packet.
 */
final class DeadlineTimer {
    private final Shared shared;
    private final Runnable task;
    private ScheduledFuture<?> timer;
    private long deadlineMs = Long.MAX_VALUE;

    DeadlineTimer(Shared shared, Runnable task) {
        this.shared = shared;
        this.task = task;
    }

    /** Runs the task at {@code deadlineMs} ({@link Long#MAX_VALUE}: none), unless it runs sooner already. */
    void armAt(long deadlineMs) {
        if (deadlineMs == Long.MAX_VALUE || timer != null && this.deadlineMs <= deadlineMs) {
            return;
        }
        cancel();
        this.deadlineMs = deadlineMs;
        timer = shared.loop().schedule(this::fire, Math.max(0, deadlineMs - shared.nowMs()), TimeUnit.MILLISECONDS);
    }

    void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        deadlineMs = Long.MAX_VALUE;
    }

    private void fire() {
        timer = null;
        deadlineMs = Long.MAX_VALUE;
        task.run();
    }
}
