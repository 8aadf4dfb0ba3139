package io.jmediasoup.worker.rtc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.channel.Request;
import io.jmediasoup.worker.rtc.PortManager.Protocol;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;

/**
 * Plain RTP/RTCP over UDP, for ffmpeg, GStreamer and other endpoints without ICE: RTCP on the
 * RTP port (rtcpMux) or on its own; the remote address given in connect() or learnt from the
 * first packet (comedia); optional SDES-keyed SRTP. Media on these sockets is issue 4.
 */
final class PlainTransport extends Transport {
    private final ListenIp listenIp;
    private final boolean rtcpMux;
    private final boolean comedia;
    private SrtpParameters localSrtp;
    private final Channel socket;
    private final Channel rtcpSocket;
    private TransportTuple tuple;
    private TransportTuple rtcpTuple;
    private boolean connectCalled;

    PlainTransport(String id, Shared shared, Listener listener, JsonObject data) {
        super(id, shared, listener, data);
        listenIp = ListenIp.required(data);
        int port = ListenIp.fixedPort(data);
        rtcpMux = Options.flag(data, "rtcpMux", true);
        comedia = Options.flag(data, "comedia", false);
        localSrtp = Options.enabled(data, "enableSrtp") ? SrtpParameters.generate(cryptoSuite(data)) : null;
        socket = listenIp.bind(shared.portManager(), Protocol.UDP, port);
        try {
            rtcpSocket = rtcpMux ? null : listenIp.bind(shared.portManager(), Protocol.UDP, 0);
        } catch (RuntimeException failed) {
            socket.close();
            throw failed;
        }
        tuple = localTuple(socket);
        rtcpTuple = rtcpSocket != null ? localTuple(rtcpSocket) : null;
    }

    private static String cryptoSuite(JsonObject data) {
        JsonElement suite = data.get("srtpCryptoSuite");
        if (!JsonValues.isString(suite)) {
            throw new MediasoupTypeError("missing srtpCryptoSuite");
        }
        if (!SrtpParameters.CRYPTO_SUITES.contains(suite.getAsString())) {
            throw new MediasoupTypeError("invalid/unsupported srtpCryptoSuite");
        }
        return suite.getAsString();
    }

    private TransportTuple localTuple(Channel udpSocket) {
        return TransportTuple.local(listenIp.announced(), ((InetSocketAddress) udpSocket.localAddress()).getPort(),
                Protocol.UDP);
    }

    @Override
    protected void connect(Request request) {
        if (connectCalled) {
            throw new MediasoupError("connect() already called");
        }
        JsonObject data = request.data();
        JsonElement remoteSrtp = data.get("srtpParameters");
        if (localSrtp == null && remoteSrtp != null) {
            throw new MediasoupTypeError("invalid srtpParameters (SRTP not enabled)");
        }
        SrtpParameters remote = localSrtp != null
                ? SrtpParameters.parseRemote(remoteSrtp, SrtpParameters.CRYPTO_SUITES) : null;
        TransportTuple connectedTuple = tuple;
        TransportTuple connectedRtcpTuple = rtcpTuple;
        if (!comedia) {
            String ip = UdpPeerAddress.ip(data);
            int port = UdpPeerAddress.port(data);
            JsonElement rtcpPort = data.get("rtcpPort");
            int remoteRtcpPort = 0;
            if (JsonValues.isPositiveInteger(rtcpPort)) {
                if (rtcpMux) {
                    throw new MediasoupTypeError("cannot set rtcpPort with rtcpMux enabled");
                }
                remoteRtcpPort = rtcpPort.getAsInt() & 0xFFFF;
            } else if (!rtcpMux) {
                throw new MediasoupTypeError("missing rtcpPort (required with rtcpMux disabled)");
            }
            connectedTuple = tuple.withRemote(ip, port);
            if (!rtcpMux) {
                connectedRtcpTuple = rtcpTuple.withRemote(ip, remoteRtcpPort);
            }
        }
        tuple = connectedTuple;
        rtcpTuple = connectedRtcpTuple;
        if (remote != null) {
            // Both directions use the suite the remote chose, as in the C++ worker.
            localSrtp = new SrtpParameters(remote.cryptoSuite(), localSrtp.keyBase64());
        }
        connectCalled = true;
        JsonObject response = new JsonObject();
        if (tuple.remoteIp() != null) {
            response.add("tuple", tuple.toJson());
        }
        if (!rtcpMux && rtcpTuple.remoteIp() != null) {
            response.add("rtcpTuple", rtcpTuple.toJson());
        }
        if (localSrtp != null) {
            response.add("srtpParameters", localSrtp.toJson());
        }
        request.accept(response);
    }

    @Override
    protected void fillDump(JsonObject json) {
        json.addProperty("rtcpMux", rtcpMux);
        json.addProperty("comedia", comedia);
        json.add("tuple", tuple.toJson());
        if (!rtcpMux) {
            json.add("rtcpTuple", rtcpTuple.toJson());
        }
        if (localSrtp != null) {
            json.add("srtpParameters", localSrtp.toJson());
        }
    }

    @Override
    protected void fillStats(JsonObject json) {
        json.addProperty("type", "plain-rtp-transport");
        json.addProperty("rtcpMux", rtcpMux);
        json.addProperty("comedia", comedia);
        json.add("tuple", tuple.toJson());
        if (!rtcpMux && rtcpTuple.remoteIp() != null) {
            json.add("rtcpTuple", rtcpTuple.toJson());
        }
    }

    @Override
    protected void closeSockets() {
        socket.close();
        if (rtcpSocket != null) {
            rtcpSocket.close();
        }
    }
}
