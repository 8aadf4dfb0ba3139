package io.jmediasoup.worker.codec;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.channel.Request;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.ProducerRequest;
import io.jmediasoup.worker.messages.ProducerResponse;
import io.jmediasoup.worker.messages.TransportMediaRequest;
import io.jmediasoup.worker.rtc.params.LayeredCodecs;
import io.jmediasoup.worker.rtc.params.MediaKind;
import io.jmediasoup.worker.rtc.params.RtpMapping;
import io.jmediasoup.worker.rtc.params.RtpParameters;
import java.util.List;

/**
 * mediasoup 3.8's transport.produce, producer.close (both answered by the transport) and
 * producer.* requests (answered by the producer internal.producerId names).
 */
final class JsonProducerCodec implements JsonRequestCodec {
    /** 3.8's C++ worker finds the transport first, then what it owns. */
    @Override
    public List<Ancestor> ancestors(Request request) {
        return decodes(request.method()) ? TRANSPORT : List.of();
    }

    private static boolean decodes(String method) {
        return method.equals("transport.produce") || method.startsWith("producer.");
    }

    @Override
    public ChannelRequest decode(Request request) {
        JsonObject internal = request.internal();
        switch (request.method()) {
            case "transport.produce":
                return produce(JsonMembers.id(internal, "transportId"), JsonMembers.id(internal, "producerId"), request.data());
            case "producer.close":
                return new TransportMediaRequest.CloseProducer(JsonMembers.id(internal, "transportId"),
                        JsonMembers.id(internal, "producerId"));
            case "producer.dump":
                return new ProducerRequest.Dump(JsonMembers.id(internal, "producerId"));
            case "producer.getStats":
                return new ProducerRequest.GetStats(JsonMembers.id(internal, "producerId"));
            case "producer.pause":
                return new ProducerRequest.Pause(JsonMembers.id(internal, "producerId"));
            case "producer.resume":
                return new ProducerRequest.Resume(JsonMembers.id(internal, "producerId"));
            case "producer.enableTraceEvent":
                // 3.8's producer has no "sr" trace: its C++ worker ignores the name, as any it does not know.
                return new ProducerRequest.EnableTraceEvent(JsonMembers.id(internal, "producerId"),
                        JsonTraceTypes.parse(request.data()).stream().filter(type -> !type.equals("sr")).toList());
            default:
                return null;
        }
    }

    /** The produce options, checked in the C++ worker's order. */
    private static TransportMediaRequest.Produce produce(String transportId, String producerId, JsonObject data) {
        MediaKind kind = JsonRtpParameters.kind(data);
        JsonElement rtpParametersJson = data.get("rtpParameters");
        if (rtpParametersJson == null || !rtpParametersJson.isJsonObject()) {
            throw new MediasoupTypeError("missing rtpParameters");
        }
        RtpParameters rtpParameters = JsonRtpParameters.parse(rtpParametersJson);
        RtpMapping rtpMapping = JsonRtpMapping.parse(data.get("rtpMapping"), !rtpParameters.mid().isEmpty());
        JsonElement paused = data.get("paused");
        JsonElement delay = data.get("keyFrameRequestDelay");
        // An integer read as the C++ worker's unsigned 32 bits; anything else is no delay.
        long keyFrameRequestDelay = JsonValues.isInteger(delay) ? delay.getAsLong() & 0xFFFFFFFFL : 0;
        return new TransportMediaRequest.Produce(transportId, producerId, kind, rtpParameters, rtpMapping,
                JsonValues.isBoolean(paused) && paused.getAsBoolean(), keyFrameRequestDelay,
                LayeredCodecs.MEDIASOUP_3_8, false);
    }

    @Override
    public JsonElement encode(ChannelResponse response) {
        if (response instanceof ProducerResponse.Produced produced) {
            JsonObject json = new JsonObject();
            json.addProperty("type", produced.type().label());
            return json;
        }
        if (response instanceof ProducerResponse.Stats stats) {
            return JsonRtpStreams.stats(stats.stats());
        }
        if (response instanceof ProducerResponse.Dump dump) {
            JsonObject json = new JsonObject();
            json.addProperty("id", dump.id());
            json.addProperty("kind", dump.kind().label());
            json.add("rtpParameters", JsonRtpParameters.toJson(dump.rtpParameters()));
            json.addProperty("type", dump.type().label());
            json.add("rtpMapping", JsonRtpMapping.toJson(dump.rtpMapping()));
            JsonArray streams = JsonRtpStreams.dumps(dump.rtpStreams());
            json.add("rtpStreams", streams);
            json.addProperty("paused", dump.paused());
            json.addProperty("traceEventTypes", String.join(",", dump.traceEventTypes()));
            return json;
        }
        return null;
    }

    @Override
    public String notFound(ChannelRequest request) {
        if (request instanceof ProducerRequest) {
            return "Producer not found";
        }
        return request instanceof TransportMediaRequest.Produce || request instanceof TransportMediaRequest.CloseProducer
                ? "Transport not found"
                : null;
    }
}
