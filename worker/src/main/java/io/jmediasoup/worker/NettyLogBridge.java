package io.jmediasoup.worker;

import io.netty.channel.EventLoop;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * Routes java.util.logging (where Netty logs when no other framework is present) to the
 * channel instead of stderr: the Node library reports every stderr line as a worker error.
 */
final class NettyLogBridge extends Handler {
    private final EventLoop loop;
    private final Logger logger;

    private NettyLogBridge(EventLoop loop, Logger logger) {
        this.loop = loop;
        this.logger = logger;
    }

    static void install(EventLoop loop, Logger logger) {
        java.util.logging.Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.setLevel(Level.WARNING);
        root.addHandler(new NettyLogBridge(loop, logger));
    }

    @Override
    public void publish(LogRecord record) {
        String text = record.getLoggerName() + ": " + record.getMessage()
                + (record.getThrown() != null ? " (" + record.getThrown() + ")" : "");
        try {
            loop.execute(() -> logger.error("jul", text));
        } catch (RejectedExecutionException closed) {
            // The worker has closed its channel: there is nowhere left to log to.
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
