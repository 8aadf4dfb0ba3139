package io.jmediasoup.worker;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jmediasoup.channel.NetstringDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/**
 * The Node library's side of a worker's channels, for tests: four socketpairs, the worker's
 * ends handed to an in-process {@link WorkerProcess}, ours read by a thread that decodes
 * netstrings into a queue.
 */
final class ChannelPeer implements AutoCloseable {
    /** How long a message the test expects may take: a busy machine starves the worker for seconds. */
    private static final int REPLY_WAIT_SECONDS = 30;
    private static final int AF_UNIX = 1;
    private static final int SOCK_STREAM = 1;
    private static final POSIX POSIX = POSIXFactory.getNativePOSIX();

    /** A frame the worker sent, as text ("{...}" JSON, or a log line "D...", "E..."). */
    private final BlockingQueue<String> channelOut = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> payloadOut = new LinkedBlockingQueue<>();
    /** Notifications that arrived while a response was awaited. */
    private final BlockingQueue<JsonObject> notifications = new LinkedBlockingQueue<>();
    private final int[] channelIn = socketPair();
    private final int[] channelOutFds = socketPair();
    private final int[] payloadIn = socketPair();
    private final int[] payloadOutFds = socketPair();
    private final WorkerProcess worker;
    private final Thread[] readers;
    private long nextId = 1;

    ChannelPeer(Settings settings, long pid) {
        readers = new Thread[] {startReader(channelOutFds[1], channelOut), startReader(payloadOutFds[1], payloadOut)};
        worker = WorkerProcess.start(settings, pid,
                new WorkerProcess.ChannelFds(channelIn[0], channelOutFds[0], payloadIn[0], payloadOutFds[0]),
                process -> { });
    }

    private static int[] socketPair() {
        int[] fds = new int[2];
        if (POSIX.socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) {
            throw new IllegalStateException("socketpair failed: errno " + POSIX.errno());
        }
        return fds;
    }

    private static Thread startReader(int fd, BlockingQueue<String> frames) {
        NetstringDecoder decoder = new NetstringDecoder(UnpooledByteBufAllocator.DEFAULT, new NetstringDecoder.Listener() {
            @Override
            public void onFrame(ByteBuf payload) {
                frames.add(payload.toString(StandardCharsets.UTF_8));
            }

            @Override
            public void onMalformed(String reason) {
                frames.add("!malformed from worker: " + reason);
            }
        });
        Thread reader = new Thread(() -> {
            byte[] chunk = new byte[65536];
            int read;
            while ((read = POSIX.read(fd, chunk, chunk.length)) > 0) {
                ByteBuf data = Unpooled.wrappedBuffer(chunk, 0, read);
                decoder.feed(data);
                data.release();
            }
            frames.add("!eof");
            decoder.close();
        }, "channel-peer-reader-" + fd);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    WorkerProcess worker() {
        return worker;
    }

    /** Writes raw bytes to the worker's channel input. */
    void writeRaw(byte[] bytes) {
        int written = 0;
        while (written < bytes.length) {
            byte[] rest = java.util.Arrays.copyOfRange(bytes, written, bytes.length);
            int n = POSIX.write(channelIn[1], rest, rest.length);
            if (n <= 0) {
                throw new IllegalStateException("write failed: errno " + POSIX.errno());
            }
            written += n;
        }
    }

    void writeRaw(String text) {
        writeRaw(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes one netstring to the channel (fd 3 side). */
    void writeFrame(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        writeRaw(bytes.length + ":" + payload + ",");
    }

    /** Writes one netstring to the payload channel (fd 5 side). */
    void writePayloadFrame(byte[] payload) {
        byte[] prefix = (payload.length + ":").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[prefix.length + payload.length + 1];
        System.arraycopy(prefix, 0, frame, 0, prefix.length);
        System.arraycopy(payload, 0, frame, prefix.length, payload.length);
        frame[frame.length - 1] = ',';
        if (POSIX.write(payloadIn[1], frame, frame.length) != frame.length) {
            throw new IllegalStateException("short write on the payload channel");
        }
    }

    /** Sends a request and returns the response to it, skipping log lines and notifications. */
    JsonObject request(String method, String internal, String data) {
        long id = nextId++;
        writeFrame("{\"id\":" + id + ",\"method\":\"" + method + "\",\"internal\":" + internal
                + ",\"data\":" + data + "}");
        return responseTo(id);
    }

    JsonObject request(String method) {
        return request(method, "{}", "{}");
    }

    long nextId() {
        return nextId++;
    }

    JsonObject responseTo(long id) {
        while (true) {
            String frame = next(channelOut);
            if (frame.startsWith("{")) {
                JsonObject json = JsonParser.parseString(frame).getAsJsonObject();
                if (json.has("id") && json.get("id").getAsLong() == id) {
                    return json;
                }
                if (json.has("event")) {
                    notifications.add(json);
                }
            }
        }
    }

    /** The next notification other than "running", including those skipped by {@link #request}. */
    JsonObject nextNotification() {
        while (true) {
            JsonObject notification = notifications.poll();
            if (notification == null) {
                String frame = next(channelOut);
                if (!frame.startsWith("{")) {
                    continue;
                }
                notification = JsonParser.parseString(frame).getAsJsonObject();
            }
            if (notification.has("event") && !notification.get("event").getAsString().equals("running")) {
                return notification;
            }
        }
    }

    /** The next frame the worker sends on the channel, whatever it is. */
    String nextChannelFrame() {
        return next(channelOut);
    }

    /** The next frame the worker sends on the payload channel (fd 6). */
    String nextPayloadFrame() {
        return next(payloadOut);
    }

    /** The next log line that starts with {@code level} ('D', 'W', 'E'). */
    String nextLog(char level) {
        while (true) {
            String frame = next(channelOut);
            if (frame.charAt(0) == level) {
                return frame;
            }
        }
    }

    private static String next(BlockingQueue<String> frames) {
        try {
            String frame = frames.poll(REPLY_WAIT_SECONDS, TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("the worker sent nothing within " + REPLY_WAIT_SECONDS + " s");
            }
            return frame;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    /** Closes our end of the channel input, as a dying Node process does. */
    void closeChannelInput() {
        POSIX.close(channelIn[1]);
    }

    /**
     * Closes the worker, waits for our readers to see its ends close, and only then closes our
     * ends: a descriptor number closed under a blocked reader could be reused by the next test.
     */
    @Override
    public void close() {
        worker.close();
        worker.awaitTermination(5, TimeUnit.SECONDS);
        for (Thread reader : readers) {
            try {
                reader.join(5000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        for (int fd : new int[] {channelIn[1], channelOutFds[1], payloadIn[1], payloadOutFds[1]}) {
            POSIX.close(fd);
        }
    }
}
