package io.jmediasoup.worker;

import io.jmediasoup.channel.LocalChannels;
import io.jmediasoup.worker.rtc.Shared;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.Promise;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

/**
 * A worker in process with one router and one comedia PlainTransport, created by 3.8's JSON
 * requests (the object model is one for both eras), and both eras' channels without sockets:
 * {@link #json} and {@link #fbs} hand a request frame to the worker on the caller's thread while
 * the event loop is held, as the loop would after reading it from the channel socket.
 */
public final class ProduceFixture implements AutoCloseable {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    private final EventLoop loop = group.next();
    private final Worker worker;
    private final LocalChannels.JsonChannel json;
    private final LocalChannels.FbsChannel fbs;
    private final Promise<Void> release = ImmediateEventExecutor.INSTANCE.newPromise();

    public ProduceFixture(ByteBufAllocator allocator, String routerId, String transportId) {
        Settings settings = Settings.fromArgs(new String[] {"--logLevel=error"});
        worker = new Worker(1, new Shared(loop, settings, new Logger(settings)), () -> { });
        json = new LocalChannels.JsonChannel(allocator, worker);
        fbs = new LocalChannels.FbsChannel(new FbsWorkerChannel(worker));
        onLoop(() -> {
            setUp("{\"id\":1,\"method\":\"worker.createRouter\",\"internal\":{\"routerId\":\"" + routerId + "\"}}");
            setUp("{\"id\":2,\"method\":\"router.createPlainTransport\",\"internal\":{\"routerId\":\"" + routerId
                    + "\",\"transportId\":\"" + transportId + "\"},\"data\":{\"listenIp\":{\"ip\":\"127.0.0.1\"},"
                    + "\"rtcpMux\":true,\"comedia\":true,\"enableSctp\":false,\"enableSrtp\":false}}");
        });
        holdLoop();
    }

    private void setUp(String request) {
        ByteBuf payload = Unpooled.copiedBuffer(request, StandardCharsets.UTF_8);
        try {
            json.request(payload);
        } finally {
            payload.release();
        }
        json.checkAccepted(request);
    }

    /** A 3.8 request: a netstring's content. */
    public LocalChannels.JsonChannel json() {
        return json;
    }

    /** A 3.32 request: a size-prefixed message's content. */
    public LocalChannels.FbsChannel fbs() {
        return fbs;
    }

    /** A size-prefixed message as the library writes it, positioned after its prefix. */
    public static ByteBuffer unprefixed(ByteBuffer message) {
        ByteBuffer frame = message.duplicate();
        frame.position(frame.position() + Integer.BYTES);
        return frame.slice();
    }

    /** Keeps the event loop busy until {@link #close}: the router is driven from the caller's thread meanwhile. */
    private void holdLoop() {
        CountDownLatch held = new CountDownLatch(1);
        loop.execute(() -> {
            held.countDown();
            release.awaitUninterruptibly();
        });
        try {
            held.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private void onLoop(Runnable task) {
        try {
            loop.submit(task).get();
        } catch (ExecutionException failed) {
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Override
    public void close() {
        release.trySuccess(null);
        onLoop(worker::close);
        group.shutdownGracefully().syncUninterruptibly();
    }
}
