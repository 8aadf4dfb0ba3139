package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.worker.Settings;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.InternetProtocolFamily;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Binds the worker's media sockets on ports of its rtcMinPort..rtcMaxPort range, as the C++
 * PortManager does: from a random point of the range upwards, skipping the ports it holds and
 * those the system refuses. A port returns to the pool when its socket closes. Loop thread only.
 */
public final class PortManager {
    /** The socket kinds mediasoup binds. */
    public enum Protocol {
        UDP, TCP;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final EventLoop loop;
    private final Settings settings;
    /** Ports held, per protocol and IP, as offsets from rtcMinPort. */
    private final Map<String, BitSet> held = new HashMap<>();

    public PortManager(EventLoop loop, Settings settings) {
        this.loop = loop;
        this.settings = settings;
    }

    /** Binds a socket on a free port of the range; throws when none is left or the IP refuses. */
    public Channel bind(Protocol protocol, String ip) {
        int rangeSize = settings.rtcMaxPort() - settings.rtcMinPort() + 1;
        BitSet ports = held.computeIfAbsent(protocol + " " + ip, key -> new BitSet(rangeSize));
        int index = ThreadLocalRandom.current().nextInt(rangeSize);
        for (int attempt = 0; attempt < rangeSize; attempt++) {
            index = (index + 1) % rangeSize;
            if (ports.get(index)) {
                continue;
            }
            int port = settings.rtcMinPort() + index;
            Channel channel = tryBind(protocol, ip, port);
            if (channel != null) {
                int taken = index;
                ports.set(taken);
                channel.closeFuture().addListener(closed -> ports.clear(taken));
                return channel;
            }
        }
        throw new MediasoupError("no more available ports [transport:" + protocol.label() + ", ip:'" + ip
                + "', numAttempt:" + rangeSize + "]");
    }

    /** Binds a socket on exactly {@code port}, outside the range bookkeeping as the C++ worker does. */
    public Channel bind(Protocol protocol, String ip, int port) {
        Channel channel = tryBind(protocol, ip, port);
        if (channel == null) {
            throw new MediasoupError("port in use [transport:" + protocol.label() + ", ip:'" + ip + "', port:" + port + "]");
        }
        return channel;
    }

    /** The bound channel, or null when the port is in use; throws for any other bind failure. */
    private Channel tryBind(Protocol protocol, String ip, int port) {
        InetSocketAddress address = new InetSocketAddress(IpAddresses.parse(ip), port);
        InternetProtocolFamily family = address.getAddress() instanceof java.net.Inet6Address
                ? InternetProtocolFamily.IPv6 : InternetProtocolFamily.IPv4;
        Supplier<Channel> factory = protocol == Protocol.UDP
                ? () -> new EpollDatagramChannel(family)
                : () -> new EpollServerSocketChannel(family);
        Channel channel = factory.get();
        channel.config().setAutoRead(false);
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
        Throwable cause = bound.cause();
        if (cause instanceof BindException && String.valueOf(cause.getMessage()).contains("in use")) {
            return null;
        }
        throw new MediasoupError(protocol.label() + " bind() failed [ip:'" + ip + "', port:" + port + "]: "
                + cause.getMessage());
    }
}
