package io.jmediasoup.worker.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.worker.Settings;
import io.jmediasoup.worker.net.PortManager.Protocol;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real sockets on loopback, on a small range of free ports below the kernel's ephemeral ones:
 * ports held by this process, by another program and by a second worker (another PortManager
 * on its own loop) are skipped, and the range runs out only when every port of it is taken.
 */
class PortManagerTest {
    private static final int RANGE_SIZE = 12;
    private static final String LOOPBACK = "127.0.0.1";

    private static EventLoopGroup group;
    private static EventLoop loop;
    private static EventLoop otherWorkerLoop;

    private int minPort;
    private PortManager ports;
    private PortManager otherWorkerPorts;
    private final List<Channel> channels = new ArrayList<>();
    private final List<Closeable> held = new ArrayList<>();

    @BeforeAll
    static void startLoops() {
        group = new MultiThreadIoEventLoopGroup(2, EpollIoHandler.newFactory());
        loop = group.next();
        otherWorkerLoop = group.next();
    }

    @AfterAll
    static void stopLoops() {
        group.shutdownGracefully().syncUninterruptibly();
    }

    @BeforeEach
    void pickFreeRange() throws Exception {
        minPort = freeRange();
        Settings settings = Settings.fromArgs(new String[] {
            "--rtcMinPort=" + minPort, "--rtcMaxPort=" + (minPort + RANGE_SIZE - 1)});
        ports = new PortManager(loop, settings);
        otherWorkerPorts = new PortManager(otherWorkerLoop, settings);
    }

    @AfterEach
    void release() throws Exception {
        for (Channel channel : channels) {
            channel.close().syncUninterruptibly();
        }
        for (Closeable socket : held) {
            socket.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void skipsPortsTakenElsewhereUntilTheRangeIsFull(Protocol protocol) throws Exception {
        List<Integer> range = IntStream.range(minPort, minPort + RANGE_SIZE).boxed().toList();
        Set<Integer> takenElsewhere = new HashSet<>();
        for (int port : range.subList(0, 3)) {
            held.add(holdHere(protocol, port));
            takenElsewhere.add(port);
        }
        PortHolder otherProgram = PortHolder.start(protocol, range.subList(3, 6));
        held.add(() -> {
            try {
                otherProgram.close();
            } catch (Exception e) {
                throw new IOException(e);
            }
        });
        takenElsewhere.addAll(range.subList(3, 6));
        for (int i = 0; i < 2; i++) {
            takenElsewhere.add(port(onLoop(otherWorkerLoop, () -> otherWorkerPorts.bind(protocol, LOOPBACK))));
        }

        Set<Integer> bound = new HashSet<>();
        MediasoupError exhausted = null;
        while (exhausted == null && bound.size() <= RANGE_SIZE) {
            try {
                int port = port(onLoop(loop, () -> ports.bind(protocol, LOOPBACK)));
                assertTrue(range.contains(port), "port " + port + " outside the range");
                assertFalse(takenElsewhere.contains(port), "port " + port + " is taken elsewhere");
                assertTrue(bound.add(port), "port " + port + " given twice");
            } catch (MediasoupError e) {
                exhausted = e;
            }
        }
        assertEquals("no more available ports [transport:" + protocol.label() + ", ip:'127.0.0.1', numAttempt:"
                + RANGE_SIZE + "]", exhausted == null ? "none" : exhausted.getMessage());
        assertEquals("no more available ports [protocol:" + protocol.label() + ", ip:'127.0.0.1', numAttempt:"
                + RANGE_SIZE + "]", ((NoMorePortsError) exhausted).reasonIn332());
        // Given up only once nothing of the range was left to anyone.
        for (int port : range) {
            assertFalse(isFree(protocol, port), "port " + port + " was free when the range ran out");
        }

        otherProgram.close();
        int freed = port(onLoop(loop, () -> ports.bind(protocol, LOOPBACK)));
        assertTrue(range.subList(3, 6).contains(freed), "port " + freed + " is not one the other program freed");
    }

    static List<Arguments> failures() {
        return List.of(
                Arguments.of(Protocol.UDP, "uv_udp_bind() failed [transport:udp, ip:'127.0.0.1', port:%d: address already in use"),
                Arguments.of(Protocol.TCP, "uv_listen() failed [transport:tcp, ip:'127.0.0.1', port:%d]: address already in use"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void aFixedPortInUseFailsWithTheCppWorkersText(Protocol protocol, String expected) throws Exception {
        held.add(holdHere(protocol, minPort));
        MediasoupError error = assertThrows(MediasoupError.class, () -> onLoop(loop, () -> ports.bind(protocol, LOOPBACK, minPort)));
        assertEquals(String.format(expected, minPort), error.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void anAddressNotOfThisHostEndsTheSearchAtOnce(Protocol protocol) {
        // 192.0.2.0/24 is TEST-NET-1: never a local address.
        MediasoupError error = assertThrows(MediasoupError.class, () -> onLoop(loop, () -> ports.bind(protocol, "192.0.2.1")));
        assertTrue(error.getMessage().matches("port bind failed due to address not available \\[transport:"
                + protocol.label() + ", ip:'192\\.0\\.2\\.1', port:\\d+, attempt:1/" + RANGE_SIZE + "]"), error.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void aTransportsOwnPortRangeIsUsedAndAnInvertedOneRefused(Protocol protocol) throws Exception {
        int port = port(onLoop(loop, () -> ports.bind(protocol, LOOPBACK, minPort + 4, minPort + 5, SocketFlags.NONE)));
        assertTrue(port == minPort + 4 || port == minPort + 5, "port " + port + " outside the transport's range");
        MediasoupError error = assertThrows(MediasoupError.class,
                () -> onLoop(loop, () -> ports.bind(protocol, LOOPBACK, minPort + 5, minPort + 4, SocketFlags.NONE)));
        assertEquals("maxPort cannot be less than minPort", error.getMessage());
    }

    @Test
    void udpSocketsThatReuseThePortShareItAndOthersCannot() throws Exception {
        SocketFlags reuse = new SocketFlags(false, true);
        onLoop(loop, () -> ports.bind(Protocol.UDP, LOOPBACK, minPort, reuse));
        onLoop(loop, () -> ports.bind(Protocol.UDP, LOOPBACK, minPort, reuse));
        assertThrows(MediasoupError.class,
                () -> onLoop(loop, () -> ports.bind(Protocol.UDP, LOOPBACK, minPort, SocketFlags.NONE)));
    }

    /** As libuv's UV_UDP_REUSEADDR on Linux: SO_REUSEADDR, which a C++ worker's socket on the port also has. */
    @Test
    void udpReusePortIsSoReuseaddrAsLibuvSetsItOnLinux() throws Exception {
        Channel channel = onLoop(loop, () -> ports.bind(Protocol.UDP, LOOPBACK, minPort, new SocketFlags(false, true)));
        assertEquals(true, channel.config().getOption(io.netty.channel.ChannelOption.SO_REUSEADDR));
        try (java.net.DatagramSocket sharing = new DatagramSocket(null)) {
            sharing.setReuseAddress(true);
            sharing.bind(new InetSocketAddress(LOOPBACK, minPort));
        }
    }

    /** The flag is ignored on TCP, as the C++ worker ignores it. */
    @Test
    void udpReusePortDoesNotShareATcpPort() throws Exception {
        SocketFlags reuse = new SocketFlags(false, true);
        onLoop(loop, () -> ports.bind(Protocol.TCP, LOOPBACK, minPort, reuse));
        assertThrows(MediasoupError.class, () -> onLoop(loop, () -> ports.bind(Protocol.TCP, LOOPBACK, minPort, reuse)));
    }

    /**
     * An IPv6 wildcard socket with ipv6Only leaves the port free on IPv4; without it, it takes
     * the port on both. Ignored on an IPv4 socket, as the C++ worker ignores it.
     */
    @ParameterizedTest
    @EnumSource(Protocol.class)
    void ipv6OnlyLeavesThePortToIpv4(Protocol protocol) throws Exception {
        onLoop(loop, () -> ports.bind(protocol, "::", minPort, new SocketFlags(true, false)));
        onLoop(loop, () -> ports.bind(protocol, "0.0.0.0", minPort, new SocketFlags(true, false)));
        onLoop(loop, () -> ports.bind(protocol, "::", minPort + 1, SocketFlags.NONE));
        assertThrows(MediasoupError.class,
                () -> onLoop(loop, () -> ports.bind(protocol, "0.0.0.0", minPort + 1, SocketFlags.NONE)));
    }

    private Channel onLoop(EventLoop on, Callable<Channel> bind) throws Exception {
        try {
            Channel channel = on.submit(bind).get();
            channels.add(channel);
            return channel;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof MediasoupError error) {
                throw error;
            }
            throw e;
        }
    }

    private static int port(Channel channel) {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    private static Closeable holdHere(Protocol protocol, int port) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        if (protocol == Protocol.UDP) {
            return new DatagramSocket(address);
        }
        ServerSocket server = new ServerSocket();
        server.bind(address);
        return server;
    }

    private static boolean isFree(Protocol protocol, int port) {
        try (Closeable probe = holdHere(protocol, port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first port of RANGE_SIZE consecutive ones free for UDP and TCP, below the ephemeral range. */
    private static int freeRange() {
        for (int tries = 0; tries < 100; tries++) {
            int first = ThreadLocalRandom.current().nextInt(20000, 30000 - RANGE_SIZE);
            boolean free = IntStream.range(first, first + RANGE_SIZE)
                    .allMatch(port -> isFree(Protocol.UDP, port) && isFree(Protocol.TCP, port));
            if (free) {
                return first;
            }
        }
        throw new IllegalStateException("no free range of " + RANGE_SIZE + " ports");
    }
}
