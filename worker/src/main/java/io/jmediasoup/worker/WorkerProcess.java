package io.jmediasoup.worker;

import io.jmediasoup.channel.ChannelEndpoint;
import io.jmediasoup.channel.FbsChannelEndpoint;
import io.jmediasoup.channel.PayloadChannelEndpoint;
import io.jmediasoup.worker.rtc.Shared;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A running worker: its one event-loop thread, which owns all of the worker's state, and the
 * two channels on inherited socket descriptors.
 */
public final class WorkerProcess {
    /** The four descriptors the Node library hands over (3, 4, 5 and 6 in a spawned worker). */
    public record ChannelFds(int channelRead, int channelWrite, int payloadRead, int payloadWrite) {
        public static final ChannelFds INHERITED = new ChannelFds(3, 4, 5, 6);
    }

    private final EventLoopGroup group;
    private final EventLoop loop;
    private final Worker worker;

    private WorkerProcess(Settings settings, long pid) {
        group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        loop = group.next();
        Logger logger = new Logger(settings);
        NettyLogBridge.install(loop, logger);
        worker = new Worker(pid, new Shared(loop, settings, logger),
                () -> group.shutdownGracefully(0, 1, TimeUnit.SECONDS));
    }

    /**
     * Opens the channels and sends "running". {@code beforeRunning} runs first, on the calling
     * thread, with the process already able to close (signal handlers go there).
     */
    public static WorkerProcess start(
            Settings settings, long pid, ChannelFds fds, Consumer<WorkerProcess> beforeRunning) {
        return start(ChannelEra.NETSTRING_JSON, settings, pid, fds, beforeRunning);
    }

    /** As {@link #start(Settings, long, ChannelFds, Consumer)}, speaking {@code era}'s channel (3.32's uses only the first two fds). */
    public static WorkerProcess start(ChannelEra era,
            Settings settings, long pid, ChannelFds fds, Consumer<WorkerProcess> beforeRunning) {
        WorkerProcess process = new WorkerProcess(settings, pid);
        beforeRunning.accept(process);
        try {
            process.loop.submit(() -> {
                if (era == ChannelEra.FLATBUFFERS) {
                    process.openFlatBuffers(fds);
                } else {
                    process.open(fds);
                }
            }).syncUninterruptibly();
        } catch (RuntimeException error) {
            process.group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw error;
        }
        return process;
    }

    private void open(ChannelFds fds) {
        ChannelEndpoint channel = new ChannelEndpoint(loop, fds.channelRead(), fds.channelWrite(), worker);
        PayloadChannelEndpoint payloadChannel =
                new PayloadChannelEndpoint(loop, fds.payloadRead(), fds.payloadWrite(), worker);
        channel.open();
        payloadChannel.open();
        worker.start(channel, payloadChannel);
    }

    private void openFlatBuffers(ChannelFds fds) {
        FbsWorkerChannel listener = new FbsWorkerChannel(worker);
        FbsChannelEndpoint channel = new FbsChannelEndpoint(loop, fds.channelRead(), fds.channelWrite(), listener);
        channel.open();
        worker.start(channel);
        listener.announceRunning(channel);
    }

    EventLoop loop() {
        return loop;
    }

    /** Closes the worker from any thread; the loop ends once everything is closed. */
    public void close() {
        try {
            loop.execute(worker::close);
        } catch (RejectedExecutionException alreadyClosed) {
            // The worker closed itself first; nothing is left to close.
        }
    }

    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return group.terminationFuture().awaitUninterruptibly(timeout, unit);
    }
}
