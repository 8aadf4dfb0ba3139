package io.jmediasoup.worker.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmediasoup.worker.Logger;
import io.jmediasoup.worker.Settings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ICE-TCP connections against peers that misbehave, over loopback with small limits: one that
 * never reads while its requests are answered, one that stops reading media, ones that never
 * authenticate or go quiet, and more connections than a server keeps. The listener stands in
 * for the transport: a frame starting with 'A' authenticates its connection; any other frame
 * is answered with what the test asks for.
 */
class TcpServerTest {
    /** Write bounds small enough to reach quickly, timeouts long enough for a busy machine. */
    private static final TcpConnection.Limits LIMITS = new TcpConnection.Limits(8 * 1024, 16 * 1024, 64 * 1024, 10_000, 20_000);
    /** The same with short timeouts, for the tests of the timeouts. */
    private static final TcpConnection.Limits SHORT_TIMEOUTS = new TcpConnection.Limits(8 * 1024, 16 * 1024, 64 * 1024, 300, 1000);
    /** A STUN-like answer: neither RTP nor RTCP, so it is queued up to the hard bound. */
    private static final byte[] CONTROL = filled(1000, (byte) 0x01);
    /** An RTP packet, payload type 96: dropped while the peer is behind. */
    private static final byte[] MEDIA = media();

    private EventLoopGroup loop;
    private EpollServerSocketChannel channel;
    private TcpServer server;
    private int port;
    /** Touched on the loop only. */
    private byte[] answer = CONTROL;
    private int answersPerFrame = 1;
    private long maxPendingBytes;
    private final List<TcpConnection> closed = new ArrayList<>();
    private final TcpConnection.Listener listener = new TcpConnection.Listener() {
        @Override
        public void onTcpConnectionPacket(TcpConnection connection, ByteBuf packet) {
            if (packet.getByte(packet.readerIndex()) == 'A') {
                connection.authenticated();
                return;
            }
            ByteBuf data = Unpooled.wrappedBuffer(answer);
            for (int i = 0; i < answersPerFrame; i++) {
                connection.send(data);
                maxPendingBytes = Math.max(maxPendingBytes, connection.pendingWriteBytes());
            }
        }

        @Override
        public void onTcpConnectionClosed(TcpConnection connection) {
            closed.add(connection);
        }
    };

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }

    private static byte[] media() {
        byte[] packet = new byte[1200];
        packet[0] = (byte) 0x80;
        packet[1] = 96;
        return packet;
    }

    @BeforeEach
    void start() throws Exception {
        loop = new EpollEventLoopGroup(1);
        channel = new EpollServerSocketChannel();
        channel.config().setAutoRead(false);
        loop.register(channel).sync();
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync();
        port = channel.localAddress().getPort();
    }

    private void serve(TcpConnection.Limits limits) throws Exception {
        Logger logger = new Logger(Settings.fromArgs(new String[0]));
        server = onLoop(() -> new TcpServer(channel, listener, limits, logger));
    }

    @AfterEach
    void stop() throws Exception {
        onLoop(() -> {
            server.close();
            return null;
        });
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private <V> V onLoop(Callable<V> task) throws Exception {
        return loop.submit(task).get(10, TimeUnit.SECONDS);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        // A small window, so that the kernel holds little of what the peer does not read.
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static byte[] frame(byte... payload) {
        byte[] frame = new byte[2 + payload.length];
        frame[0] = (byte) (payload.length >> 8);
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 2, payload.length);
        return frame;
    }

    private static final byte[] REQUEST = frame(filled(20, (byte) 0));
    private static final byte[] AUTHENTICATE = frame((byte) 'A');

    /** Whether the server ended the connection: end of stream or a reset. */
    private static boolean closedByServer(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            while (in.read(new byte[65536]) >= 0) {
                // Drains what was sent before the close.
            }
            return true;
        } catch (SocketException reset) {
            return true;
        } catch (IOException timeout) {
            return false;
        }
    }

    private List<TcpConnection> connections() throws Exception {
        return onLoop(server::connections);
    }

    @Test
    void aPeerThatNeverReadsItsAnswersIsClosedPastTheHardBound() throws Exception {
        serve(LIMITS);
        onLoop(() -> answersPerFrame = 10);
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            // Each 22-byte request asks for 10 KB: 2 MB of requests ask for about 1 GB.
            int sent = 0;
            try {
                for (; sent < 100_000; sent++) {
                    out.write(REQUEST);
                }
            } catch (SocketException closedByServer) {
                // Expected: the server closed the connection while we wrote.
            }
            assertTrue(closedByServer(socket));
            long max = onLoop(() -> maxPendingBytes);
            assertTrue(max <= LIMITS.maxPendingBytes() + 2 + CONTROL.length, max + " bytes were pending");
            awaitClosed(1);
            assertFalse(onLoop(() -> closed.get(0).closedLocally()));
            assertTrue(sent < 100_000, "the connection outlived 100,000 requests");
        }
    }

    @Test
    void mediaToAPeerThatStopsReadingIsDroppedNotQueued() throws Exception {
        serve(LIMITS);
        onLoop(() -> {
            answer = MEDIA;
            answersPerFrame = 50;
            return null;
        });
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(AUTHENTICATE);
            // 200 requests for 50 packets each: 12 MB of media, without reading any of it.
            for (int i = 0; i < 200; i++) {
                out.write(REQUEST);
            }
            out.flush();
            TcpConnection connection = awaitDrops();
            long max = onLoop(() -> maxPendingBytes);
            assertTrue(max <= LIMITS.highWaterMark() + 2 + MEDIA.length, max + " bytes were pending");
            assertTrue(onLoop(() -> connection.pendingWriteBytes()) <= LIMITS.highWaterMark() + 2 + MEDIA.length);
            assertTrue(onLoop(closed::isEmpty) && connections().size() == 1, "the connection stays open");
            // What was queued is still delivered whole.
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] packet = new byte[2 + MEDIA.length];
            in.readFully(packet);
            assertEquals(0x80, packet[2] & 0xFF);
        }
    }

    /** The connection once the queue has been full long enough for media to be dropped. */
    private TcpConnection awaitDrops() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            List<TcpConnection> open = connections();
            if (!open.isEmpty() && onLoop(open.get(0)::droppedMediaPackets) > 0) {
                return open.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no media dropped");
    }

    @Test
    void aConnectionThatDoesNotAuthenticateInTimeIsClosed() throws Exception {
        serve(SHORT_TIMEOUTS);
        try (Socket socket = connect()) {
            socket.getOutputStream().write(REQUEST);
            assertTrue(closedByServer(socket));
        }
        awaitClosed(1);
    }

    @Test
    void anAuthenticatedConnectionLivesWhileItSendsAndIsClosedOnceIdle() throws Exception {
        serve(SHORT_TIMEOUTS);
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(AUTHENTICATE);
            // Past the authentication timeout and beyond one idle timeout, while sending.
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHORT_TIMEOUTS.idleTimeoutMs() * 3 / 2);
            while (System.nanoTime() < until) {
                out.write(AUTHENTICATE);
                Thread.sleep(50);
            }
            assertEquals(1, connections().size());
            assertTrue(closedByServer(socket));
        }
        awaitClosed(1);
    }

    @Test
    void aNewConnectionTakesThePlaceOfTheOldestUnauthenticatedOne() throws Exception {
        serve(LIMITS);
        List<Socket> sockets = new ArrayList<>();
        try {
            Socket legitimate = connect();
            sockets.add(legitimate);
            legitimate.getOutputStream().write(AUTHENTICATE);
            for (int i = 1; i < TcpServer.MAX_CONNECTIONS; i++) {
                sockets.add(connect());
            }
            awaitConnections(TcpServer.MAX_CONNECTIONS);
            awaitAuthenticated(1);
            Socket late = connect();
            sockets.add(late);
            // The oldest idle one (the second) made room; the authenticated first one stays.
            assertTrue(closedByServer(sockets.get(1)));
            late.getOutputStream().write(AUTHENTICATE);
            awaitConnections(TcpServer.MAX_CONNECTIONS);
            List<TcpConnection> open = connections();
            assertEquals(legitimate.getLocalPort(), open.get(0).remoteAddress().getPort());
            assertEquals(late.getLocalPort(), open.get(open.size() - 1).remoteAddress().getPort());
            assertTrue(onLoop(closed::isEmpty), "an evicted connection is closed locally, not reported");
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void aConnectionIsRefusedOnlyWhenAllAreAuthenticated() throws Exception {
        serve(LIMITS);
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < TcpServer.MAX_CONNECTIONS; i++) {
                Socket socket = connect();
                socket.getOutputStream().write(AUTHENTICATE);
                sockets.add(socket);
            }
            awaitAuthenticated(TcpServer.MAX_CONNECTIONS);
            Socket refused = connect();
            sockets.add(refused);
            assertTrue(closedByServer(refused));
            assertEquals(TcpServer.MAX_CONNECTIONS, connections().size());
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    /** The server hears of a close a little after the peer does. */
    private void awaitClosed(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (onLoop(closed::size) != count) {
            assertTrue(System.nanoTime() < deadline, onLoop(closed::size) + " connections closed");
            Thread.sleep(10);
        }
    }

    private void awaitConnections(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (connections().size() != count) {
            assertTrue(System.nanoTime() < deadline, connections().size() + " connections");
            Thread.sleep(10);
        }
    }

    private void awaitAuthenticated(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (onLoop(() -> server.connections().stream().filter(TcpConnection::isAuthenticated).count()) != count) {
            assertTrue(System.nanoTime() < deadline, "connections not authenticated");
            Thread.sleep(10);
        }
    }
}
