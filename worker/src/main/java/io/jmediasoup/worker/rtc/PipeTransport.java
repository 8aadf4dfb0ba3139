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
import io.jmediasoup.worker.messages.TransportOptions;
import io.jmediasoup.worker.messages.TransportRequest;
import io.jmediasoup.worker.messages.TransportStats;
import io.jmediasoup.worker.net.IpAddresses;
import io.jmediasoup.worker.net.PortManager.Protocol;
import io.jmediasoup.worker.net.UdpSocket;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.Set;

/**
 * The UDP link between two routers (router.pipeToRouter), of one worker or of two: RTP and
 * RTCP multiplexed, optional RTX and SRTP (one suite per era, as its C++ worker: 3.8's
 * AES_CM_128_HMAC_SHA1_80, 3.32's AEAD_AES_256_GCM; our key for what we send, the other side's
 * for what we receive).
 */
final class PipeTransport extends Transport implements UdpSocket.Listener {
    private final boolean rtx;
    private final SrtpParameters localSrtp;
    private final UdpSocket socket;
    private TransportTuple tuple;
    /** The other router's pipe transport; null until connect(). */
    private InetSocketAddress remote;

    PipeTransport(String id, Shared shared, Listener listener, TransportOptions.Pipe options) {
        super(id, shared, listener, options.base());
        rtx = options.enableRtx();
        localSrtp = options.srtpCryptoSuite() != null ? SrtpParameters.generate(options.srtpCryptoSuite()) : null;
        if (localSrtp != null) {
            shared.prepareSrtpEngine();
        }
        socket = new UdpSocket(ListenSockets.bind(shared.portManager(), options.listenInfo()), this, shared.udpSendBatch());
        tuple = TransportTuple.local(options.listenInfo().announced(), socket.localAddress().getPort(), Protocol.UDP);
    }

    @Override
    protected ChannelResponse handleKindRequest(ChannelRequest request) {
        if (request instanceof TransportRequest.ConnectUdp connect) {
            return connect(connect);
        }
        return super.handleKindRequest(request);
    }

    private TransportAnswer connect(TransportRequest.ConnectUdp connect) {
        if (tuple.remoteIp() != null) {
            throw new MediasoupError("connect() already called");
        }
        if (localSrtp == null && connect.srtpParameters() != null) {
            throw new MediasoupTypeError("invalid srtpParameters (SRTP not enabled)");
        }
        if (localSrtp != null && connect.srtpParameters() == null) {
            throw new MediasoupTypeError("missing srtpParameters (SRTP enabled)");
        }
        SrtpParameters remoteSrtpParameters = localSrtp != null
                ? connect.srtpParameters().checkedRemote(Set.of(localSrtp.cryptoSuite())) : null;
        String ip = UdpPeerAddress.ip(connect.ip());
        int port = UdpPeerAddress.port(connect.port());
        tuple = tuple.withRemote(ip, port);
        remote = new InetSocketAddress(IpAddresses.parse(ip), port);
        if (remoteSrtpParameters != null) {
            useSrtp(new SrtpSessions(localSrtp.profile(), localSrtp.key(), remoteSrtpParameters.key(), shared.logger(),
                    "PipeTransport"));
        }
        connectedAfterAnswer();
        return new TransportAnswer.Pipe(tuple);
    }

    /** Only the connected peer is heard; with SRTP, only what authenticates under its key. */
    @Override
    public void onUdpPacket(UdpSocket from, ByteBuf data, InetSocketAddress sender) {
        dataReceived(data.readableBytes());
        if (remote == null || !remote.equals(sender)) {
            return;
        }
        if (PacketDemux.isRtcp(data)) {
            if (srtp == null || srtp.unprotectRtcp(data)) {
                receiveRtcpPacket(data);
            }
        } else if (PacketDemux.isRtp(data)) {
            if (srtp == null || srtp.unprotectRtp(data)) {
                receiveRtpPacket(data);
            }
        } else if (SctpPacket.isSctp(data)) {
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

    @Override
    protected void sendRtcpPacket(ByteBuf packet) {
        ByteBuf wire = srtp != null ? srtp.protectRtcp(packet) : packet;
        if (wire != null) {
            socket.send(wire, remote);
            dataSent(wire.readableBytes());
        }
    }

    @Override
    protected void sendRtpPacket(Consumer consumer, RtpPacket packet) {
        ByteBuf wire = srtp != null ? srtp.protectRtp(packet.buffer()) : packet.buffer();
        if (wire != null) {
            socket.send(wire, remote);
            dataSent(wire.readableBytes());
        }
    }

    @Override
    protected TransportDump.Kind kindDump() {
        return new TransportDump.Pipe(tuple, rtx, localSrtp);
    }

    @Override
    protected TransportStats.Kind kindStats() {
        return new TransportStats.Pipe(tuple);
    }

    @Override
    protected void closeSockets() {
        socket.close();
    }
}
