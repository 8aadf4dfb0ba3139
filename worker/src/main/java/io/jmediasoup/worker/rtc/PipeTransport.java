package io.jmediasoup.worker.rtc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.channel.Request;
import io.jmediasoup.worker.rtc.PortManager.Protocol;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.Set;

/**
 * The UDP link between two routers (router.pipeToRouter), of one worker or of two: RTP and
 * RTCP multiplexed, optional RTX and SRTP. Media on it is issue 4.
 */
final class PipeTransport extends Transport {
    private static final String CRYPTO_SUITE = "AES_CM_128_HMAC_SHA1_80";

    private final ListenIp listenIp;
    private final boolean rtx;
    private final SrtpParameters localSrtp;
    private final Channel socket;
    private TransportTuple tuple;

    PipeTransport(String id, Shared shared, Listener listener, JsonObject data) {
        super(id, shared, listener, data);
        listenIp = ListenIp.required(data);
        int port = ListenIp.fixedPort(data);
        rtx = Options.enabled(data, "enableRtx");
        localSrtp = Options.enabled(data, "enableSrtp") ? SrtpParameters.generate(CRYPTO_SUITE) : null;
        socket = listenIp.bind(shared.portManager(), Protocol.UDP, port);
        tuple = TransportTuple.local(listenIp.announced(), ((InetSocketAddress) socket.localAddress()).getPort(),
                Protocol.UDP);
    }

    @Override
    protected void connect(Request request) {
        if (tuple.remoteIp() != null) {
            throw new MediasoupError("connect() already called");
        }
        JsonObject data = request.data();
        JsonElement remoteSrtp = data.get("srtpParameters");
        if (localSrtp == null && remoteSrtp != null) {
            throw new MediasoupTypeError("invalid srtpParameters (SRTP not enabled)");
        }
        if (localSrtp != null) {
            SrtpParameters.parseRemote(remoteSrtp, Set.of(CRYPTO_SUITE));
        }
        String ip = UdpPeerAddress.ip(data);
        int port = UdpPeerAddress.port(data);
        tuple = tuple.withRemote(ip, port);
        JsonObject response = new JsonObject();
        response.add("tuple", tuple.toJson());
        request.accept(response);
    }

    @Override
    protected void fillDump(JsonObject json) {
        json.add("tuple", tuple.toJson());
        json.addProperty("rtx", rtx);
        if (localSrtp != null) {
            json.add("srtpParameters", localSrtp.toJson());
        }
    }

    @Override
    protected void fillStats(JsonObject json) {
        json.addProperty("type", "pipe-transport");
        json.add("tuple", tuple.toJson());
    }

    @Override
    protected void closeSockets() {
        socket.close();
    }
}
