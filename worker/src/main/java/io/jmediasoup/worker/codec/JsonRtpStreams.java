package io.jmediasoup.worker.codec;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.jmediasoup.worker.messages.RtpPacketDump;
import io.jmediasoup.worker.messages.RtpStreamDump;
import io.jmediasoup.worker.messages.RtpStreamStats;
import io.jmediasoup.worker.messages.RtpTrace;
import java.util.List;

/** mediasoup 3.8's JSON for RTP streams (dumps, stats) and the RTP trace events, as the C++ worker writes them. */
final class JsonRtpStreams {
    private JsonRtpStreams() {}

    static JsonObject dump(RtpStreamDump dump) {
        JsonObject params = new JsonObject();
        params.addProperty("encodingIdx", dump.encodingIdx());
        params.addProperty("ssrc", dump.ssrc());
        params.addProperty("payloadType", dump.payloadType());
        params.addProperty("mimeType", dump.mimeType());
        params.addProperty("clockRate", dump.clockRate());
        if (!dump.rid().isEmpty()) {
            params.addProperty("rid", dump.rid());
        }
        params.addProperty("cname", dump.cname());
        if (dump.hasRtx()) {
            params.addProperty("rtxSsrc", dump.rtxSsrc());
            params.addProperty("rtxPayloadType", dump.rtxPayloadType());
        }
        params.addProperty("useNack", dump.useNack());
        params.addProperty("usePli", dump.usePli());
        params.addProperty("useFir", dump.useFir());
        params.addProperty("useInBandFec", dump.useInBandFec());
        params.addProperty("useDtx", dump.useDtx());
        params.addProperty("spatialLayers", dump.spatialLayers());
        params.addProperty("temporalLayers", dump.temporalLayers());
        JsonObject json = new JsonObject();
        json.add("params", params);
        json.addProperty("score", dump.score());
        if (dump.hasRtx()) {
            JsonObject rtxParams = new JsonObject();
            rtxParams.addProperty("ssrc", dump.rtxSsrc());
            rtxParams.addProperty("payloadType", dump.rtxPayloadType());
            rtxParams.addProperty("mimeType", dump.rtxMimeType());
            rtxParams.addProperty("clockRate", dump.clockRate());
            if (!dump.rid().isEmpty()) {
                rtxParams.addProperty("rrid", dump.rid());
            }
            rtxParams.addProperty("cname", dump.cname());
            JsonObject rtxStream = new JsonObject();
            rtxStream.add("params", rtxParams);
            json.add("rtxStream", rtxStream);
        }
        return json;
    }

    static JsonArray dumps(List<RtpStreamDump> dumps) {
        JsonArray json = new JsonArray();
        dumps.forEach(dump -> json.add(dump(dump)));
        return json;
    }

    static JsonArray stats(List<RtpStreamStats> stats) {
        JsonArray json = new JsonArray();
        stats.forEach(entry -> json.add(stats(entry)));
        return json;
    }

    private static JsonObject stats(RtpStreamStats stats) {
        JsonObject json = new JsonObject();
        json.addProperty("timestamp", stats.timestamp());
        json.addProperty("ssrc", stats.ssrc());
        json.addProperty("kind", stats.kind());
        json.addProperty("mimeType", stats.mimeType());
        json.addProperty("packetsLost", stats.packetsLost());
        json.addProperty("fractionLost", stats.fractionLost());
        json.addProperty("packetsDiscarded", stats.packetsDiscarded());
        json.addProperty("packetsRetransmitted", stats.packetsRetransmitted());
        json.addProperty("packetsRepaired", stats.packetsRepaired());
        json.addProperty("nackCount", stats.nackCount());
        json.addProperty("nackPacketCount", stats.nackPacketCount());
        json.addProperty("pliCount", stats.pliCount());
        json.addProperty("firCount", stats.firCount());
        json.addProperty("score", stats.score());
        if (!stats.rid().isEmpty()) {
            json.addProperty("rid", stats.rid());
        }
        if (stats.rtxSsrc() != 0) {
            json.addProperty("rtxSsrc", stats.rtxSsrc());
            json.addProperty("rtxPacketsDiscarded", stats.rtxPacketsDiscarded());
        }
        if (stats.roundTripTime() > 0) {
            json.addProperty("roundTripTime", stats.roundTripTime());
        }
        json.addProperty("type", stats.inbound() ? "inbound-rtp" : "outbound-rtp");
        if (stats.inbound()) {
            json.addProperty("jitter", stats.jitter());
        }
        json.addProperty("packetCount", stats.packetCount());
        json.addProperty("byteCount", stats.byteCount());
        json.addProperty("bitrate", stats.bitrate());
        if (!stats.bitrateByLayer().isEmpty()) {
            JsonObject byLayer = new JsonObject();
            stats.bitrateByLayer().forEach(byLayer::addProperty);
            json.add("bitrateByLayer", byLayer);
        }
        return json;
    }

    /** A "trace" event's data: type, timestamp, direction and info. */
    static JsonObject trace(RtpTrace trace) {
        JsonObject info = new JsonObject();
        if (trace.packet() != null) {
            info = packet(trace.packet());
            if (trace.isRtx()) {
                info.addProperty("isRtx", true);
            }
        } else if (trace.ssrc() != null) {
            info.addProperty("ssrc", trace.ssrc());
        }
        return trace(trace.type(), trace.timestamp(), trace.direction(), info);
    }

    private static JsonObject trace(String type, long timestamp, String direction, JsonObject info) {
        JsonObject json = new JsonObject();
        json.addProperty("type", type);
        json.addProperty("timestamp", timestamp);
        json.addProperty("direction", direction);
        json.add("info", info);
        return json;
    }

    /** The C++ worker's JSON dump of an RTP packet. */
    static JsonObject packet(RtpPacketDump packet) {
        JsonObject info = new JsonObject();
        info.addProperty("payloadType", packet.payloadType());
        info.addProperty("sequenceNumber", packet.sequenceNumber());
        info.addProperty("timestamp", packet.timestamp());
        info.addProperty("marker", packet.marker());
        info.addProperty("ssrc", packet.ssrc());
        info.addProperty("isKeyFrame", packet.isKeyFrame());
        info.addProperty("size", packet.size());
        info.addProperty("payloadSize", packet.payloadSize());
        info.addProperty("spatialLayer", packet.spatialLayer());
        info.addProperty("temporalLayer", packet.temporalLayer());
        if (packet.mid() != null) {
            info.addProperty("mid", packet.mid());
        }
        if (packet.rid() != null) {
            info.addProperty("rid", packet.rid());
        }
        if (packet.rrid() != null) {
            info.addProperty("rrid", packet.rrid());
        }
        if (packet.wideSequenceNumber() != null) {
            info.addProperty("wideSequenceNumber", packet.wideSequenceNumber());
        }
        return info;
    }
}
