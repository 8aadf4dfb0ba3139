package io.jmediasoup.worker.codec;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.channel.Request;
import io.jmediasoup.rtp.dtls.DtlsFingerprint;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.TransportAnswer;
import io.jmediasoup.worker.messages.TransportDump;
import io.jmediasoup.worker.messages.TransportRequest;
import io.jmediasoup.worker.messages.TransportStats;
import io.jmediasoup.worker.net.PortManager.Protocol;
import io.jmediasoup.worker.rtc.IceCandidate;
import io.jmediasoup.worker.rtc.SrtpParameters;
import io.jmediasoup.worker.rtc.TransportTuple;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * mediasoup 3.8's router.create*Transport and transport.close (answered by the router of
 * internal.routerId) and the transport.* requests (by the transport of internal.transportId).
 */
final class JsonTransportCodec implements JsonRequestCodec {
    /** Answered by the router of internal.routerId. */
    private static final Set<String> ROUTER_METHODS = Set.of("router.createPlainTransport",
            "router.createWebRtcTransport", "router.createPipeTransport", "router.createDirectTransport",
            "transport.close");
    /** Answered by the transport of internal.transportId, in that router. */
    private static final Set<String> TRANSPORT_METHODS = Set.of("transport.dump", "transport.getStats",
            "transport.connect", "transport.setMaxIncomingBitrate", "transport.setMaxOutgoingBitrate",
            "transport.restartIce", "transport.enableTraceEvent");

    @Override
    public List<Ancestor> ancestors(Request request) {
        if (ROUTER_METHODS.contains(request.method())) {
            return ROUTER;
        }
        return TRANSPORT_METHODS.contains(request.method()) ? TRANSPORT : List.of();
    }

    @Override
    public ChannelRequest decode(Request request) {
        switch (request.method()) {
            case "router.createPlainTransport":
                return new TransportRequest.CreatePlain(routerId(request), transportId(request),
                        JsonTransportOptions.plain(request.data()));
            case "router.createWebRtcTransport":
                return new TransportRequest.CreateWebRtc(routerId(request), transportId(request),
                        JsonTransportOptions.webRtc(request.data()));
            case "router.createPipeTransport":
                return new TransportRequest.CreatePipe(routerId(request), transportId(request),
                        JsonTransportOptions.pipe(request.data()));
            case "router.createDirectTransport":
                return new TransportRequest.CreateDirect(routerId(request), transportId(request),
                        JsonTransportOptions.direct(request.data()));
            case "transport.close":
                return new TransportRequest.Close(routerId(request), transportId(request));
            case "transport.dump":
                return new TransportRequest.Dump(transportId(request));
            case "transport.getStats":
                return new TransportRequest.GetStats(transportId(request));
            case "transport.connect":
                return connect(transportId(request), request.data());
            case "transport.setMaxIncomingBitrate":
                return new TransportRequest.SetMaxIncomingBitrate(transportId(request), bitrate(request.data()));
            case "transport.setMaxOutgoingBitrate":
                return new TransportRequest.SetMaxOutgoingBitrate(transportId(request), bitrate(request.data()));
            case "transport.restartIce":
                return new TransportRequest.RestartIce(transportId(request));
            case "transport.enableTraceEvent":
                return new TransportRequest.EnableTraceEvent(transportId(request), JsonTraceTypes.parse(request.data()));
            default:
                return null;
        }
    }

    /**
     * 3.8 names one method for every kind: dtlsParameters make it a WebRtcTransport's, else
     * the remote end of a Plain or Pipe one, whose parts that are absent or of another type
     * are null (the transport words what it misses).
     */
    private static TransportRequest connect(String transportId, JsonObject data) {
        if (data.has("dtlsParameters")) {
            JsonElement dtlsParameters = data.get("dtlsParameters");
            if (!dtlsParameters.isJsonObject()) {
                throw new MediasoupTypeError("missing dtlsParameters");
            }
            JsonObject parameters = dtlsParameters.getAsJsonObject();
            return new TransportRequest.ConnectWebRtc(transportId, JsonDtlsParameters.fingerprint(parameters),
                    JsonDtlsParameters.role(parameters));
        }
        JsonElement srtpParameters = data.get("srtpParameters");
        SrtpParameters srtp = null;
        if (srtpParameters != null) {
            JsonObject object = srtpParameters.isJsonObject() ? srtpParameters.getAsJsonObject() : new JsonObject();
            srtp = new SrtpParameters(JsonMembers.string(object, "cryptoSuite"), JsonMembers.string(object, "keyBase64"));
        }
        return new TransportRequest.ConnectUdp(transportId, JsonMembers.string(data, "ip"),
                JsonMembers.positive(data, "port"), JsonMembers.positive(data, "rtcpPort"), srtp);
    }

    private static long bitrate(JsonObject data) {
        JsonElement bitrate = data.get("bitrate");
        if (!JsonValues.isPositiveInteger(bitrate)) {
            throw new MediasoupTypeError("missing bitrate");
        }
        return bitrate.getAsLong();
    }

    private static String routerId(Request request) {
        return JsonMembers.id(request.internal(), "routerId");
    }

    private static String transportId(Request request) {
        return JsonMembers.id(request.internal(), "transportId");
    }

    @Override
    public JsonElement encode(ChannelResponse response) {
        if (response instanceof TransportDump dump) {
            return dump(dump);
        }
        if (response instanceof TransportStats stats) {
            JsonArray array = new JsonArray();
            array.add(stats(stats));
            return array;
        }
        if (response instanceof TransportAnswer answer) {
            return answer(answer);
        }
        return null;
    }

    @Override
    public String notFound(ChannelRequest request) {
        if (request instanceof TransportRequest.CreatePlain || request instanceof TransportRequest.CreateWebRtc
                || request instanceof TransportRequest.CreatePipe || request instanceof TransportRequest.CreateDirect
                || request instanceof TransportRequest.Close) {
            return "Router not found";
        }
        return request instanceof TransportRequest ? "Transport not found" : null;
    }

    private static JsonObject answer(TransportAnswer answer) {
        JsonObject json = new JsonObject();
        if (answer instanceof TransportAnswer.Plain plain) {
            if (plain.tuple() != null) {
                json.add("tuple", tuple(plain.tuple()));
            }
            if (plain.rtcpTuple() != null) {
                json.add("rtcpTuple", tuple(plain.rtcpTuple()));
            }
            if (plain.srtpParameters() != null) {
                json.add("srtpParameters", srtpParameters(plain.srtpParameters()));
            }
        } else if (answer instanceof TransportAnswer.Pipe pipe) {
            json.add("tuple", tuple(pipe.tuple()));
        } else if (answer instanceof TransportAnswer.WebRtc webRtc) {
            json.addProperty("dtlsLocalRole", webRtc.dtlsLocalRole());
        } else if (answer instanceof TransportAnswer.IceRestarted restarted) {
            json.add("iceParameters", iceParameters(restarted.usernameFragment(), restarted.password()));
        }
        return json;
    }

    /** The stats entry as the C++ worker writes it: the common fields, then the kind's, its type first. */
    static JsonObject stats(TransportStats stats) {
        JsonObject json = new JsonObject();
        json.addProperty("transportId", stats.transportId());
        json.addProperty("timestamp", stats.timestamp());
        if (stats.sctpState() != null) {
            json.addProperty("sctpState", stats.sctpState());
        }
        json.addProperty("bytesReceived", stats.bytesReceived());
        json.addProperty("recvBitrate", stats.recvBitrate());
        json.addProperty("bytesSent", stats.bytesSent());
        json.addProperty("sendBitrate", stats.sendBitrate());
        json.addProperty("rtpBytesReceived", stats.rtpBytesReceived());
        json.addProperty("rtpRecvBitrate", stats.rtpRecvBitrate());
        json.addProperty("rtpBytesSent", stats.rtpBytesSent());
        json.addProperty("rtpSendBitrate", stats.rtpSendBitrate());
        json.addProperty("rtxBytesReceived", stats.rtxBytesReceived());
        json.addProperty("rtxRecvBitrate", stats.rtxRecvBitrate());
        json.addProperty("rtxBytesSent", stats.rtxBytesSent());
        json.addProperty("rtxSendBitrate", stats.rtxSendBitrate());
        json.addProperty("probationBytesSent", stats.probationBytesSent());
        json.addProperty("probationSendBitrate", stats.probationSendBitrate());
        if (stats.availableOutgoingBitrate() != null) {
            json.addProperty("availableOutgoingBitrate", stats.availableOutgoingBitrate());
        }
        if (stats.availableIncomingBitrate() != null) {
            json.addProperty("availableIncomingBitrate", stats.availableIncomingBitrate());
        }
        if (stats.maxIncomingBitrate() != null) {
            json.addProperty("maxIncomingBitrate", stats.maxIncomingBitrate());
        }
        if (stats.rtpPacketLossReceived() != null) {
            json.addProperty("rtpPacketLossReceived", stats.rtpPacketLossReceived());
        }
        if (stats.rtpPacketLossSent() != null) {
            json.addProperty("rtpPacketLossSent", stats.rtpPacketLossSent());
        }
        TransportStats.Kind kind = stats.kind();
        if (kind instanceof TransportStats.Plain plain) {
            json.addProperty("type", "plain-rtp-transport");
            json.addProperty("rtcpMux", plain.rtcpMux());
            json.addProperty("comedia", plain.comedia());
            json.add("tuple", tuple(plain.tuple()));
            if (plain.rtcpTuple() != null) {
                json.add("rtcpTuple", tuple(plain.rtcpTuple()));
            }
        } else if (kind instanceof TransportStats.WebRtc webRtc) {
            json.addProperty("type", "webrtc-transport");
            json.addProperty("iceRole", "controlled");
            json.addProperty("iceState", webRtc.iceState());
            if (webRtc.iceSelectedTuple() != null) {
                json.add("iceSelectedTuple", tuple(webRtc.iceSelectedTuple()));
            }
            json.addProperty("dtlsState", webRtc.dtlsState());
        } else if (kind instanceof TransportStats.Pipe pipe) {
            json.addProperty("type", "pipe-transport");
            json.add("tuple", tuple(pipe.tuple()));
        } else {
            json.addProperty("type", "direct-transport");
        }
        return json;
    }

    /** The dump as the C++ worker writes it: the common fields, then the kind's. */
    static JsonObject dump(TransportDump dump) {
        JsonObject json = new JsonObject();
        json.addProperty("id", dump.id());
        json.addProperty("direct", dump.direct());
        json.add("producerIds", strings(dump.producerIds()));
        json.add("consumerIds", strings(dump.consumerIds()));
        json.add("mapSsrcConsumerId", map(dump.mapSsrcConsumerId()));
        json.add("mapRtxSsrcConsumerId", map(dump.mapRtxSsrcConsumerId()));
        json.add("dataProducerIds", strings(dump.dataProducerIds()));
        json.add("dataConsumerIds", strings(dump.dataConsumerIds()));
        JsonObject extensions = new JsonObject();
        dump.recvRtpHeaderExtensions().forEach(extensions::addProperty);
        json.add("recvRtpHeaderExtensions", extensions);
        JsonObject rtpListener = new JsonObject();
        rtpListener.add("ssrcTable", map(dump.rtpListener().ssrcTable()));
        rtpListener.add("midTable", map(dump.rtpListener().midTable()));
        rtpListener.add("ridTable", map(dump.rtpListener().ridTable()));
        json.add("rtpListener", rtpListener);
        json.addProperty("maxMessageSize", dump.maxMessageSize());
        TransportDump.Sctp sctp = dump.sctp();
        if (sctp != null) {
            JsonObject parameters = new JsonObject();
            parameters.addProperty("port", sctp.port());
            parameters.addProperty("OS", sctp.os());
            parameters.addProperty("MIS", sctp.mis());
            parameters.addProperty("maxMessageSize", sctp.maxMessageSize());
            parameters.addProperty("sendBufferSize", sctp.sendBufferSize());
            parameters.addProperty("sctpBufferedAmount", sctp.bufferedAmount());
            parameters.addProperty("isDataChannel", sctp.isDataChannel());
            json.add("sctpParameters", parameters);
            json.addProperty("sctpState", sctp.state());
            JsonObject sctpListener = new JsonObject();
            sctpListener.add("streamIdTable", map(sctp.streamIdTable()));
            json.add("sctpListener", sctpListener);
        }
        json.addProperty("traceEventTypes", String.join(",", dump.traceEventTypes()));
        addKind(json, dump.kind());
        return json;
    }

    private static void addKind(JsonObject json, TransportDump.Kind kind) {
        if (kind instanceof TransportDump.Plain plain) {
            json.addProperty("rtcpMux", plain.rtcpMux());
            json.addProperty("comedia", plain.comedia());
            json.add("tuple", tuple(plain.tuple()));
            if (plain.rtcpTuple() != null) {
                json.add("rtcpTuple", tuple(plain.rtcpTuple()));
            }
            if (plain.srtpParameters() != null) {
                json.add("srtpParameters", srtpParameters(plain.srtpParameters()));
            }
        } else if (kind instanceof TransportDump.Pipe pipe) {
            json.add("tuple", tuple(pipe.tuple()));
            json.addProperty("rtx", pipe.rtx());
            if (pipe.srtpParameters() != null) {
                json.add("srtpParameters", srtpParameters(pipe.srtpParameters()));
            }
        } else if (kind instanceof TransportDump.WebRtc webRtc) {
            json.addProperty("iceRole", "controlled");
            json.add("iceParameters", iceParameters(webRtc.usernameFragment(), webRtc.password()));
            JsonArray candidates = new JsonArray();
            webRtc.iceCandidates().forEach(candidate -> candidates.add(iceCandidate(candidate)));
            json.add("iceCandidates", candidates);
            json.addProperty("iceState", webRtc.iceState());
            if (webRtc.iceSelectedTuple() != null) {
                json.add("iceSelectedTuple", tuple(webRtc.iceSelectedTuple()));
            }
            JsonObject dtlsParameters = new JsonObject();
            JsonArray fingerprints = new JsonArray();
            for (DtlsFingerprint fingerprint : webRtc.fingerprints()) {
                JsonObject entry = new JsonObject();
                entry.addProperty("algorithm", fingerprint.algorithm());
                entry.addProperty("value", fingerprint.value());
                fingerprints.add(entry);
            }
            dtlsParameters.add("fingerprints", fingerprints);
            dtlsParameters.addProperty("role", webRtc.dtlsRole());
            json.add("dtlsParameters", dtlsParameters);
            json.addProperty("dtlsState", webRtc.dtlsState());
        }
    }

    static JsonObject iceParameters(String usernameFragment, String password) {
        JsonObject json = new JsonObject();
        json.addProperty("usernameFragment", usernameFragment);
        json.addProperty("password", password);
        json.addProperty("iceLite", true);
        return json;
    }

    private static JsonObject iceCandidate(IceCandidate candidate) {
        JsonObject json = new JsonObject();
        json.addProperty("foundation", candidate.protocol() == Protocol.UDP ? "udpcandidate" : "tcpcandidate");
        json.addProperty("priority", candidate.priority());
        json.addProperty("ip", candidate.ip());
        json.addProperty("protocol", candidate.protocol().label());
        json.addProperty("port", candidate.port());
        json.addProperty("type", "host");
        if (candidate.protocol() == Protocol.TCP) {
            json.addProperty("tcpType", "passive");
        }
        return json;
    }

    static JsonObject tuple(TransportTuple tuple) {
        JsonObject json = new JsonObject();
        json.addProperty("localIp", tuple.localIp());
        json.addProperty("localPort", tuple.localPort());
        if (tuple.remoteIp() != null) {
            json.addProperty("remoteIp", tuple.remoteIp());
            json.addProperty("remotePort", tuple.remotePort());
        }
        json.addProperty("protocol", tuple.protocol().label());
        return json;
    }

    static JsonObject srtpParameters(SrtpParameters srtpParameters) {
        JsonObject json = new JsonObject();
        json.addProperty("cryptoSuite", srtpParameters.cryptoSuite());
        json.addProperty("keyBase64", srtpParameters.keyBase64());
        return json;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    private static JsonObject map(Map<?, String> entries) {
        JsonObject json = new JsonObject();
        entries.forEach((key, value) -> json.addProperty(key.toString(), value));
        return json;
    }
}
