package io.jmediasoup.worker;

import io.jmediasoup.channel.ChannelEndpoint;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.channel.PayloadChannelEndpoint;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import java.util.concurrent.TimeUnit;

/**
 * The mediasoup-worker process, spawned by the Node library with the channel on fds 3/4 and
 * the payload channel on fds 5/6. Exit codes follow the C++ worker: 42 for invalid settings,
 * 1 for any other failure to start, 0 after a clean close.
 */
public final class Main {
    private static final int CHANNEL_READ_FD = 3;
    private static final int CHANNEL_WRITE_FD = 4;
    private static final int PAYLOAD_CHANNEL_READ_FD = 5;
    private static final int PAYLOAD_CHANNEL_WRITE_FD = 6;
    private static final int EXIT_SETTINGS_ERROR = 42;

    private Main() {}

    public static void main(String[] args) {
        // Before any Netty class loads: pooled direct buffers (4.2 defaults to its adaptive
        // allocator), and no JFR event registration, which costs ~80 ms of start-up.
        System.setProperty("io.netty.allocator.type", System.getProperty("io.netty.allocator.type", "pooled"));
        System.setProperty("io.netty.jfr.enabled", System.getProperty("io.netty.jfr.enabled", "false"));
        if (System.getenv("MEDIASOUP_VERSION") == null) {
            System.err.println("mediasoup-worker: MEDIASOUP_VERSION is not set; run me through the mediasoup Node library");
            System.exit(1);
        }
        Settings settings;
        try {
            settings = Settings.fromArgs(args);
        } catch (MediasoupTypeError error) {
            System.err.println("mediasoup-worker: settings error: " + error.getMessage());
            System.exit(EXIT_SETTINGS_ERROR);
            return;
        }
        System.exit(run(settings));
    }

    /** Runs the worker until it closes; returns the exit code. */
    private static int run(Settings settings) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        EventLoop loop = group.next();
        Logger logger = new Logger(settings);
        NettyLogBridge.install(loop, logger);
        Worker worker = new Worker(ProcessHandle.current().pid(), settings, logger,
                () -> group.shutdownGracefully(0, 1, TimeUnit.SECONDS));
        // Before "running": the library may signal the worker as soon as it knows it runs.
        Signals.install(() -> loop.execute(worker::close));
        try {
            loop.submit(() -> {
                ChannelEndpoint channel = new ChannelEndpoint(loop, CHANNEL_READ_FD, CHANNEL_WRITE_FD, worker);
                PayloadChannelEndpoint payloadChannel = new PayloadChannelEndpoint(
                        loop, PAYLOAD_CHANNEL_READ_FD, PAYLOAD_CHANNEL_WRITE_FD, worker);
                channel.open();
                payloadChannel.open();
                worker.start(channel, payloadChannel);
            }).syncUninterruptibly();
        } catch (RuntimeException error) {
            System.err.println("mediasoup-worker: cannot open the channels on fds 3-6: " + error);
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            return 1;
        }
        group.terminationFuture().awaitUninterruptibly();
        return 0;
    }
}
