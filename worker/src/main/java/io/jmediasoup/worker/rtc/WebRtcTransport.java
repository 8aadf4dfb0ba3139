package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.rtp.PacketDemux;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.dtls.DtlsFingerprint;
import io.jmediasoup.rtp.dtls.DtlsRole;
import io.jmediasoup.rtp.dtls.DtlsState;
import io.jmediasoup.rtp.dtls.DtlsTransport;
import io.jmediasoup.rtp.dtls.SrtpKeys;
import io.jmediasoup.rtp.ice.IceServer;
import io.jmediasoup.rtp.ice.IceState;
import io.jmediasoup.rtp.stun.StunPacket;
import io.jmediasoup.worker.LogTag;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.TransportAnswer;
import io.jmediasoup.worker.messages.TransportDump;
import io.jmediasoup.worker.messages.TransportEvent;
import io.jmediasoup.worker.messages.TransportListenInfo;
import io.jmediasoup.worker.messages.TransportOptions;
import io.jmediasoup.worker.messages.TransportRequest;
import io.jmediasoup.worker.messages.TransportStats;
import io.jmediasoup.worker.net.PortManager.Protocol;
import io.jmediasoup.worker.net.TcpConnection;
import io.jmediasoup.worker.net.TcpServer;
import io.jmediasoup.worker.net.UdpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A transport for browsers: ICE-lite host candidates on UDP sockets and passive TCP servers,
 * DTLS for keys, SRTP for media. STUN goes to the {@link IceServer}, which validates and
 * selects the tuples; DTLS records from a valid tuple go to the {@link DtlsTransport}, which
 * runs once ICE is connected and connect() gave the remote fingerprint; SRTP and SRTCP are
 * unprotected with the keys DTLS exported, and everything leaves on the selected tuple.
 * The transport is connected (consumers forward) while ICE is connected or completed and
 * DTLS is connected, as in the C++ worker.
 */
final class WebRtcTransport extends Transport
        implements UdpSocket.Listener, TcpConnection.Listener, IceServer.Listener<IceTuple>, DtlsTransport.Listener {
    private static final int ICE_PASSWORD_LENGTH = 32;
    private final List<UdpSocket> udpSockets = new ArrayList<>();
    private final List<TcpServer> tcpServers = new ArrayList<>();
    private final List<IceCandidate> iceCandidates = new ArrayList<>();
    private final IceServer<IceTuple> iceServer;
    /** The length of the random username fragments, as the era's worker makes them. */
    private final int usernameFragmentLength;
    /** Fires at the ICE consent deadline (RFC 7675). */
    private final DeadlineTimer consentTimer;
    /** Reused for every STUN message: the event loop handles one packet at a time. */
    private final StunPacket stunPacket;
    private boolean socketsClosed;
    private final List<DtlsFingerprint> localFingerprints;
    private final DtlsTransport dtlsTransport;
    /** "auto" until connect(), then the role opposite to the remote's ("client" for a remote "auto"). */
    private String dtlsRole = "auto";
    private DtlsFingerprint remoteFingerprint;
    private boolean connectCalled;
    /** The WebRtcServer whose sockets it uses, or null when it has its own. */
    private final WebRtcServer server;
    /** Its local username fragments the server routes by: the current one and, after a restart, the previous. */
    private final List<String> serverUsernameFragments = new ArrayList<>(2);

    WebRtcTransport(String id, Shared shared, Listener listener, TransportOptions.WebRtc options) {
        super(id, shared, listener, options.base());
        usernameFragmentLength = options.ice().usernameFragmentLength();
        iceServer = iceServer(options.ice());
        stunPacket = new StunPacket(options.ice().renomination());
        consentTimer = new DeadlineTimer(shared, this::checkIceConsent);
        shared.prepareSrtpEngine();
        localFingerprints = shared.dtlsCertificate().fingerprints();
        dtlsTransport = new DtlsTransport(shared.dtlsCertificate(), shared.loop(), this);
        server = null;
        try {
            for (TransportOptions.IceListen listen : options.listens()) {
                addCandidate(listen.listenInfo(), listen.iceLocalPreference());
            }
        } catch (RuntimeException failed) {
            closeSockets();
            throw failed;
        }
    }

    /** On the sockets of {@code server}, offering its candidates for the protocols the options enable. */
    WebRtcTransport(String id, Shared shared, Listener listener, TransportOptions.WebRtcWithServer options,
            WebRtcServer server) {
        super(id, shared, listener, options.base());
        usernameFragmentLength = options.ice().usernameFragmentLength();
        iceServer = iceServer(options.ice());
        stunPacket = new StunPacket(options.ice().renomination());
        consentTimer = new DeadlineTimer(shared, this::checkIceConsent);
        shared.prepareSrtpEngine();
        iceCandidates.addAll(server.iceCandidates(options.enableUdp(), options.enableTcp(), options.preferUdp(),
                options.preferTcp()));
        if (iceCandidates.isEmpty()) {
            throw new MediasoupTypeError("empty iceCandidates");
        }
        localFingerprints = shared.dtlsCertificate().fingerprints();
        dtlsTransport = new DtlsTransport(shared.dtlsCertificate(), shared.loop(), this);
        this.server = server;
        server.addTransport(this);
        addServerUsernameFragment();
    }

    private IceServer<IceTuple> iceServer(TransportOptions.Ice ice) {
        IceServer<IceTuple> agent = new IceServer<>(this, PooledByteBufAllocator.DEFAULT,
                RandomStrings.of(ice.usernameFragmentLength()), RandomStrings.of(ICE_PASSWORD_LENGTH),
                new IceServer.Options(ice.renomination(), ice.consentTimeoutSeconds()), shared::nowMs);
        if (shared.stunReasonPhrases()) {
            agent.sendReasonPhrases();
        }
        return agent;
    }

    /** The consent timer fired (maybe early, the deadline having moved): the agent decides, and the timer follows. */
    private void checkIceConsent() {
        iceServer.checkConsent();
        armConsentTimer();
    }

    private void armConsentTimer() {
        consentTimer.armAt(iceServer.consentDeadlineMs());
    }

    /** Routes the current username fragment here; after a restart the one before the previous goes. */
    private void addServerUsernameFragment() {
        if (serverUsernameFragments.size() == 2) {
            server.removeUsernameFragment(serverUsernameFragments.remove(0));
        }
        serverUsernameFragments.add(iceServer.usernameFragment());
        server.addUsernameFragment(iceServer.usernameFragment(), this);
    }

    /**
     * A socket and its host candidate; with an announced address and exposeInternalIp, a
     * second candidate of the socket's own IP, 1000 below, as the C++ worker adds.
     */
    private void addCandidate(TransportListenInfo listenInfo, int localPreference) {
        Channel channel = ListenSockets.bind(shared.portManager(), listenInfo);
        int boundPort;
        if (listenInfo.protocol() == Protocol.UDP) {
            UdpSocket socket = new UdpSocket(channel, this, shared.udpSendBatch());
            udpSockets.add(socket);
            boundPort = socket.localAddress().getPort();
        } else {
            TcpServer server = new TcpServer(channel, this, TcpConnection.Limits.DEFAULT, shared.logger());
            tcpServers.add(server);
            boundPort = server.localAddress().getPort();
        }
        long priority = IceCandidate.priority(localPreference);
        iceCandidates.add(new IceCandidate(listenInfo.protocol(), priority, listenInfo.announced(), boundPort));
        if (listenInfo.exposeInternalIp() && !listenInfo.announced().equals(listenInfo.ip())) {
            iceCandidates.add(new IceCandidate(listenInfo.protocol(), priority - 1000, listenInfo.ip(), boundPort));
        }
    }

    /** The first UDP socket (in-process fixtures hand it datagrams as the event loop would); null without UDP. */
    UdpSocket udpSocket() {
        return udpSockets.isEmpty() ? null : udpSockets.get(0);
    }

    @Override
    protected ChannelResponse handleKindRequest(ChannelRequest request) {
        if (request instanceof TransportRequest.ConnectWebRtc connect) {
            return connect(connect);
        }
        if (request instanceof TransportRequest.ConnectUdp) {
            throw new MediasoupTypeError("missing dtlsParameters");
        }
        if (request instanceof TransportRequest.RestartIce) {
            iceServer.restart(RandomStrings.of(usernameFragmentLength), RandomStrings.of(ICE_PASSWORD_LENGTH));
            armConsentTimer();
            if (server != null) {
                addServerUsernameFragment();
            }
            return new TransportAnswer.IceRestarted(iceServer.usernameFragment(), iceServer.password());
        }
        return super.handleKindRequest(request);
    }

    /** Takes the role opposite to the remote's ("client" for a remote "auto": ICE-lite is controlled). */
    private TransportAnswer connect(TransportRequest.ConnectWebRtc connect) {
        if (connectCalled) {
            throw new MediasoupError("connect() already called");
        }
        dtlsRole = connect.role().equals("client") ? "server" : "client";
        remoteFingerprint = connect.fingerprint();
        connectCalled = true;
        // DTLS may start at once: after the answer, as the C++ worker sends it first.
        shared.loop().execute(this::mayRunDtlsTransport);
        return new TransportAnswer.WebRtc(dtlsRole);
    }

    /**
     * Starts DTLS once ICE has a path and connect() gave the remote fingerprint. The C++ worker
     * may start as server before connect() when its role is still "auto"; ours waits for the
     * fingerprint it must check, and the peer's retransmissions bridge the wait.
     */
    private void mayRunDtlsTransport() {
        if (!connectCalled || !iceHasPath() || dtlsTransport.state() != DtlsState.NEW) {
            return;
        }
        DtlsRole role = dtlsRole.equals("client") ? DtlsRole.CLIENT : DtlsRole.SERVER;
        shared.logger().debug(LogTag.DTLS, "WebRtcTransport", "running DTLS transport in local role '" + dtlsRole + "'");
        dtlsTransport.run(role, remoteFingerprint);
    }

    private boolean iceHasPath() {
        IceState state = iceServer.state();
        return state == IceState.CONNECTED || state == IceState.COMPLETED;
    }

    /** Media can flow: ICE has a path and DTLS gave the SRTP keys. */
    private boolean mediaReady() {
        return iceHasPath() && dtlsTransport.state() == DtlsState.CONNECTED && srtp != null;
    }

    @Override
    protected TransportDump.Kind kindDump() {
        return new TransportDump.WebRtc(iceServer.usernameFragment(), iceServer.password(), List.copyOf(iceCandidates),
                iceServer.state().label(), selectedTuple(), localFingerprints, dtlsRole, dtlsTransport.state().value());
    }

    @Override
    protected TransportStats.Kind kindStats() {
        return new TransportStats.WebRtc(iceServer.state().label(), selectedTuple(), dtlsTransport.state().value());
    }

    /** The tuple ICE selected, or null. */
    private TransportTuple selectedTuple() {
        return iceServer.selectedTuple() != null ? iceServer.selectedTuple().toTransportTuple() : null;
    }

    @Override
    protected void sendRtpPacket(Consumer consumer, RtpPacket packet) {
        if (!mediaReady()) {
            return;
        }
        ByteBuf wire = srtp.protectRtp(packet.buffer());
        if (wire != null) {
            sendToSelectedTuple(wire);
        }
    }

    @Override
    protected void sendRtcpPacket(ByteBuf packet) {
        if (!mediaReady()) {
            return;
        }
        ByteBuf wire = srtp.protectRtcp(packet);
        if (wire != null) {
            sendToSelectedTuple(wire);
        }
    }

    @Override
    public void onUdpPacket(UdpSocket socket, ByteBuf data, InetSocketAddress sender) {
        dataReceived(data.readableBytes());
        if (StunPacket.isStun(data)) {
            onStunData(new UdpTuple(socket, sender), data);
            return;
        }
        onNonStunData(validUdpTuple(socket, sender), data);
    }

    /** The valid tuple of a datagram, found without allocating: the selected one first. */
    private IceTuple validUdpTuple(UdpSocket socket, InetSocketAddress sender) {
        if (iceServer.selectedTuple() instanceof UdpTuple selected && selected.matches(socket, sender)) {
            return selected;
        }
        List<IceTuple> tuples = iceServer.tuples();
        for (int i = 0; i < tuples.size(); i++) {
            if (tuples.get(i) instanceof UdpTuple tuple && tuple.matches(socket, sender)) {
                return tuple;
            }
        }
        return null;
    }

    @Override
    public void onTcpConnectionPacket(TcpConnection connection, ByteBuf packet) {
        dataReceived(packet.readableBytes());
        TcpTuple tuple = new TcpTuple(connection);
        if (StunPacket.isStun(packet)) {
            onStunData(tuple, packet);
        } else {
            onNonStunData(iceServer.isValidTuple(tuple) ? tuple : null, packet);
        }
    }

    @Override
    public void onTcpConnectionClosed(TcpConnection connection) {
        if (!socketsClosed) {
            TcpTuple tuple = new TcpTuple(connection);
            iceServer.removeTuple(tuple);
            armConsentTimer();
            if (server != null) {
                server.removeTuple(tuple);
            }
        }
    }

    private void onStunData(IceTuple tuple, ByteBuf data) {
        if (!stunPacket.parse(data)) {
            // A development-only warning in the C++ worker: silent at every release log level.
            shared.logger().debug(LogTag.ICE, "WebRtcTransport", "ignoring wrong STUN packet received");
            return;
        }
        iceServer.processStunPacket(stunPacket, tuple);
        armConsentTimer();
    }

    /**
     * RFC 7983 demultiplexing of what is not STUN, in the C++ worker's order; only what comes
     * on a valid tuple goes further ({@code tuple} is null for any other).
     */
    private void onNonStunData(IceTuple tuple, ByteBuf data) {
        if (PacketDemux.isRtcp(data)) {
            if (tuple == null) {
                shared.logger().warn(LogTag.RTCP, "WebRtcTransport", "ignoring RTCP packet coming from an invalid tuple");
            } else {
                onSrtcpData(tuple, data);
            }
        } else if (PacketDemux.isRtp(data)) {
            if (tuple == null) {
                shared.logger().warn(LogTag.RTP, "WebRtcTransport", "ignoring RTP packet coming from an invalid tuple");
            } else {
                onSrtpData(tuple, data);
            }
        } else if (PacketDemux.isDtls(data)) {
            if (tuple == null) {
                shared.logger().warn(LogTag.DTLS, "WebRtcTransport", "ignoring DTLS data coming from an invalid tuple");
            } else {
                // Peers doing aggressive nomination move to a path by sending DTLS on it.
                iceServer.forceSelectedTuple(tuple);
                onDtlsData(tuple, data);
            }
        } else {
            shared.logger().debug(LogTag.ICE, "WebRtcTransport", "ignoring received packet of unknown type");
        }
    }

    /** A DTLS record from a valid tuple, which has just become the selected one; {@code data} is lent for the call. */
    void onDtlsData(IceTuple tuple, ByteBuf data) {
        DtlsState state = dtlsTransport.state();
        if (state != DtlsState.CONNECTING && state != DtlsState.CONNECTED) {
            shared.logger().debug(LogTag.DTLS, "WebRtcTransport",
                    "Transport is not 'connecting' or 'connected', ignoring received DTLS data");
            return;
        }
        dtlsTransport.handleDatagram(data);
    }

    /** An SRTP packet from a valid tuple, unprotected in place; {@code data} is lent for the call. */
    void onSrtpData(IceTuple tuple, ByteBuf data) {
        if (dtlsTransport.state() != DtlsState.CONNECTED || srtp == null) {
            shared.logger().debug(LogTag.SRTP, "WebRtcTransport", "ignoring RTP packet while DTLS not connected");
            return;
        }
        if (!srtp.unprotectRtp(data)) {
            return;
        }
        // Authenticated media on a path makes it the one we answer on (RFC 8445 §7.3.1.5).
        iceServer.forceSelectedTuple(tuple);
        receiveRtpPacket(data);
    }

    /** An SRTCP compound packet from a valid tuple, unprotected in place; {@code data} is lent for the call. */
    void onSrtcpData(IceTuple tuple, ByteBuf data) {
        if (dtlsTransport.state() != DtlsState.CONNECTED || srtp == null) {
            shared.logger().debug(LogTag.SRTP, "WebRtcTransport", "ignoring RTCP packet while DTLS not connected");
            return;
        }
        if (!srtp.unprotectRtcp(data)) {
            return;
        }
        receiveRtcpPacket(data);
    }

    /**
     * Sends {@code data} (DTLS, SRTP or SRTCP; left to the caller) on the selected tuple, over
     * UDP or in an RFC 4571 frame over TCP. False when no tuple is selected.
     */
    boolean sendToSelectedTuple(ByteBuf data) {
        IceTuple tuple = iceServer.selectedTuple();
        if (tuple == null) {
            return false;
        }
        int length = data.readableBytes();
        tuple.send(data);
        dataSent(length);
        return true;
    }

    @Override
    public void onIceServerSendStunPacket(ByteBuf packet, IceTuple tuple) {
        int length = packet.readableBytes();
        tuple.send(packet);
        dataSent(length);
    }

    @Override
    public void onIceServerSelectedTuple(IceTuple tuple) {
        shared.logger().debug(LogTag.ICE, "WebRtcTransport", "ICE selected tuple");
        shared.emit(id, new TransportEvent.IceSelectedTupleChange(tuple.toTransportTuple()));
    }

    /**
     * ICE connected or completed may start DTLS, and connects the transport if DTLS already is;
     * ICE disconnected disconnects it.
     */
    @Override
    public void onIceServerStateChange(IceState state) {
        shared.logger().debug(LogTag.ICE, "WebRtcTransport", "ICE " + state.label());
        shared.emit(id, new TransportEvent.IceStateChange(state.label()));
        if (iceHasPath()) {
            mayRunDtlsTransport();
            if (mediaReady()) {
                connected();
            }
        } else if (state == IceState.DISCONNECTED && dtlsTransport.state() == DtlsState.CONNECTED) {
            disconnected();
        }
    }

    @Override
    public void onIceServerTupleAdded(IceTuple tuple) {
        if (tuple instanceof TcpTuple tcp) {
            tcp.connection().authenticated();
        }
        if (server != null) {
            server.addTuple(tuple, this);
        }
    }

    /** A connection no longer valid (evicted, or consent expired) is closed, as the C++ worker does. */
    @Override
    public void onIceServerTupleRemoved(IceTuple tuple) {
        if (server != null) {
            server.removeTuple(tuple);
        }
        if (tuple instanceof TcpTuple tcp) {
            tcp.connection().close();
        }
    }

    @Override
    public void onIceServerWarning(String text) {
        shared.logger().warn(LogTag.ICE, "IceServer", text);
    }

    @Override
    public void onDtlsConnecting() {
        shared.logger().debug(LogTag.DTLS, "WebRtcTransport", "DTLS connecting");
        notifyDtlsState("connecting", null);
    }

    @Override
    public void onDtlsConnected(SrtpKeys keys, String remoteCertificatePem) {
        shared.logger().debug(LogTag.DTLS, "WebRtcTransport", "DTLS connected");
        useSrtp(new SrtpSessions(keys.profile(), keys.localKeyAndSalt(), keys.remoteKeyAndSalt(), shared.logger(),
                "WebRtcTransport"));
        notifyDtlsState("connected", remoteCertificatePem);
        if (iceHasPath()) {
            connected();
        }
    }

    @Override
    public void onDtlsFailed(String reason) {
        shared.logger().warn(LogTag.DTLS, "WebRtcTransport", "DTLS failed: " + reason);
        notifyDtlsState("failed", null);
    }

    @Override
    public void onDtlsClosed() {
        shared.logger().warn(LogTag.DTLS, "WebRtcTransport", "DTLS remotely closed");
        notifyDtlsState("closed", null);
        disconnected();
    }

    @Override
    public void onDtlsSendData(byte[] datagram) {
        ByteBuf data = PooledByteBufAllocator.DEFAULT.directBuffer(datagram.length).writeBytes(datagram);
        try {
            if (!sendToSelectedTuple(data)) {
                shared.logger().warn(LogTag.DTLS, "WebRtcTransport", "no selected tuple set, cannot send DTLS packet");
            }
        } finally {
            data.release();
        }
    }

    /** DTLS application data is SCTP (RFC 8261). */
    @Override
    public void onDtlsApplicationData(byte[] data) {
        ByteBuf packet = Unpooled.wrappedBuffer(data);
        receiveSctpData(packet);
    }

    /** SCTP goes out as DTLS application data, once DTLS is connected. */
    @Override
    protected void sendSctpData(ByteBuf packet) {
        byte[] data = new byte[packet.readableBytes()];
        packet.getBytes(packet.readerIndex(), data);
        if (dtlsTransport.send(data)) {
            dataSent(data.length);
        } else {
            shared.logger().warn(LogTag.SCTP, "WebRtcTransport", "cannot send SCTP data: DTLS not connected or packet too large");
        }
    }

    private void notifyDtlsState(String state, String remoteCertificatePem) {
        shared.emit(id, new TransportEvent.DtlsStateChange(state, remoteCertificatePem));
    }

    @Override
    protected void closeSockets() {
        // close_notify leaves through the selected tuple, so DTLS closes before the sockets.
        dtlsTransport.close();
        consentTimer.cancel();
        socketsClosed = true;
        if (server != null) {
            server.removeTransport(this);
        }
        udpSockets.forEach(UdpSocket::close);
        udpSockets.clear();
        tcpServers.forEach(TcpServer::close);
        tcpServers.clear();
    }
}
