package io.jmediasoup.worker.codec;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.messages.TransportListenInfo;
import io.jmediasoup.worker.messages.TransportOptions;
import io.jmediasoup.worker.net.IpAddresses;
import io.jmediasoup.worker.net.PortManager.Protocol;
import io.jmediasoup.rtp.sctp.SctpConfig;
import io.jmediasoup.worker.rtc.SctpOptions;
import io.jmediasoup.worker.rtc.SrtpParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * The data of mediasoup 3.8's router.create*Transport as typed options, validated in the
 * order and with the texts of its C++ worker: the options all kinds share, then the kind's.
 */
final class JsonTransportOptions {
    /** The largest data message of a transport without SCTP, not direct: the C++ worker's default. */
    private static final long DEFAULT_MAX_MESSAGE_SIZE = 262_144;
    private static final int MAX_LISTEN_IPS = 8;
    private static final int ICE_LOCAL_PREFERENCE = 10_000;

    private JsonTransportOptions() {}

    static TransportOptions base(JsonObject data) {
        boolean direct = JsonMembers.enabled(data, "direct");
        long maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
        if (direct) {
            if (!JsonValues.isPositiveInteger(data.get("maxMessageSize"))) {
                throw new MediasoupTypeError("wrong maxMessageSize (not a number)");
            }
            maxMessageSize = data.get("maxMessageSize").getAsLong();
        }
        JsonElement initialBitrate = data.get("initialAvailableOutgoingBitrate");
        if (initialBitrate != null && !JsonValues.isPositiveInteger(initialBitrate)) {
            throw new MediasoupTypeError("wrong initialAvailableOutgoingBitrate (not a number)");
        }
        boolean enableSctp = JsonMembers.enabled(data, "enableSctp");
        if (enableSctp && direct) {
            throw new MediasoupTypeError("cannot enable SCTP in a direct Transport");
        }
        SctpOptions sctp = enableSctp ? sctp(data) : null;
        // 3.8 has one limit both ways: SCTP's when enabled.
        long limit = sctp != null ? sctp.maxMessageSize() : maxMessageSize;
        return new TransportOptions(direct, initialBitrate != null ? initialBitrate.getAsLong() : null, null, null,
                null, limit, limit, sctp, TransportOptions.Bwe.MEDIASOUP_3_8);
    }

    static TransportOptions.Plain plain(JsonObject data) {
        TransportOptions base = base(data);
        TransportListenInfo listenInfo = requiredListenIp(data);
        boolean rtcpMux = JsonMembers.option(data, "rtcpMux", true);
        boolean comedia = JsonMembers.option(data, "comedia", false);
        String srtpCryptoSuite = JsonMembers.enabled(data, "enableSrtp") ? cryptoSuite(data) : null;
        return new TransportOptions.Plain(base, listenInfo, rtcpMux ? null : listenInfo.withFixedPort(0), rtcpMux,
                comedia, srtpCryptoSuite, SrtpParameters.CRYPTO_SUITES);
    }

    static TransportOptions.Pipe pipe(JsonObject data) {
        TransportOptions base = base(data);
        TransportListenInfo listenInfo = requiredListenIp(data);
        // 3.8's pipe transports protect with AES_CM_128_HMAC_SHA1_80.
        return new TransportOptions.Pipe(base, listenInfo, JsonMembers.enabled(data, "enableRtx"),
                JsonMembers.enabled(data, "enableSrtp") ? "AES_CM_128_HMAC_SHA1_80" : null);
    }

    static TransportOptions.Direct direct(JsonObject data) {
        return new TransportOptions.Direct(base(data));
    }

    /**
     * A UDP and/or a TCP candidate per listen IP: each IP 100 below the one before, the
     * preferred protocol 1000 above.
     */
    static TransportOptions.WebRtc webRtc(JsonObject data) {
        TransportOptions base = base(data);
        boolean enableUdp = JsonMembers.option(data, "enableUdp", true);
        boolean enableTcp = JsonMembers.option(data, "enableTcp", false);
        boolean preferUdp = JsonMembers.option(data, "preferUdp", false);
        boolean preferTcp = JsonMembers.option(data, "preferTcp", false);
        JsonArray listenIps = listenIps(data.get("listenIps"));
        List<TransportListenInfo> ips = new ArrayList<>();
        for (JsonElement listenIp : listenIps) {
            ips.add(listenIp(listenIp));
        }
        int port = fixedPort(data);
        List<TransportOptions.IceListen> listens = new ArrayList<>();
        int decrement = 0;
        for (TransportListenInfo ip : ips) {
            TransportListenInfo listenInfo = ip.withFixedPort(port);
            if (enableUdp) {
                listens.add(new TransportOptions.IceListen(listenInfo,
                        ICE_LOCAL_PREFERENCE - decrement + (preferUdp ? 1000 : 0)));
            }
            if (enableTcp) {
                listens.add(new TransportOptions.IceListen(listenInfo.withProtocol(Protocol.TCP),
                        ICE_LOCAL_PREFERENCE - decrement + (preferTcp ? 1000 : 0)));
            }
            decrement += 100;
        }
        return new TransportOptions.WebRtc(base, listens, TransportOptions.Ice.MEDIASOUP_3_8);
    }

    /** The SCTP options of a create request with enableSctp, with 3.8's checks and texts. */
    private static SctpOptions sctp(JsonObject data) {
        JsonElement streams = data.get("numSctpStreams");
        if (streams == null || !streams.isJsonObject()) {
            throw new MediasoupTypeError("wrong numSctpStreams (not an object)");
        }
        JsonElement os = streams.getAsJsonObject().get("OS");
        JsonElement mis = streams.getAsJsonObject().get("MIS");
        if (!JsonValues.isPositiveInteger(os) || !JsonValues.isPositiveInteger(mis)) {
            throw new MediasoupTypeError("wrong numSctpStreams.OS and/or numSctpStreams.MIS (not a number)");
        }
        if (!inStreamRange(os) || !inStreamRange(mis)) {
            throw new MediasoupTypeError(
                    "wrong numSctpStreams.OS and/or numSctpStreams.MIS (must be from 1 to " + SctpOptions.MAX_STREAMS + ")");
        }
        JsonElement maxMessageSize = data.get("maxSctpMessageSize");
        if (!JsonValues.isPositiveInteger(maxMessageSize)) {
            throw new MediasoupTypeError("wrong maxSctpMessageSize (not a number)");
        }
        if (maxMessageSize.getAsLong() > SctpOptions.MAX_MESSAGE_SIZE) {
            throw new MediasoupTypeError("wrong maxSctpMessageSize (maximum value exceeded)");
        }
        long sendBufferSize = SctpOptions.DEFAULT_SEND_BUFFER_SIZE;
        JsonElement sendBuffer = data.get("sctpSendBufferSize");
        if (sendBuffer != null) {
            if (!JsonValues.isPositiveInteger(sendBuffer)) {
                throw new MediasoupTypeError("wrong sctpSendBufferSize (not a number)");
            }
            sendBufferSize = sendBuffer.getAsLong();
            if (sendBufferSize > SctpOptions.MAX_SEND_BUFFER_SIZE) {
                throw new MediasoupTypeError("wrong sctpSendBufferSize (maximum value exceeded)");
            }
        }
        JsonElement dataChannel = data.get("isDataChannel");
        return new SctpOptions(os.getAsInt(), mis.getAsInt(), maxMessageSize.getAsLong(),
                sendBufferSize, JsonValues.isBoolean(dataChannel) && dataChannel.getAsBoolean(), null,
                SctpConfig.NO_ZERO_CHECKSUM, 0, false, SctpConfig.NO_STREAM_LIMIT,
                SctpConfig.Stack.USRSCTP);
    }

    private static boolean inStreamRange(JsonElement streams) {
        long count = streams.getAsLong();
        return count >= 1 && count <= SctpOptions.MAX_STREAMS;
    }

    private static JsonArray listenIps(JsonElement json) {
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
        return array;
    }

    /** data.listenIp and data.port of a Plain or Pipe transport. */
    private static TransportListenInfo requiredListenIp(JsonObject data) {
        if (!data.has("listenIp")) {
            throw new MediasoupTypeError("missing listenIp");
        }
        return listenIp(data.get("listenIp")).withFixedPort(fixedPort(data));
    }

    /** A listen IP on UDP, port 0. */
    private static TransportListenInfo listenIp(JsonElement json) {
        if (json == null || !json.isJsonObject()) {
            throw new MediasoupTypeError("wrong listenIp (not an object)");
        }
        JsonObject object = json.getAsJsonObject();
        JsonElement ip = object.get("ip");
        if (ip == null) {
            throw new MediasoupTypeError("missing listenIp.ip");
        }
        if (!JsonValues.isString(ip)) {
            throw new MediasoupTypeError("wrong listenIp.ip (not an string)");
        }
        JsonElement announcedIp = object.get("announcedIp");
        if (announcedIp != null && !JsonValues.isString(announcedIp)) {
            throw new MediasoupTypeError("wrong listenIp.announcedIp (not an string)");
        }
        return TransportListenInfo.of(Protocol.UDP, IpAddresses.normalize(ip.getAsString()),
                announcedIp != null ? announcedIp.getAsString() : null, 0);
    }

    /** data.port: a fixed port to bind instead of one from the range, or 0. */
    private static int fixedPort(JsonObject data) {
        JsonElement port = data.get("port");
        if (port == null) {
            return 0;
        }
        if (!JsonValues.isPositiveInteger(port)) {
            throw new MediasoupTypeError("wrong port (not a positive number)");
        }
        return JsonMembers.port(port, "port");
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
}
