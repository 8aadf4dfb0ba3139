package io.jmediasoup.worker.codec;

import com.google.gson.JsonObject;
import io.jmediasoup.worker.messages.Event;
import io.jmediasoup.worker.messages.TransportEvent;

/** mediasoup 3.8's names and data of a transport's events. */
final class JsonTransportEventCodec implements JsonEventCodec {
    @Override
    public JsonEvent encode(Event event) {
        if (!(event instanceof TransportEvent)) {
            return null;
        }
        JsonObject data = new JsonObject();
        if (event instanceof TransportEvent.Tuple tuple) {
            data.add("tuple", JsonTransportCodec.tuple(tuple.tuple()));
            return new JsonEvent("tuple", data);
        }
        if (event instanceof TransportEvent.RtcpTuple rtcpTuple) {
            data.add("rtcpTuple", JsonTransportCodec.tuple(rtcpTuple.tuple()));
            return new JsonEvent("rtcptuple", data);
        }
        if (event instanceof TransportEvent.IceStateChange change) {
            data.addProperty("iceState", change.iceState());
            return new JsonEvent("icestatechange", data);
        }
        if (event instanceof TransportEvent.IceSelectedTupleChange change) {
            data.add("iceSelectedTuple", JsonTransportCodec.tuple(change.tuple()));
            return new JsonEvent("iceselectedtuplechange", data);
        }
        if (event instanceof TransportEvent.DtlsStateChange change) {
            data.addProperty("dtlsState", change.dtlsState());
            if (change.remoteCert() != null) {
                data.addProperty("dtlsRemoteCert", change.remoteCert());
            }
            return new JsonEvent("dtlsstatechange", data);
        }
        if (event instanceof TransportEvent.SctpStateChange change) {
            data.addProperty("sctpState", change.sctpState());
            return new JsonEvent("sctpstatechange", data);
        }
        if (event instanceof TransportEvent.SctpNegotiatedCapabilities) {
            return JsonEvent.NOT_SENT;
        }
        if (event instanceof TransportEvent.BweTrace bwe) {
            JsonObject info = new JsonObject();
            info.addProperty("desiredBitrate", bwe.desiredBitrate());
            info.addProperty("effectiveDesiredBitrate", bwe.effectiveDesiredBitrate());
            info.addProperty("minBitrate", bwe.minBitrate());
            info.addProperty("maxBitrate", bwe.maxBitrate());
            info.addProperty("startBitrate", bwe.startBitrate());
            info.addProperty("maxPaddingBitrate", bwe.maxPaddingBitrate());
            info.addProperty("availableBitrate", bwe.availableBitrate());
            info.addProperty("type", bwe.transportCc() ? "transport-cc" : "remb");
            return trace("bwe", bwe.timestamp(), info);
        }
        TransportEvent.ProbationTrace probation = (TransportEvent.ProbationTrace) event;
        return trace("probation", probation.timestamp(), JsonRtpStreams.packet(probation.packet()));
    }

    /** A "trace" event; a transport's traces are all of what it sends. */
    private static JsonEvent trace(String type, long timestamp, JsonObject info) {
        JsonObject data = new JsonObject();
        data.addProperty("type", type);
        data.addProperty("timestamp", timestamp);
        data.addProperty("direction", "out");
        data.add("info", info);
        return new JsonEvent("trace", data);
    }
}
