package io.jmediasoup.worker;

import com.google.flatbuffers.FlatBufferBuilder;
import io.jmediasoup.channel.FrameDecoder;
import io.jmediasoup.channel.SizePrefixedDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/**
 * The Node library's side of a mediasoup 3.32 worker's channel, for tests: two socketpairs, the
 * worker's ends handed to an in-process {@link WorkerProcess} speaking FlatBuffers, ours read by
 * a thread that cuts size-prefixed frames into a queue of FBS.Message values.
 */
final class FbsChannelPeer implements AutoCloseable {
    /** How long a message the test expects may take: a busy machine starves the worker for seconds. */
    private static final int REPLY_WAIT_SECONDS = 30;
    private static final int AF_UNIX = 1;
    private static final int SOCK_STREAM = 1;
    private static final POSIX POSIX = POSIXFactory.getNativePOSIX();

    private final BlockingQueue<FBS.Message.Message> out = new LinkedBlockingQueue<>();
    /** Notifications that came before the response a request waited for. */
    private final Queue<FBS.Notification.Notification> overtaken = new ArrayDeque<>();
    private final int[] channelIn = socketPair();
    private final int[] channelOut = socketPair();
    private final WorkerProcess worker;
    private final Thread reader;
    private long nextId = 1;
    private boolean inputClosed;

    FbsChannelPeer(Settings settings, long pid) {
        reader = startReader(channelOut[1]);
        worker = WorkerProcess.start(ChannelEra.FLATBUFFERS, settings, pid,
                new WorkerProcess.ChannelFds(channelIn[0], channelOut[0], -1, -1), process -> { });
    }

    private static int[] socketPair() {
        int[] fds = new int[2];
        if (POSIX.socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) {
            throw new IllegalStateException("socketpair failed: errno " + POSIX.errno());
        }
        return fds;
    }

    private Thread startReader(int fd) {
        SizePrefixedDecoder decoder = new SizePrefixedDecoder(UnpooledByteBufAllocator.DEFAULT, new FrameDecoder.Listener() {
            @Override
            public void onFrame(ByteBuf payload) {
                out.add(FBS.Message.Message.getRootAsMessage(ByteBuffer.wrap(ByteBufUtil.getBytes(payload))));
            }

            @Override
            public void onMalformed(String reason) {
                throw new AssertionError("the worker sent a malformed frame: " + reason);
            }
        });
        Thread thread = new Thread(() -> {
            byte[] chunk = new byte[65536];
            int read;
            while ((read = POSIX.read(fd, chunk, chunk.length)) > 0) {
                ByteBuf data = Unpooled.wrappedBuffer(chunk, 0, read);
                decoder.feed(data);
                data.release();
            }
            decoder.close();
        }, "fbs-channel-peer-reader-" + fd);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Writes raw bytes to the worker's channel input. */
    void writeRaw(byte[] bytes) {
        if (POSIX.write(channelIn[1], bytes, bytes.length) != bytes.length) {
            throw new IllegalStateException("short write: errno " + POSIX.errno());
        }
    }

    /** Sends a request with a body written by {@code body} (or none) and returns the response to it. */
    FBS.Response.Response request(int method, String handlerId, byte bodyType, ToIntFunction<FlatBufferBuilder> body) {
        long id = nextId++;
        FlatBufferBuilder builder = new FlatBufferBuilder(256);
        int bodyOffset = body == null ? 0 : body.applyAsInt(builder);
        int handler = builder.createString(handlerId);
        int request = FBS.Request.Request.createRequest(builder, id, method, handler, bodyType, bodyOffset);
        builder.finishSizePrefixed(FBS.Message.Message.createMessage(builder, FBS.Message.Body.Request, request));
        writeRaw(builder.sizedByteArray());
        return responseTo(id);
    }

    FBS.Response.Response request(int method) {
        return request(method, "", FBS.Request.Body.NONE, null);
    }

    /** Asks the worker for a router with id {@code routerId}; the response says whether it made one. */
    FBS.Response.Response createRouter(String routerId) {
        return request(FBS.Request.Method.WORKER_CREATE_ROUTER, "", FBS.Request.Body.Worker_CreateRouterRequest,
                builder -> FBS.Worker.CreateRouterRequest.createCreateRouterRequest(builder, builder.createString(routerId)));
    }

    void notify(int event) {
        FlatBufferBuilder builder = new FlatBufferBuilder(64);
        int handler = builder.createString("");
        int notification = FBS.Notification.Notification.createNotification(builder, handler, event,
                FBS.Notification.Body.NONE, 0);
        builder.finishSizePrefixed(FBS.Message.Message.createMessage(builder, FBS.Message.Body.Notification, notification));
        writeRaw(builder.sizedByteArray());
    }

    /** Sends a notification to {@code handlerId} with a body written by {@code body}. */
    void notify(int event, String handlerId, byte bodyType, ToIntFunction<FlatBufferBuilder> body) {
        FlatBufferBuilder builder = new FlatBufferBuilder(256);
        int bodyOffset = body.applyAsInt(builder);
        int handler = builder.createString(handlerId);
        int notification = FBS.Notification.Notification.createNotification(builder, handler, event, bodyType, bodyOffset);
        builder.finishSizePrefixed(FBS.Message.Message.createMessage(builder, FBS.Message.Body.Notification, notification));
        writeRaw(builder.sizedByteArray());
    }

    /** The next notification the worker sends (those a response overtook first), skipping logs and responses. */
    FBS.Notification.Notification nextNotification() {
        if (!overtaken.isEmpty()) {
            return overtaken.poll();
        }
        while (true) {
            FBS.Message.Message message = next();
            if (message.dataType() == FBS.Message.Body.Notification) {
                return (FBS.Notification.Notification) message.data(new FBS.Notification.Notification());
            }
        }
    }

    FBS.Response.Response responseTo(long id) {
        while (true) {
            FBS.Message.Message message = next();
            if (message.dataType() == FBS.Message.Body.Response) {
                FBS.Response.Response response = (FBS.Response.Response) message.data(new FBS.Response.Response());
                if (response.id() == id) {
                    return response;
                }
            } else if (message.dataType() == FBS.Message.Body.Notification) {
                overtaken.add((FBS.Notification.Notification) message.data(new FBS.Notification.Notification()));
            }
        }
    }

    /** The next message the worker sends, whatever it is. */
    FBS.Message.Message next() {
        try {
            FBS.Message.Message message = out.poll(REPLY_WAIT_SECONDS, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("the worker sent nothing within " + REPLY_WAIT_SECONDS + " s");
            }
            return message;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    /** The text of the next Log message whose line starts with {@code level}. */
    String nextLog(char level) {
        while (true) {
            FBS.Message.Message message = next();
            if (message.dataType() == FBS.Message.Body.Log) {
                String line = ((FBS.Log.Log) message.data(new FBS.Log.Log())).data();
                if (line.charAt(0) == level) {
                    return line;
                }
            }
        }
    }

    /** Closes our end of the channel input, as a dying Node process does. */
    void closeChannelInput() {
        if (!inputClosed) {
            inputClosed = true;
            POSIX.close(channelIn[1]);
        }
    }

    boolean awaitTermination() {
        return worker.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        worker.close();
        worker.awaitTermination(5, TimeUnit.SECONDS);
        try {
            reader.join(5000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        closeChannelInput();
        POSIX.close(channelOut[1]);
    }
}
