package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.rtp.PacketDemux;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.sctp.SctpPacket;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.TransportAnswer;
import io.jmediasoup.worker.messages.TransportDump;
import io.jmediasoup.worker.messages.TransportEvent;
import io.jmediasoup.worker.messages.TransportListenInfo;
import io.jmediasoup.worker.messages.TransportOptions;
import io.jmediasoup.worker.messages.TransportRequest;
import io.jmediasoup.worker.messages.TransportStats;
import io.jmediasoup.worker.net.IpAddresses;
import io.jmediasoup.worker.net.PortManager.Protocol;
import io.jmediasoup.worker.net.UdpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.Set;

/**
 * Plain RTP/RTCP over UDP, for ffmpeg, GStreamer and other endpoints without ICE: RTCP on the
 * RTP port (rtcpMux) or on its own; the remote address given in connect() or learnt from the
 * first packet (comedia); optional SDES-keyed SRTP.
 *
 * <p>With SRTP enabled, our srtpParameters (made at creation) key what we send and the
 * remote's (given in connect()) what we receive, both with the suite the remote chose. Until
 * connect() nothing is received, and a comedia tuple is learnt only from a packet that
 * authenticates.
 */
final class PlainTransport extends Transport implements UdpSocket.Listener {
    private final boolean rtcpMux;
    private final boolean comedia;
    private SrtpParameters localSrtp;
    /** The suites the remote may choose among in connect(). */
    private final Set<String> srtpCryptoSuites;
    private final UdpSocket socket;
    private final UdpSocket rtcpSocket;
    private TransportTuple tuple;
    private TransportTuple rtcpTuple;
    /** Where RTP (and, with rtcpMux, RTCP) goes and comes from; null until connected or learnt. */
    private InetSocketAddress remote;
    private InetSocketAddress rtcpRemote;
    private boolean connectCalled;

    PlainTransport(String id, Shared shared, Listener listener, TransportOptions.Plain options) {
        super(id, shared, listener, options.base());
        rtcpMux = options.rtcpMux();
        comedia = options.comedia();
        localSrtp = options.srtpCryptoSuite() != null ? SrtpParameters.generate(options.srtpCryptoSuite()) : null;
        if (localSrtp != null) {
            shared.prepareSrtpEngine();
        }
        srtpCryptoSuites = options.srtpCryptoSuites();
        Channel rtpChannel = ListenSockets.bind(shared.portManager(), options.listenInfo());
        Channel rtcpChannel;
        try {
            rtcpChannel = rtcpMux ? null : ListenSockets.bind(shared.portManager(), options.rtcpListenInfo());
        } catch (RuntimeException failed) {
            rtpChannel.close();
            throw failed;
        }
        socket = new UdpSocket(rtpChannel, this, shared.udpSendBatch());
        rtcpSocket = rtcpChannel != null ? new UdpSocket(rtcpChannel, this, shared.udpSendBatch()) : null;
        tuple = localTuple(options.listenInfo(), socket);
        rtcpTuple = rtcpSocket != null ? localTuple(options.rtcpListenInfo(), rtcpSocket) : null;
    }

    /** Its RTP socket; for in-process drivers such as the benchmarks. */
    UdpSocket udpSocket() {
        return socket;
    }

    private static TransportTuple localTuple(TransportListenInfo listenInfo, UdpSocket udpSocket) {
        return TransportTuple.local(listenInfo.announced(), udpSocket.localAddress().getPort(), Protocol.UDP);
    }

    @Override
    protected ChannelResponse handleKindRequest(ChannelRequest request) {
        if (request instanceof TransportRequest.ConnectUdp connect) {
            return connect(connect);
        }
        return super.handleKindRequest(request);
    }

    /** The remote end (unless comedia learns it) and, with SRTP, the remote's keys and suite. */
    private TransportAnswer connect(TransportRequest.ConnectUdp connect) {
        if (connectCalled) {
            throw new MediasoupError("connect() already called");
        }
        if (localSrtp == null && connect.srtpParameters() != null) {
            throw new MediasoupTypeError("invalid srtpParameters (SRTP not enabled)");
        }
        if (localSrtp != null && connect.srtpParameters() == null) {
            throw new MediasoupTypeError("missing srtpParameters (SRTP enabled)");
        }
        SrtpParameters remoteSrtpParameters = localSrtp != null
                ? connect.srtpParameters().checkedRemote(srtpCryptoSuites) : null;
        TransportTuple connectedTuple = tuple;
        TransportTuple connectedRtcpTuple = rtcpTuple;
        if (!comedia) {
            String ip = UdpPeerAddress.ip(connect.ip());
            int port = UdpPeerAddress.port(connect.port());
            int remoteRtcpPort = 0;
            if (connect.rtcpPort() != null) {
                if (rtcpMux) {
                    throw new MediasoupTypeError("cannot set rtcpPort with rtcpMux enabled");
                }
                remoteRtcpPort = PortNumber.of(connect.rtcpPort(), "rtcpPort");
            } else if (!rtcpMux) {
                throw new MediasoupTypeError("missing rtcpPort (required with rtcpMux disabled)");
            }
            connectedTuple = tuple.withRemote(ip, port);
            remote = new InetSocketAddress(IpAddresses.parse(ip), port);
            if (!rtcpMux) {
                connectedRtcpTuple = rtcpTuple.withRemote(ip, remoteRtcpPort);
                rtcpRemote = new InetSocketAddress(IpAddresses.parse(ip), remoteRtcpPort);
            }
        }
        tuple = connectedTuple;
        rtcpTuple = connectedRtcpTuple;
        if (remoteSrtpParameters != null) {
            // Both directions use the suite the remote chose, as in the C++ worker: another one needs a key of its own.
            if (!remoteSrtpParameters.cryptoSuite().equals(localSrtp.cryptoSuite())) {
                localSrtp = SrtpParameters.generate(remoteSrtpParameters.cryptoSuite());
            }
            useSrtp(new SrtpSessions(localSrtp.profile(), localSrtp.key(), remoteSrtpParameters.key(), shared.logger(),
                    "PlainTransport"));
        }
        connectCalled = true;
        if (remote != null) {
            connectedAfterAnswer();
        }
        return new TransportAnswer.Plain(tuple.remoteIp() != null ? tuple : null,
                !rtcpMux && rtcpTuple.remoteIp() != null ? rtcpTuple : null, localSrtp);
    }

    @Override
    public void onUdpPacket(UdpSocket from, ByteBuf data, InetSocketAddress sender) {
        dataReceived(data.readableBytes());
        // Decrypted before the tuple check, as in the C++ worker: comedia learns only from authentic packets.
        if (from == rtcpSocket) {
            if (PacketDemux.isRtcp(data) && unprotectRtcp(data) && acceptRtcpOnItsOwnPort(sender)) {
                receiveRtcpPacket(data);
            }
        } else if (PacketDemux.isRtcp(data)) {
            if (rtcpMux && unprotectRtcp(data) && acceptRtp(sender)) {
                receiveRtcpPacket(data);
            }
        } else if (PacketDemux.isRtp(data) && unprotectRtp(data) && acceptRtp(sender)) {
            receiveRtpPacket(data);
        } else if (SctpPacket.isSctp(data) && acceptRtp(sender)) {
            // SCTP rides on the RTP tuple, unencrypted, and may be what comedia learns the tuple from.
            receiveSctpData(data);
        }
    }

    @Override
    protected void sendSctpData(ByteBuf packet) {
        if (remote != null) {
            socket.send(packet, remote);
            dataSent(packet.readableBytes());
        }
    }

    /** Without SRTP, true; with it, whether the packet authenticated (it is then decrypted in place). */
    private boolean unprotectRtp(ByteBuf data) {
        return localSrtp == null || srtp != null && srtp.unprotectRtp(data);
    }

    private boolean unprotectRtcp(ByteBuf data) {
        return localSrtp == null || srtp != null && srtp.unprotectRtcp(data);
    }

    /**
     * Whether RTP (or muxed RTCP) from {@code sender} is for us: from the connected or learnt
     * tuple, or, in comedia mode, the first sender, which becomes the tuple ("tuple" event).
     */
    private boolean acceptRtp(InetSocketAddress sender) {
        if (remote != null) {
            return remote.equals(sender);
        }
        if (!comedia) {
            return false;
        }
        remote = sender;
        tuple = tuple.withRemote(sender.getAddress().getHostAddress(), sender.getPort());
        shared.emit(id, new TransportEvent.Tuple(tuple));
        connected();
        return true;
    }

    /** RTCP on the RTCP port: from the connected tuple, or learnt in comedia mode ("rtcptuple" event). */
    private boolean acceptRtcpOnItsOwnPort(InetSocketAddress sender) {
        if (rtcpRemote != null) {
            return rtcpRemote.equals(sender);
        }
        if (!comedia) {
            return false;
        }
        rtcpRemote = sender;
        rtcpTuple = rtcpTuple.withRemote(sender.getAddress().getHostAddress(), sender.getPort());
        shared.emit(id, new TransportEvent.RtcpTuple(rtcpTuple));
        return true;
    }

    /** RTCP goes with RTP (rtcpMux) or to the RTCP tuple once known. */
    @Override
    protected void sendRtcpPacket(ByteBuf packet) {
        InetSocketAddress destination = rtcpMux ? remote : rtcpRemote;
        if (destination == null) {
            return;
        }
        ByteBuf wire = protectForWire(packet, false);
        if (wire != null) {
            (rtcpMux ? socket : rtcpSocket).send(wire, destination);
            dataSent(wire.readableBytes());
        }
    }

    @Override
    protected void sendRtpPacket(Consumer consumer, RtpPacket packet) {
        ByteBuf wire = protectForWire(packet.buffer(), true);
        if (wire != null) {
            socket.send(wire, remote);
            dataSent(wire.readableBytes());
        }
    }

    /** The packet as it goes on the wire: itself without SRTP, else protected into a lent buffer; null if it cannot go. */
    private ByteBuf protectForWire(ByteBuf packet, boolean isRtp) {
        if (localSrtp == null) {
            return packet;
        }
        if (srtp == null) {
            // Never send in clear what was negotiated encrypted.
            return null;
        }
        return isRtp ? srtp.protectRtp(packet) : srtp.protectRtcp(packet);
    }

    @Override
    protected TransportDump.Kind kindDump() {
        return new TransportDump.Plain(rtcpMux, comedia, tuple, rtcpMux ? null : rtcpTuple, localSrtp);
    }

    @Override
    protected TransportStats.Kind kindStats() {
        return new TransportStats.Plain(rtcpMux, comedia, tuple,
                !rtcpMux && rtcpTuple.remoteIp() != null ? rtcpTuple : null);
    }

    @Override
    protected void closeSockets() {
        socket.close();
        if (rtcpSocket != null) {
            rtcpSocket.close();
        }
    }
}
