package io.jmediasoup.worker.codec;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.channel.Request;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.ConsumerLayers;
import io.jmediasoup.worker.messages.ConsumerRequest;
import io.jmediasoup.worker.messages.ConsumerResponse;
import io.jmediasoup.worker.messages.ConsumerScore;
import io.jmediasoup.worker.messages.TransportMediaRequest;
import io.jmediasoup.worker.rtc.params.LayeredCodecs;
import io.jmediasoup.worker.rtc.params.MediaKind;
import io.jmediasoup.worker.rtc.params.RtpEncodingParameters;
import io.jmediasoup.worker.rtc.params.RtpParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * mediasoup 3.8's transport.consume, consumer.close (both answered by the transport) and
 * consumer.* requests (answered by the consumer internal.consumerId names).
 */
final class JsonConsumerCodec implements JsonRequestCodec {
    /** 3.8's C++ worker finds the transport first, then what it owns. */
    @Override
    public List<Ancestor> ancestors(Request request) {
        return decodes(request.method()) ? TRANSPORT : List.of();
    }

    private static boolean decodes(String method) {
        return method.equals("transport.consume") || method.startsWith("consumer.");
    }

    @Override
    public ChannelRequest decode(Request request) {
        JsonObject internal = request.internal();
        switch (request.method()) {
            case "transport.consume":
                return consume(internal, request.data());
            case "consumer.close":
                return new TransportMediaRequest.CloseConsumer(JsonMembers.id(internal, "transportId"),
                        JsonMembers.id(internal, "consumerId"));
            case "consumer.dump":
                return new ConsumerRequest.Dump(JsonMembers.id(internal, "consumerId"));
            case "consumer.getStats":
                return new ConsumerRequest.GetStats(JsonMembers.id(internal, "consumerId"));
            case "consumer.pause":
                return new ConsumerRequest.Pause(JsonMembers.id(internal, "consumerId"));
            case "consumer.resume":
                return new ConsumerRequest.Resume(JsonMembers.id(internal, "consumerId"));
            case "consumer.setPriority":
                return new ConsumerRequest.SetPriority(JsonMembers.id(internal, "consumerId"), priority(request.data()));
            case "consumer.setPreferredLayers":
                return new ConsumerRequest.SetPreferredLayers(JsonMembers.id(internal, "consumerId"),
                        layers(request.data()));
            case "consumer.requestKeyFrame":
                return new ConsumerRequest.RequestKeyFrame(JsonMembers.id(internal, "consumerId"));
            case "consumer.enableTraceEvent":
                return new ConsumerRequest.EnableTraceEvent(JsonMembers.id(internal, "consumerId"),
                        JsonTraceTypes.parse(request.data()));
            default:
                return null;
        }
    }

    /** The consume options, checked in the C++ worker's order. */
    private static TransportMediaRequest.Consume consume(JsonObject internal, JsonObject data) {
        String transportId = JsonMembers.id(internal, "transportId");
        JsonElement producerId = internal.get("producerId");
        if (!JsonValues.isString(producerId)) {
            throw new MediasoupError("missing internal.producerId");
        }
        String consumerId = JsonMembers.id(internal, "consumerId");
        RtpParameters.Type type = type(data.get("type"));
        MediaKind kind = JsonRtpParameters.kind(data);
        JsonElement rtpParametersJson = data.get("rtpParameters");
        if (rtpParametersJson == null || !rtpParametersJson.isJsonObject()) {
            throw new MediasoupTypeError("missing rtpParameters");
        }
        RtpParameters rtpParameters = JsonRtpParameters.parse(rtpParametersJson);
        // Missing: the consumer refuses it, once it has checked the RTP parameters.
        JsonElement encodingsJson = data.get("consumableRtpEncodings");
        List<RtpEncodingParameters> encodings = null;
        if (encodingsJson != null && encodingsJson.isJsonArray()) {
            encodings = new ArrayList<>();
            for (JsonElement entry : encodingsJson.getAsJsonArray()) {
                encodings.add(JsonRtpParameters.encoding(entry));
            }
        }
        JsonElement paused = data.get("paused");
        // Only layered consumers read preferredLayers.
        JsonElement preferredLayers = data.get("preferredLayers");
        ConsumerLayers layers = null;
        if ((type == RtpParameters.Type.SIMULCAST || type == RtpParameters.Type.SVC) && preferredLayers != null
                && preferredLayers.isJsonObject()) {
            layers = layers(preferredLayers.getAsJsonObject());
            if (layers == null) {
                throw new MediasoupTypeError("missing preferredLayers.spatialLayer");
            }
        }
        return new TransportMediaRequest.Consume(transportId, consumerId, producerId.getAsString(), kind,
                rtpParameters, type, encodings, JsonValues.isBoolean(paused) && paused.getAsBoolean(), layers,
                LayeredCodecs.MEDIASOUP_3_8, false);
    }

    private static RtpParameters.Type type(JsonElement type) {
        if (!JsonValues.isString(type)) {
            throw new MediasoupTypeError("missing type");
        }
        switch (type.getAsString()) {
            case "simple":
                return RtpParameters.Type.SIMPLE;
            case "simulcast":
                return RtpParameters.Type.SIMULCAST;
            case "svc":
                return RtpParameters.Type.SVC;
            case "pipe":
                return RtpParameters.Type.PIPE;
            case "none":
                throw new MediasoupTypeError("invalid type 'none'");
            default:
                throw new MediasoupTypeError("invalid RtpParameters type [type:" + type.getAsString() + "]");
        }
    }

    /**
     * spatialLayer (a non-negative integer) and temporalLayer (optional); null when
     * spatialLayer is missing: only a consumer with layers refuses that.
     */
    private static ConsumerLayers layers(JsonObject json) {
        JsonElement spatialLayer = json.get("spatialLayer");
        if (!JsonValues.isPositiveInteger(spatialLayer)) {
            return null;
        }
        JsonElement temporalLayer = json.get("temporalLayer");
        return new ConsumerLayers(layer(spatialLayer), JsonValues.isPositiveInteger(temporalLayer) ? layer(temporalLayer) : null);
    }

    private static int layer(JsonElement json) {
        return (int) Math.min(json.getAsLong(), Integer.MAX_VALUE);
    }

    /** Like the C++ worker, any number is taken and narrowed to 8 bits. */
    private static int priority(JsonObject data) {
        JsonElement json = data.get("priority");
        if (!JsonValues.isNumber(json)) {
            throw new MediasoupTypeError("wrong priority (not a number)");
        }
        long value = JsonValues.isInteger(json) ? json.getAsLong() : (long) json.getAsDouble();
        return (int) (value & 0xFF);
    }

    @Override
    public JsonElement encode(ChannelResponse response) {
        if (response instanceof ConsumerResponse.Consumed consumed) {
            JsonObject json = new JsonObject();
            json.addProperty("paused", consumed.paused());
            json.addProperty("producerPaused", consumed.producerPaused());
            json.add("score", score(consumed.score()));
            if (consumed.preferredLayers() != null) {
                json.add("preferredLayers", layers(consumed.preferredLayers()));
            }
            return json;
        }
        if (response instanceof ConsumerResponse.Stats stats) {
            return JsonRtpStreams.stats(stats.stats());
        }
        if (response instanceof ConsumerResponse.Priority priority) {
            JsonObject json = new JsonObject();
            json.addProperty("priority", priority.priority());
            return json;
        }
        if (response instanceof ConsumerResponse.PreferredLayers preferred) {
            return preferred.preferredLayers() != null ? layers(preferred.preferredLayers()) : null;
        }
        if (response instanceof ConsumerResponse.Dump dump) {
            return dump(dump);
        }
        return null;
    }

    private static JsonObject dump(ConsumerResponse.Dump dump) {
        JsonObject json = new JsonObject();
        json.addProperty("id", dump.id());
        json.addProperty("producerId", dump.producerId());
        json.addProperty("kind", dump.kind().label());
        json.add("rtpParameters", JsonRtpParameters.toJson(dump.rtpParameters()));
        json.addProperty("type", dump.type().label());
        JsonArray encodings = new JsonArray();
        dump.consumableRtpEncodings().forEach(encoding -> encodings.add(JsonRtpParameters.toJson(encoding)));
        json.add("consumableRtpEncodings", encodings);
        JsonArray payloadTypes = new JsonArray();
        dump.supportedCodecPayloadTypes().forEach(payloadTypes::add);
        json.add("supportedCodecPayloadTypes", payloadTypes);
        json.addProperty("paused", dump.paused());
        json.addProperty("producerPaused", dump.producerPaused());
        json.addProperty("priority", dump.priority());
        json.addProperty("traceEventTypes", String.join(",", dump.traceEventTypes()));
        // A pipe consumer mirrors every stream; the others send one.
        if (dump.type() == RtpParameters.Type.PIPE) {
            json.add("rtpStreams", JsonRtpStreams.dumps(dump.rtpStreams()));
        } else {
            json.add("rtpStream", JsonRtpStreams.dump(dump.rtpStreams().get(0)));
        }
        ConsumerResponse.Layers layers = dump.layers();
        if (layers != null) {
            json.addProperty("preferredSpatialLayer", layers.preferredSpatialLayer());
            json.addProperty("targetSpatialLayer", layers.targetSpatialLayer());
            json.addProperty("currentSpatialLayer", layers.currentSpatialLayer());
            json.addProperty("preferredTemporalLayer", layers.preferredTemporalLayer());
            json.addProperty("targetTemporalLayer", layers.targetTemporalLayer());
            json.addProperty("currentTemporalLayer", layers.currentTemporalLayer());
        }
        return json;
    }

    static JsonObject score(ConsumerScore score) {
        JsonObject json = new JsonObject();
        json.addProperty("score", score.score());
        json.addProperty("producerScore", score.producerScore());
        JsonArray producerScores = new JsonArray();
        score.producerScores().forEach(producerScores::add);
        json.add("producerScores", producerScores);
        return json;
    }

    static JsonObject layers(ConsumerLayers layers) {
        JsonObject json = new JsonObject();
        json.addProperty("spatialLayer", layers.spatialLayer());
        json.addProperty("temporalLayer", layers.temporalLayer());
        return json;
    }

    @Override
    public String notFound(ChannelRequest request) {
        if (request instanceof ConsumerRequest) {
            return "Consumer not found";
        }
        return request instanceof TransportMediaRequest.Consume || request instanceof TransportMediaRequest.CloseConsumer
                ? "Transport not found"
                : null;
    }
}
