package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.rtp.stun.StunPacket;
import io.jmediasoup.worker.LogTag;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.TransportListenInfo;
import io.jmediasoup.worker.messages.WebRtcServerRequest;
import io.jmediasoup.worker.net.PortManager.Protocol;
import io.jmediasoup.worker.net.TcpConnection;
import io.jmediasoup.worker.net.TcpServer;
import io.jmediasoup.worker.net.UdpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.NetUtil;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * mediasoup 3.32's WebRtcServer: UDP sockets and TCP servers that many WebRtcTransports share.
 * A packet goes to the transport whose valid ICE tuple it came on; a STUN request from a new
 * tuple goes to the transport whose local username fragment its USERNAME names. Closing the
 * server closes its transports.
 */
public final class WebRtcServer implements ChannelHandler, UdpSocket.Listener, TcpConnection.Listener {
    private static final int ICE_LOCAL_PREFERENCE = 10_000;

    /** One listen info and what it opened: a UDP socket or a TCP server. */
    private record Listen(TransportListenInfo info, UdpSocket udpSocket, TcpServer tcpServer) {
        InetSocketAddress localAddress() {
            return udpSocket != null ? udpSocket.localAddress() : tcpServer.localAddress();
        }
    }

    /** What the server answers WEBRTCSERVER_DUMP with. */
    public record Dump(String id, List<IpPort> udpSockets, List<IpPort> tcpServers, List<String> webRtcTransportIds,
            Map<String, String> webRtcTransportIdsByLocalIceUsernameFragment) implements ChannelResponse {}

    public record IpPort(String ip, int port) {}

    private final String id;
    private final Shared shared;
    private final List<Listen> listens = new ArrayList<>();
    private final Set<WebRtcTransport> transports = new LinkedHashSet<>();
    private final Map<String, WebRtcTransport> transportsByUsernameFragment = new LinkedHashMap<>();
    /** Per socket, the transport of each remote address with a valid tuple: found without allocating. */
    private final Map<UdpSocket, Map<InetSocketAddress, WebRtcTransport>> udpTuples = new IdentityHashMap<>();
    private final Map<TcpConnection, WebRtcTransport> tcpTuples = new IdentityHashMap<>();
    /** Reused to read the USERNAME of a STUN request from a new tuple. */
    private final StunPacket stunPacket = new StunPacket();
    private boolean closed;

    /** Opens a socket or server per listen info; throws (with nothing left open) when one cannot be. */
    public WebRtcServer(String id, Shared shared, List<TransportListenInfo> listenInfos) {
        if (listenInfos.isEmpty()) {
            throw new MediasoupTypeError("wrong listenInfos (empty array)");
        }
        this.id = id;
        this.shared = shared;
        try {
            for (TransportListenInfo info : listenInfos) {
                Channel channel = ListenSockets.bind(shared.portManager(), info);
                if (info.protocol() == Protocol.UDP) {
                    listens.add(new Listen(info, new UdpSocket(channel, this, shared.udpSendBatch()), null));
                } else {
                    listens.add(new Listen(info, null,
                            new TcpServer(channel, this, TcpConnection.Limits.DEFAULT, shared.logger())));
                }
            }
        } catch (RuntimeException failed) {
            closeSockets();
            throw failed;
        }
    }

    public String id() {
        return id;
    }

    @Override
    public ChannelResponse handle(ChannelRequest request) {
        if (request instanceof WebRtcServerRequest.Dump) {
            return dump();
        }
        throw ChannelHandler.unknownMethod(request);
    }

    private Dump dump() {
        List<IpPort> udp = new ArrayList<>();
        List<IpPort> tcp = new ArrayList<>();
        for (Listen listen : listens) {
            InetSocketAddress local = listen.localAddress();
            IpPort ipPort = new IpPort(NetUtil.toAddressString(local.getAddress()), local.getPort());
            (listen.udpSocket() != null ? udp : tcp).add(ipPort);
        }
        Map<String, String> byFragment = new LinkedHashMap<>();
        transportsByUsernameFragment.forEach((fragment, transport) -> byFragment.put(fragment, transport.id()));
        return new Dump(id, udp, tcp, transports.stream().map(Transport::id).toList(), byFragment);
    }

    /**
     * The host candidates a transport of this server offers, as the C++ worker orders them:
     * each listen info 100 below the one before, 1000 above for the preferred protocol, and
     * the socket's own IP 1000 below an announced address when exposeInternalIp.
     */
    List<IceCandidate> iceCandidates(boolean enableUdp, boolean enableTcp, boolean preferUdp, boolean preferTcp) {
        List<IceCandidate> candidates = new ArrayList<>();
        int decrement = 0;
        for (Listen listen : listens) {
            boolean udp = listen.udpSocket() != null;
            if (udp ? enableUdp : enableTcp) {
                int localPreference = ICE_LOCAL_PREFERENCE - decrement + ((udp ? preferUdp : preferTcp) ? 1000 : 0);
                long priority = IceCandidate.priority(localPreference);
                int port = listen.localAddress().getPort();
                TransportListenInfo info = listen.info();
                candidates.add(new IceCandidate(info.protocol(), priority, info.announced(), port));
                if (info.exposeInternalIp() && !info.announced().equals(info.ip())) {
                    candidates.add(new IceCandidate(info.protocol(), priority - 1000, info.ip(), port));
                }
            }
            decrement += 100;
        }
        return candidates;
    }

    void addTransport(WebRtcTransport transport) {
        transports.add(transport);
    }

    /** The transport closed: its username fragments and tuples go with it. */
    void removeTransport(WebRtcTransport transport) {
        if (closed) {
            return;
        }
        transports.remove(transport);
        transportsByUsernameFragment.values().removeIf(owner -> owner == transport);
        udpTuples.values().forEach(tuples -> tuples.values().removeIf(owner -> owner == transport));
        tcpTuples.values().removeIf(owner -> owner == transport);
    }

    void addUsernameFragment(String usernameFragment, WebRtcTransport transport) {
        transportsByUsernameFragment.put(usernameFragment, transport);
    }

    void removeUsernameFragment(String usernameFragment) {
        transportsByUsernameFragment.remove(usernameFragment);
    }

    /** A tuple the transport's ICE validated: its packets go there. The first transport to claim a tuple keeps it. */
    void addTuple(IceTuple tuple, WebRtcTransport transport) {
        if (tuple instanceof UdpTuple udp) {
            udpTuples.computeIfAbsent(udp.socket(), socket -> new HashMap<>()).putIfAbsent(udp.remoteAddress(), transport);
        } else if (tuple instanceof TcpTuple tcp) {
            tcpTuples.putIfAbsent(tcp.connection(), transport);
        }
    }

    void removeTuple(IceTuple tuple) {
        if (tuple instanceof UdpTuple udp) {
            Map<InetSocketAddress, WebRtcTransport> tuples = udpTuples.get(udp.socket());
            if (tuples != null) {
                tuples.remove(udp.remoteAddress());
            }
        } else if (tuple instanceof TcpTuple tcp) {
            tcpTuples.remove(tcp.connection());
        }
    }

    @Override
    public void onUdpPacket(UdpSocket socket, ByteBuf data, InetSocketAddress remote) {
        Map<InetSocketAddress, WebRtcTransport> tuples = udpTuples.get(socket);
        WebRtcTransport transport = tuples != null ? tuples.get(remote) : null;
        if (transport == null) {
            transport = transportOfStunRequest(data);
        }
        if (transport != null) {
            transport.onUdpPacket(socket, data, remote);
        }
    }

    @Override
    public void onTcpConnectionPacket(TcpConnection connection, ByteBuf packet) {
        WebRtcTransport transport = tcpTuples.get(connection);
        if (transport == null) {
            transport = transportOfStunRequest(packet);
        }
        if (transport != null) {
            transport.onTcpConnectionPacket(connection, packet);
        }
    }

    @Override
    public void onTcpConnectionClosed(TcpConnection connection) {
        WebRtcTransport transport = tcpTuples.remove(connection);
        if (transport != null) {
            transport.onTcpConnectionClosed(connection);
        }
    }

    /**
     * The transport a STUN message from an unknown tuple is for: the one whose local username
     * fragment is the part of USERNAME before the colon (all of it without one), as the C++
     * worker splits it. Anything else from an unknown tuple is dropped.
     */
    private WebRtcTransport transportOfStunRequest(ByteBuf data) {
        if (!StunPacket.isStun(data)) {
            shared.logger().debug(LogTag.ICE, "WebRtcServer", "ignoring received non STUN data from unknown tuple");
            return null;
        }
        if (!stunPacket.parse(data) || !stunPacket.hasUsername()) {
            shared.logger().debug(LogTag.ICE, "WebRtcServer", "ignoring wrong STUN packet received");
            return null;
        }
        String username = stunPacket.username();
        int colon = username.indexOf(':');
        WebRtcTransport transport = transportsByUsernameFragment.get(colon < 0 ? username : username.substring(0, colon));
        if (transport == null) {
            shared.logger().warn(LogTag.ICE, "WebRtcServer",
                    "ignoring received STUN packet with unknown remote ICE usernameFragment");
        }
        return transport;
    }

    /** Closes its transports (as their listen server closed), then its sockets; idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        // Transports go first: their DTLS close alerts leave through these sockets.
        for (WebRtcTransport transport : List.copyOf(transports)) {
            transport.listenServerClosed();
        }
        closed = true;
        transports.clear();
        transportsByUsernameFragment.clear();
        udpTuples.clear();
        tcpTuples.clear();
        closeSockets();
        shared.handlers().unregister(id);
    }

    private void closeSockets() {
        for (Listen listen : listens) {
            if (listen.udpSocket() != null) {
                listen.udpSocket().close();
            } else {
                listen.tcpServer().close();
            }
        }
        listens.clear();
    }
}
