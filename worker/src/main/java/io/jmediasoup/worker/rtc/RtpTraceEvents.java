package io.jmediasoup.worker.rtc;

import com.google.gson.JsonObject;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.worker.messages.RtpPacketDump;

/**
 * The "trace" events of a producer or a consumer (enableTraceEvent types rtp, keyframe,
 * nack, pli, fir), with the fields the C++ worker writes: {type, timestamp, direction, info}.
 * Media goes one way (in to a producer, out of a consumer), feedback about it the other way.
 */
final class RtpTraceEvents {
    private final String id;
    private final Shared shared;
    private final String mediaDirection;
    private final String feedbackDirection;
    private final TraceEventTypes types = new TraceEventTypes("rtp", "keyframe", "nack", "pli", "fir");
    /** Kept apart from {@link #types} so that the forwarding path checks a field, not a set. */
    private boolean rtp;
    private boolean keyFrame;
    private boolean nack;
    private boolean pli;
    private boolean fir;

    private RtpTraceEvents(String id, Shared shared, String mediaDirection, String feedbackDirection) {
        this.id = id;
        this.shared = shared;
        this.mediaDirection = mediaDirection;
        this.feedbackDirection = feedbackDirection;
    }

    static RtpTraceEvents forProducer(String id, Shared shared) {
        return new RtpTraceEvents(id, shared, "in", "out");
    }

    static RtpTraceEvents forConsumer(String id, Shared shared) {
        return new RtpTraceEvents(id, shared, "out", "in");
    }

    void enable(JsonObject data) {
        types.enable(data);
        rtp = types.isEnabled("rtp");
        keyFrame = types.isEnabled("keyframe");
        nack = types.isEnabled("nack");
        pli = types.isEnabled("pli");
        fir = types.isEnabled("fir");
    }

    /** A packet received or sent: "keyframe" when it starts one and that type is enabled, else "rtp". */
    void packet(RtpPacket packet, boolean isRtx, RtpExtensionIds ids) {
        String type;
        if (keyFrame && packet.isKeyFrame()) {
            type = "keyframe";
        } else if (rtp) {
            type = "rtp";
        } else {
            return;
        }
        JsonObject info = packetInfo(packet, ids);
        if (isRtx) {
            info.addProperty("isRtx", true);
        }
        emit(type, mediaDirection, info);
    }

    void pli(long ssrc) {
        if (pli) {
            emit("pli", feedbackDirection, ssrcInfo(ssrc));
        }
    }

    void fir(long ssrc) {
        if (fir) {
            emit("fir", feedbackDirection, ssrcInfo(ssrc));
        }
    }

    void nack() {
        if (nack) {
            emit("nack", feedbackDirection, new JsonObject());
        }
    }

    private void emit(String type, String direction, JsonObject info) {
        JsonObject data = new JsonObject();
        data.addProperty("type", type);
        data.addProperty("timestamp", shared.nowMs());
        data.addProperty("direction", direction);
        data.add("info", info);
        shared.notify(id, "trace", data);
    }

    private static JsonObject ssrcInfo(long ssrc) {
        JsonObject info = new JsonObject();
        info.addProperty("ssrc", ssrc);
        return info;
    }

    /**
     * The C++ worker's dump of a packet, with the layers its producer stream read from the
     * payload descriptor. As in the C++ worker, "rid" and "rrid" both show the RID, else
     * the repaired RID, each when its own extension is negotiated.
     */
    static JsonObject packetInfo(RtpPacket packet, RtpExtensionIds ids) {
        JsonObject info = new JsonObject();
        info.addProperty("payloadType", packet.payloadType());
        info.addProperty("sequenceNumber", packet.sequenceNumber());
        info.addProperty("timestamp", packet.timestamp());
        info.addProperty("marker", packet.marker());
        info.addProperty("ssrc", packet.ssrc());
        info.addProperty("isKeyFrame", packet.isKeyFrame());
        info.addProperty("size", packet.size());
        info.addProperty("payloadSize", packet.payloadLength());
        info.addProperty("spatialLayer", packet.spatialLayer());
        info.addProperty("temporalLayer", packet.temporalLayer());
        String mid = ids.readMid(packet);
        if (mid != null) {
            info.addProperty("mid", mid);
        }
        String rid = ids.readRid(packet);
        if (ids.rid() != 0 && rid != null) {
            info.addProperty("rid", rid);
        }
        if (ids.rrid() != 0 && rid != null) {
            info.addProperty("rrid", rid);
        }
        if (ids.transportWideCc01() != 0 && packet.extensionLength(ids.transportWideCc01()) == 2) {
            info.addProperty("wideSequenceNumber",
                    packet.buffer().getUnsignedShort(packet.extensionIndex(ids.transportWideCc01())));
        }
        return info;
    }

    /** {@link #packetInfo} as a typed value. */
    static RtpPacketDump packetDump(RtpPacket packet, RtpExtensionIds ids) {
        String rid = ids.readRid(packet);
        Integer wideSequenceNumber = ids.transportWideCc01() != 0 && packet.extensionLength(ids.transportWideCc01()) == 2
                ? packet.buffer().getUnsignedShort(packet.extensionIndex(ids.transportWideCc01())) : null;
        return new RtpPacketDump(packet.payloadType(), packet.sequenceNumber(), packet.timestamp(), packet.marker(),
                packet.ssrc(), packet.isKeyFrame(), packet.size(), packet.payloadLength(), packet.spatialLayer(),
                packet.temporalLayer(), ids.readMid(packet), ids.rid() != 0 ? rid : null, ids.rrid() != 0 ? rid : null,
                wideSequenceNumber);
    }

    /** The comma-separated form dumps carry. */
    @Override
    public String toString() {
        return types.toString();
    }
}
