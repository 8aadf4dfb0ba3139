package io.jmediasoup.worker.rtc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.channel.Request;
import io.jmediasoup.rtp.dtls.DtlsFingerprint;
import io.jmediasoup.worker.rtc.PortManager.Protocol;
import io.jmediasoup.rtp.RtpPacket;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A transport for browsers: ICE-lite host candidates on UDP sockets and passive TCP servers,
 * DTLS for keys, SRTP for media. This is its control plane; ICE, DTLS and SRTP on the wire
 * arrive with issue 5.
 */
final class WebRtcTransport extends Transport {
    private static final int MAX_LISTEN_IPS = 8;
    private static final int DEFAULT_LOCAL_PREFERENCE = 10000;

    private final List<Channel> sockets = new ArrayList<>();
    private final List<IceCandidate> iceCandidates = new ArrayList<>();
    private String usernameFragment = RandomStrings.of(16);
    private String password = RandomStrings.of(32);
    private final List<DtlsFingerprint> localFingerprints;
    private String dtlsRole = "auto";
    private DtlsFingerprint remoteFingerprint;
    private boolean connectCalled;

    WebRtcTransport(String id, Shared shared, Listener listener, JsonObject data) {
        super(id, shared, listener, data);
        boolean enableUdp = Options.flag(data, "enableUdp", true);
        boolean enableTcp = Options.flag(data, "enableTcp", false);
        boolean preferUdp = Options.flag(data, "preferUdp", false);
        boolean preferTcp = Options.flag(data, "preferTcp", false);
        List<ListenIp> listenIps = listenIps(data.get("listenIps"));
        int port = ListenIp.fixedPort(data);
        localFingerprints = shared.dtlsCertificate().fingerprints();
        try {
            int localPreferenceDecrement = 0;
            for (ListenIp listenIp : listenIps) {
                if (enableUdp) {
                    addCandidate(Protocol.UDP, listenIp, port,
                            DEFAULT_LOCAL_PREFERENCE - localPreferenceDecrement + (preferUdp ? 1000 : 0));
                }
                if (enableTcp) {
                    addCandidate(Protocol.TCP, listenIp, port,
                            DEFAULT_LOCAL_PREFERENCE - localPreferenceDecrement + (preferTcp ? 1000 : 0));
                }
                localPreferenceDecrement += 100;
            }
        } catch (RuntimeException failed) {
            closeSockets();
            throw failed;
        }
    }

    private static List<ListenIp> listenIps(JsonElement json) {
        if (json == null) {
            throw new MediasoupTypeError("missing listenIps");
        }
        if (!json.isJsonArray()) {
            throw new MediasoupTypeError("wrong listenIps (not an array)");
        }
        JsonArray array = json.getAsJsonArray();
        if (array.isEmpty()) {
            throw new MediasoupTypeError("wrong listenIps (empty array)");
        }
        if (array.size() > MAX_LISTEN_IPS) {
            throw new MediasoupTypeError("wrong listenIps (too many IPs)");
        }
        List<ListenIp> listenIps = new ArrayList<>();
        for (JsonElement listenIp : array) {
            listenIps.add(ListenIp.parse(listenIp));
        }
        return listenIps;
    }

    private void addCandidate(Protocol protocol, ListenIp listenIp, int port, int localPreference) {
        Channel socket = listenIp.bind(shared.portManager(), protocol, port);
        sockets.add(socket);
        int boundPort = ((InetSocketAddress) socket.localAddress()).getPort();
        iceCandidates.add(new IceCandidate(protocol, IceCandidate.priority(localPreference), listenIp.announced(), boundPort));
    }

    @Override
    public void handleRequest(Request request) {
        if (request.method().equals("transport.restartIce")) {
            usernameFragment = RandomStrings.of(16);
            password = RandomStrings.of(32);
            JsonObject data = new JsonObject();
            data.add("iceParameters", iceParameters());
            request.accept(data);
            return;
        }
        super.handleRequest(request);
    }

    @Override
    protected void connect(Request request) {
        if (connectCalled) {
            throw new MediasoupError("connect() already called");
        }
        JsonElement dtlsParameters = request.data().get("dtlsParameters");
        if (dtlsParameters == null || !dtlsParameters.isJsonObject()) {
            throw new MediasoupTypeError("missing dtlsParameters");
        }
        DtlsFingerprint fingerprint = RemoteDtlsParameters.fingerprint(dtlsParameters.getAsJsonObject());
        String remoteRole = RemoteDtlsParameters.role(dtlsParameters.getAsJsonObject());
        dtlsRole = remoteRole.equals("client") ? "server" : "client";
        remoteFingerprint = fingerprint;
        connectCalled = true;
        JsonObject data = new JsonObject();
        data.addProperty("dtlsLocalRole", dtlsRole);
        request.accept(data);
    }

    private JsonObject iceParameters() {
        JsonObject json = new JsonObject();
        json.addProperty("usernameFragment", usernameFragment);
        json.addProperty("password", password);
        json.addProperty("iceLite", true);
        return json;
    }

    @Override
    protected void fillDump(JsonObject json) {
        json.addProperty("iceRole", "controlled");
        json.add("iceParameters", iceParameters());
        JsonArray candidates = new JsonArray();
        iceCandidates.forEach(candidate -> candidates.add(candidate.toJson()));
        json.add("iceCandidates", candidates);
        json.addProperty("iceState", "new");
        JsonObject dtlsParameters = new JsonObject();
        JsonArray fingerprints = new JsonArray();
        for (DtlsFingerprint fingerprint : localFingerprints) {
            JsonObject entry = new JsonObject();
            entry.addProperty("algorithm", fingerprint.algorithm());
            entry.addProperty("value", fingerprint.value());
            fingerprints.add(entry);
        }
        dtlsParameters.add("fingerprints", fingerprints);
        dtlsParameters.addProperty("role", dtlsRole);
        json.add("dtlsParameters", dtlsParameters);
        json.addProperty("dtlsState", "new");
    }

    @Override
    protected void fillStats(JsonObject json) {
        json.addProperty("type", "webrtc-transport");
        json.addProperty("iceRole", "controlled");
        json.addProperty("iceState", "new");
        json.addProperty("dtlsState", "new");
    }

    /** Unreachable until ICE and DTLS connect this transport (issue 5): its consumers stay inactive. */
    @Override
    protected void sendRtpPacket(Consumer consumer, RtpPacket packet) {
        throw new IllegalStateException("WebRtcTransport " + id + " is not connected");
    }

    /** Unreachable until ICE and DTLS connect this transport (issue 5). */
    @Override
    protected void sendRtcpPacket(io.netty.buffer.ByteBuf packet) {
        throw new IllegalStateException("WebRtcTransport " + id + " is not connected");
    }

    @Override
    protected void closeSockets() {
        sockets.forEach(Channel::close);
        sockets.clear();
    }
}
