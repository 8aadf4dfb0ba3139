package io.jmediasoup.rtp.dtls;

import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daemon threads bctls's blocking handshakes run on: at most {@code threads} at once and
 * {@code queued} more waiting for one (a crowd joining at once waits its turn); past that a
 * handshake is refused. A handshake holds its thread until it ends, at the latest at its
 * deadline, so a peer cannot keep one for longer than that. Idle threads end.
 */
final class HandshakeThreads {
    /** Enough for a crowd of handshakes, each a few round trips, with room for slow ones. */
    static final HandshakeThreads SHARED = new HandshakeThreads(64, 1024);

    private static final AtomicInteger NAMES = new AtomicInteger();
    private final ThreadPoolExecutor executor;

    HandshakeThreads(int threads, int queued) {
        executor = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(queued),
                runnable -> {
                    Thread thread = new Thread(runnable, "dtls-handshake-" + NAMES.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    /** Runs {@code handshake} on a thread now or once one is free; null when too many wait already. */
    Future<?> submit(Runnable handshake) {
        try {
            return executor.submit(handshake);
        } catch (RejectedExecutionException full) {
            return null;
        }
    }
}
