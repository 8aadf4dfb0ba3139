package io.jmediasoup.worker.net;

import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.Settings;
import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.unix.IntegerUnixChannelOption;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Binds the worker's media sockets on ports of its rtcMinPort..rtcMaxPort range, as the C++
 * PortManager does: from a random point of the range upwards, skipping the ports it holds and
 * those the system refuses (taken by another worker or program), until every port of the range
 * was tried. A port returns to the pool when its socket closes. Loop thread only.
 */
public final class PortManager {
    /** The socket kinds mediasoup binds. */
    public enum Protocol {
        UDP, TCP;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Linux's IPPROTO_IPV6 / IPV6_V6ONLY, which Netty has no named option for. */
    private static final IntegerUnixChannelOption IPV6_V6ONLY = new IntegerUnixChannelOption("IPV6_V6ONLY", 41, 26);
    private final EventLoop loop;
    private final Settings settings;
    /** Ports held, per protocol, IP and range, as offsets from the range's first port. */
    private final Map<String, BitSet> held = new HashMap<>();

    public PortManager(EventLoop loop, Settings settings) {
        this.loop = loop;
        this.settings = settings;
    }

    /** Binds a socket on a free port of the worker's range; throws when none is left or the IP refuses. */
    public Channel bind(Protocol protocol, String ip) {
        return bind(protocol, ip, SocketFlags.NONE);
    }

    /** Like {@link #bind(Protocol, String)}, the socket opened with {@code flags}. */
    public Channel bind(Protocol protocol, String ip, SocketFlags flags) {
        return bind(protocol, ip, settings.rtcMinPort(), settings.rtcMaxPort(), flags);
    }

    /**
     * Binds a socket on a free port of {@code minPort..maxPort} (a transport's own portRange);
     * each range keeps its own ports, as the C++ worker keys them by protocol, IP and range.
     * The socket is opened with {@code flags}.
     */
    public Channel bind(Protocol protocol, String ip, int minPort, int maxPort, SocketFlags flags) {
        if (maxPort < minPort) {
            throw new MediasoupTypeError("maxPort cannot be less than minPort");
        }
        int rangeSize = maxPort - minPort + 1;
        BitSet ports = held.computeIfAbsent(protocol + " " + ip + " " + minPort + "-" + maxPort,
                key -> new BitSet(rangeSize));
        int index = ThreadLocalRandom.current().nextInt(rangeSize);
        for (int attempt = 1; attempt <= rangeSize; attempt++) {
            index = (index + 1) % rangeSize;
            if (ports.get(index)) {
                continue;
            }
            int port = minPort + index;
            Channel channel;
            try {
                channel = open(protocol, ip, port, flags);
            } catch (BindFailure failure) {
                // A port taken by another worker or program is skipped; only a failure no other port can fix ends the search.
                String where = " [transport:" + protocol.label() + ", ip:'" + ip + "', port:" + port + ", attempt:"
                        + attempt + "/" + rangeSize + "]";
                if (failure.errno.value() == SocketErrno.EMFILE) {
                    throw new MediasoupError("port bind failed due to too many open files" + where);
                }
                if (failure.errno.value() == SocketErrno.EADDRNOTAVAIL) {
                    throw new MediasoupError("port bind failed due to address not available" + where);
                }
                continue;
            }
            int taken = index;
            ports.set(taken);
            channel.closeFuture().addListener(closed -> ports.clear(taken));
            return channel;
        }
        throw new NoMorePortsError(protocol, ip, rangeSize);
    }

    /** Binds a socket on exactly {@code port}, outside the range bookkeeping as the C++ worker does. */
    public Channel bind(Protocol protocol, String ip, int port) {
        return bind(protocol, ip, port, SocketFlags.NONE);
    }

    /** Like {@link #bind(Protocol, String, int)}, the socket opened with {@code flags}. */
    public Channel bind(Protocol protocol, String ip, int port, SocketFlags flags) {
        try {
            return open(protocol, ip, port, flags);
        } catch (BindFailure failure) {
            String where = " [transport:" + protocol.label() + ", ip:'" + ip + "', port:" + port;
            if (protocol == Protocol.UDP) {
                // The C++ worker's text lacks the closing bracket here.
                throw new MediasoupError("uv_udp_bind() failed" + where + ": " + failure.errno.text());
            }
            // libuv defers a TCP bind's EADDRINUSE to listen().
            String call = failure.errno.value() == SocketErrno.EADDRINUSE ? "uv_listen()" : "uv_tcp_bind()";
            throw new MediasoupError(call + " failed" + where + "]: " + failure.errno.text());
        }
    }

    /** A bound channel registered on the loop, not reading yet. */
    private Channel open(Protocol protocol, String ip, int port, SocketFlags flags) throws BindFailure {
        InetSocketAddress address = new InetSocketAddress(IpAddresses.parse(ip), port);
        InternetProtocolFamily family = address.getAddress() instanceof Inet6Address
                ? InternetProtocolFamily.IPv6 : InternetProtocolFamily.IPv4;
        Channel channel;
        try {
            channel = protocol == Protocol.UDP ? new EpollDatagramChannel(family) : new EpollServerSocketChannel(family);
        } catch (ChannelException e) {
            throw new BindFailure(SocketErrno.of(e));
        }
        channel.config().setAutoRead(false);
        if (flags.ipv6Only() && family == InternetProtocolFamily.IPv6) {
            channel.config().setOption(IPV6_V6ONLY, 1);
        }
        if (flags.udpReusePort() && protocol == Protocol.UDP) {
            channel.config().setOption(ChannelOption.SO_REUSEADDR, true);
        }
        if (protocol == Protocol.TCP) {
            // As libuv does for TCP: a port whose last connection lingers in TIME_WAIT can listen again.
            channel.config().setOption(ChannelOption.SO_REUSEADDR, true);
        }
        // On the loop thread, registration and bind complete before these calls return.
        ChannelFuture registered = loop.register(channel);
        ChannelFuture bound = registered.isSuccess() ? channel.bind(address) : registered;
        if (!bound.isDone()) {
            throw new IllegalStateException("bind must run on the worker's event loop");
        }
        if (bound.isSuccess()) {
            return channel;
        }
        channel.close();
        throw new BindFailure(SocketErrno.of(bound.cause()));
    }

    /** Why a socket could not be bound on one port. */
    private static final class BindFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient SocketErrno errno;

        BindFailure(SocketErrno errno) {
            super(errno.text(), null, false, false);
            this.errno = errno;
        }
    }
}
