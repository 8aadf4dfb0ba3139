package io.jmediasoup.worker.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmediasoup.worker.Settings;
import io.jmediasoup.worker.net.PortManager.Protocol;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real sockets on loopback: what a batch holds leaves at its end, in order, with each send's
 * bytes as they were when it was made (the caller rewrites one buffer between sends). Each case
 * runs on both sending paths: the io_uring and sendmmsg.
 */
class UdpSendBatchTest {
    private static EventLoopGroup group;
    private static EventLoop loop;
    private static PortManager portManager;

    private UdpSendBatch batch = new UdpSendBatch();
    private final List<UdpSocket> sockets = new ArrayList<>();
    private final List<DatagramSocket> sinks = new ArrayList<>();

    @BeforeAll
    static void startLoop() {
        group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        loop = group.next();
        portManager = new PortManager(loop, Settings.fromArgs(new String[0]));
    }

    @AfterAll
    static void stopLoop() {
        group.shutdownGracefully().syncUninterruptibly();
    }

    @AfterEach
    void close() {
        sockets.forEach(socket -> loop.submit(socket::close).syncUninterruptibly());
        sinks.forEach(DatagramSocket::close);
        System.clearProperty(IoUring.PROPERTY);
    }

    /**
     * A batch whose first socket is open and whose sending path, {@code path}, is set up. Where
     * the kernel refuses io_uring (a seccomp filter, kernel.io_uring_disabled) its cases are
     * skipped, saying so: the worker runs on sendmmsg there.
     */
    private UdpSocket firstSocketOn(String path) throws Exception {
        System.setProperty(IoUring.PROPERTY, Boolean.toString(path.equals("io_uring")));
        batch = new UdpSendBatch();
        UdpSocket socket = socket("127.0.0.1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String current;
        while ((current = loop.submit(batch::sendingPath).get()).equals("netty") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Assumptions.assumeTrue(current.equals(path), "this machine's kernel gives " + current + ", not " + path);
        return socket;
    }

    static List<String> paths() {
        return List.of("io_uring", "sendmmsg");
    }

    private UdpSocket socket(String ip) throws Exception {
        UdpSocket socket = loop.submit(() -> new UdpSocket(portManager.bind(Protocol.UDP, ip, 0),
                (from, data, remote) -> { }, batch)).get();
        sockets.add(socket);
        return socket;
    }

    /**
     * Runs {@code sends} on the loop, the batch's only thread: from another thread, a send that goes
     * through Netty (before the sending path is set up) would be queued behind one sent at once.
     */
    private static void onLoop(Runnable sends) throws Exception {
        loop.submit(sends).get();
    }

    /**
     * A loopback socket read on a thread of its own from the start, so that a batch larger than
     * its receive buffer (the kernel's default, ~200 small datagrams) loses nothing.
     */
    private static final class Sink {
        private final DatagramSocket socket;
        private final BlockingQueue<String> datagrams = new LinkedBlockingQueue<>();

        Sink() throws Exception {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread reader = new Thread(() -> {
                DatagramPacket packet = new DatagramPacket(new byte[8192], 8192);
                try {
                    while (true) {
                        socket.receive(packet);
                        datagrams.add(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1));
                    }
                } catch (IOException closed) {
                    // The test is over.
                }
            }, "sink");
            reader.setDaemon(true);
            reader.start();
        }
    }

    private Sink sink() throws Exception {
        Sink sink = new Sink();
        sinks.add(sink.socket);
        return sink;
    }

    private static InetSocketAddress addressOf(Sink sink) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), sink.socket.getLocalPort());
    }

    /** The next datagram's bytes as a string, or null when none comes within {@code timeoutMs}. */
    private static String receive(Sink sink, int timeoutMs) throws Exception {
        return sink.datagrams.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** {@code text} written into {@code buffer} from its start, as a consumer rewrites a packet in place. */
    private static ByteBuf rewrite(ByteBuf buffer, String text) {
        buffer.clear().writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        return buffer;
    }

    static List<Arguments> batches() {
        String big = "x".repeat(UdpSendBatch.SLOT_DATA_SIZE + 100);
        List<Arguments> cases = List.of(
                Arguments.of("one datagram", List.of("a")),
                Arguments.of("rewritten between sends", List.of("first", "second", "3")),
                Arguments.of("a datagram larger than a slot keeps its place", List.of("before", big, "after")));
        return paths().stream().flatMap(path -> cases.stream().map(c -> Arguments.of(path, c.get()[0], c.get()[1])))
                .toList();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("batches")
    void aBatchSendsEverythingInOrderWithTheBytesOfEachSend(String path, String name, List<String> datagrams)
            throws Exception {
        UdpSocket socket = firstSocketOn(path);
        Sink sink = sink();
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(4096);
        try {
            onLoop(() -> {
                batch.begin();
                for (String datagram : datagrams) {
                    socket.send(rewrite(buffer, datagram), addressOf(sink));
                }
                rewrite(buffer, "overwritten after the last send");
                batch.end();
            });
        } finally {
            buffer.release();
        }
        for (String datagram : datagrams) {
            assertEquals(datagram, receive(sink, 2000));
        }
        assertNull(receive(sink, 50));
        assertEquals(0, socket.packetsDropped());
    }

    /**
     * A batch of more datagrams than the slab holds is flushed as it fills and goes on in order.
     * They go to four sinks in turn: one sendmmsg of a full slab to a single loopback socket
     * would overflow the kernel's default receive buffer before its reader could drain it.
     */
    @ParameterizedTest
    @MethodSource("paths")
    void aBatchLargerThanTheSlabGoesOutInOrder(String path) throws Exception {
        UdpSocket socket = firstSocketOn(path);
        List<Sink> targets = List.of(sink(), sink(), sink(), sink());
        List<String> datagrams = IntStream.range(0, UdpSendBatch.SLOTS * 2 + 3).mapToObj(i -> "packet " + i).toList();
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        try {
            onLoop(() -> {
                batch.begin();
                for (int i = 0; i < datagrams.size(); i++) {
                    socket.send(rewrite(buffer, datagrams.get(i)), addressOf(targets.get(i % targets.size())));
                }
                batch.end();
            });
        } finally {
            buffer.release();
        }
        for (int i = 0; i < datagrams.size(); i++) {
            assertEquals(datagrams.get(i), receive(targets.get(i % targets.size()), 2000));
        }
        for (Sink sink : targets) {
            assertNull(receive(sink, 50));
        }
        assertEquals(0, socket.packetsDropped());
    }

    /**
     * The sending path reaches the loop only after the task that opened the first socket: what
     * that task sends, alone or in a batch, goes out through Netty, in order.
     */
    @Test
    void theFirstSocketSendsBeforeItsSendingPathIsSetUp() throws Exception {
        Sink sink = sink();
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        try {
            loop.submit(() -> {
                UdpSocket socket = new UdpSocket(portManager.bind(Protocol.UDP, "127.0.0.1", 0), (from, data, remote) -> { },
                        batch);
                sockets.add(socket);
                socket.send(rewrite(buffer, "at once"), addressOf(sink));
                batch.begin();
                socket.send(rewrite(buffer, "held 1"), addressOf(sink));
                socket.send(rewrite(buffer, "held 2"), addressOf(sink));
                rewrite(buffer, "overwritten after the last send");
                batch.end();
                return null;
            }).get();
        } finally {
            buffer.release();
        }
        assertEquals("at once", receive(sink, 2000));
        assertEquals("held 1", receive(sink, 2000));
        assertEquals("held 2", receive(sink, 2000));
        assertNull(receive(sink, 50));
    }

    @ParameterizedTest
    @MethodSource("paths")
    void aBatchHoldsItsDatagramsUntilItEnds(String path) throws Exception {
        UdpSocket socket = firstSocketOn(path);
        Sink sink = sink();
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        try {
            onLoop(() -> {
                batch.begin();
                socket.send(rewrite(buffer, "held"), addressOf(sink));
            });
            assertNull(receive(sink, 100));
            onLoop(batch::end);
            assertEquals("held", receive(sink, 2000));
            onLoop(() -> socket.send(rewrite(buffer, "outside a batch: at once"), addressOf(sink)));
            assertEquals("outside a batch: at once", receive(sink, 2000));
        } finally {
            buffer.release();
        }
    }

    @ParameterizedTest
    @MethodSource("paths")
    void socketsAndPeersOfOneBatchEachGetTheirOwn(String path) throws Exception {
        UdpSocket first = firstSocketOn(path);
        UdpSocket second = socket("127.0.0.1");
        Sink sinkA = sink();
        Sink sinkB = sink();
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        try {
            onLoop(() -> {
                batch.begin();
                first.send(rewrite(buffer, "1 to A"), addressOf(sinkA));
                second.send(rewrite(buffer, "2 to B"), addressOf(sinkB));
                first.send(rewrite(buffer, "1 to B"), addressOf(sinkB));
                second.send(rewrite(buffer, "2 to A"), addressOf(sinkA));
                batch.end();
            });
        } finally {
            buffer.release();
        }
        List<String> atA = List.of(receive(sinkA, 2000), receive(sinkA, 2000));
        List<String> atB = List.of(receive(sinkB, 2000), receive(sinkB, 2000));
        assertEquals(List.of("1 to A", "2 to A").stream().sorted().toList(), atA.stream().sorted().toList());
        assertEquals(List.of("1 to B", "2 to B").stream().sorted().toList(), atB.stream().sorted().toList());
    }

    @ParameterizedTest
    @MethodSource("paths")
    void anIpv6SocketReachesAnIpv4PeerThroughItsMappedAddress(String path) throws Exception {
        firstSocketOn(path);
        UdpSocket socket = socket("::");
        Sink sink = sink();
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        try {
            onLoop(() -> {
                batch.begin();
                socket.send(rewrite(buffer, "mapped"), addressOf(sink));
                batch.end();
            });
        } finally {
            buffer.release();
        }
        assertEquals("mapped", receive(sink, 2000));
    }

    @ParameterizedTest
    @MethodSource("paths")
    void anIpv4SocketCountsAnIpv6PeerAsDropped(String path) throws Exception {
        UdpSocket socket = firstSocketOn(path);
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        try {
            InetSocketAddress ipv6Peer = new InetSocketAddress(InetAddress.getByName("::1"), 9);
            onLoop(() -> socket.send(rewrite(buffer, "nowhere"), ipv6Peer));
        } finally {
            buffer.release();
        }
        assertEquals(1, socket.packetsDropped());
    }

    /**
     * Netty's queue, which takes what a full kernel buffer refuses, stops at its high mark: the
     * datagrams beyond it are dropped and counted, and queueing resumes once it has drained.
     */
    @Test
    void aSocketWhoseQueueIsFullDropsAndCountsUntilItDrains() throws Exception {
        Channel channel = loop.submit(() -> portManager.bind(Protocol.UDP, "127.0.0.1", 0)).get();
        UdpSocket socket = loop.submit(() -> new UdpSocket(channel, (from, data, remote) -> { }, batch)).get();
        sockets.add(socket);
        Sink stalledPeer = sink();
        Sink sink = sink();
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(1200);
        try {
            long pending = loop.submit(() -> {
                // Written and not flushed: Netty holds them as it does while the kernel refuses them.
                while (channel.isWritable()) {
                    channel.write(new io.netty.channel.socket.DatagramPacket(
                            rewrite(buffer, "x".repeat(1200)).retainedDuplicate(), addressOf(stalledPeer)));
                }
                for (int i = 0; i < 100; i++) {
                    socket.queue(rewrite(buffer, "beyond the limit"), addressOf(sink));
                }
                return channel.unsafe().outboundBuffer().totalPendingWriteBytes();
            }).get();
            assertTrue(pending < UdpSocket.QUEUE_LIMIT.high() + 2 * 1200, pending + " bytes queued");
            assertEquals(100, socket.packetsDropped());
            onLoop(() -> {
                channel.flush();
                socket.queue(rewrite(buffer, "after draining"), addressOf(sink));
            });
            assertEquals("after draining", receive(sink, 2000));
            assertEquals(100, socket.packetsDropped());
        } finally {
            buffer.release();
        }
    }
}
