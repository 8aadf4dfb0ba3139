package io.jmediasoup.worker.codec;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.rtc.params.CodecParameters;
import io.jmediasoup.worker.rtc.params.MediaKind;
import io.jmediasoup.worker.rtc.params.RtcpFeedback;
import io.jmediasoup.worker.rtc.params.RtcpParameters;
import io.jmediasoup.worker.rtc.params.RtpCodecMimeType;
import io.jmediasoup.worker.rtc.params.RtpCodecParameters;
import io.jmediasoup.worker.rtc.params.RtpEncodingParameters;
import io.jmediasoup.worker.rtc.params.RtpHeaderExtensionParameters;
import io.jmediasoup.worker.rtc.params.RtpParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * mediasoup 3.8's JSON of RtpParameters and their parts: read with the C++ worker's checks
 * and texts, and written back as its dumps show them.
 */
public final class JsonRtpParameters {
    private JsonRtpParameters() {}

    public static RtpParameters parse(JsonElement data) {
        JsonObject json = JsonMembers.object(data);
        String mid = JsonMembers.string(json, "mid");
        if (mid != null && mid.isEmpty()) {
            throw new MediasoupTypeError("empty mid");
        }
        JsonElement codecsJson = json.get("codecs");
        if (codecsJson == null || !codecsJson.isJsonArray()) {
            throw new MediasoupTypeError("missing codecs");
        }
        List<RtpCodecParameters> codecs = new ArrayList<>();
        codecsJson.getAsJsonArray().forEach(codec -> codecs.add(codec(codec)));
        if (codecs.isEmpty()) {
            throw new MediasoupTypeError("empty codecs");
        }
        JsonElement encodingsJson = json.get("encodings");
        if (encodingsJson == null || !encodingsJson.isJsonArray()) {
            throw new MediasoupTypeError("missing encodings");
        }
        List<RtpEncodingParameters> encodings = new ArrayList<>();
        encodingsJson.getAsJsonArray().forEach(encoding -> encodings.add(encoding(encoding)));
        if (encodings.isEmpty()) {
            throw new MediasoupTypeError("empty encodings");
        }
        List<RtpHeaderExtensionParameters> headerExtensions = new ArrayList<>();
        JsonElement extensionsJson = json.get("headerExtensions");
        if (extensionsJson != null && extensionsJson.isJsonArray()) {
            extensionsJson.getAsJsonArray().forEach(ext -> headerExtensions.add(headerExtension(ext)));
        }
        JsonElement rtcpJson = json.get("rtcp");
        RtcpParameters rtcp = rtcpJson != null && rtcpJson.isJsonObject() ? rtcp(rtcpJson) : null;
        return RtpParameters.of(mid != null ? mid : "", codecs, encodings, headerExtensions, rtcp, "");
    }

    /** The "kind" of a produce or consume request, matched case-insensitively as the C++ worker does. */
    public static MediaKind kind(JsonObject data) {
        JsonElement kind = data.get("kind");
        if (!JsonValues.isString(kind)) {
            throw new MediasoupTypeError("missing kind");
        }
        String name = kind.getAsString().toLowerCase(Locale.ROOT);
        switch (name) {
            case "audio":
                return MediaKind.AUDIO;
            case "video":
                return MediaKind.VIDEO;
            case "":
                throw new MediasoupTypeError("invalid empty kind");
            default:
                throw new MediasoupTypeError("invalid media kind [kind:" + name + "]");
        }
    }

    public static RtpEncodingParameters encoding(JsonElement data) {
        JsonObject json = JsonMembers.object(data);
        long ssrc = Math.max(0, JsonMembers.unsigned(json, "ssrc", 32));
        String rid = JsonMembers.string(json, "rid");
        int codecPayloadType = (int) JsonMembers.unsigned(json, "codecPayloadType", 8);
        JsonElement rtx = json.get("rtx");
        boolean hasRtx = rtx != null && rtx.isJsonObject();
        long rtxSsrc = hasRtx ? Math.max(0, JsonMembers.unsigned(rtx.getAsJsonObject(), "ssrc", 32)) : 0;
        long maxBitrate = Math.max(0, JsonMembers.unsigned(json, "maxBitrate", 32));
        JsonElement maxFramerate = json.get("maxFramerate");
        double framerate = JsonValues.isNumber(maxFramerate) ? maxFramerate.getAsDouble() : 0;
        boolean dtx = JsonMembers.flag(json, "dtx", false);
        return RtpEncodingParameters.of(ssrc, rid != null ? rid : "", codecPayloadType, rtxSsrc, hasRtx, maxBitrate,
                framerate, dtx, JsonMembers.string(json, "scalabilityMode"));
    }

    private static RtpCodecParameters codec(JsonElement data) {
        JsonObject json = JsonMembers.object(data);
        String mimeType = JsonMembers.string(json, "mimeType");
        if (mimeType == null) {
            throw new MediasoupTypeError("missing mimeType");
        }
        // The C++ worker refuses a wrong MIME type before looking at the other members.
        RtpCodecMimeType.parse(mimeType, RtpCodecMimeType.Era.MEDIASOUP_3_8);
        long payloadType = JsonMembers.unsigned(json, "payloadType", 8);
        if (payloadType < 0) {
            throw new MediasoupTypeError("missing payloadType");
        }
        long clockRate = JsonMembers.unsigned(json, "clockRate", 32);
        if (clockRate < 0) {
            throw new MediasoupTypeError("missing clockRate");
        }
        long channels = JsonMembers.unsigned(json, "channels", 8);
        List<RtcpFeedback> feedback = new ArrayList<>();
        JsonElement feedbackJson = json.get("rtcpFeedback");
        if (feedbackJson != null && feedbackJson.isJsonArray()) {
            for (JsonElement entry : feedbackJson.getAsJsonArray()) {
                feedback.add(feedback(entry));
            }
        }
        return RtpCodecParameters.of(mimeType, (int) payloadType, clockRate, channels < 0 ? 1 : (int) channels,
                codecParameters(json.get("parameters")), feedback);
    }

    private static RtcpFeedback feedback(JsonElement data) {
        JsonObject json = JsonMembers.object(data);
        String type = JsonMembers.string(json, "type");
        if (type == null) {
            throw new MediasoupTypeError("missing type");
        }
        String parameter = JsonMembers.string(json, "parameter");
        return new RtcpFeedback(type, parameter != null ? parameter : "");
    }

    private static RtpHeaderExtensionParameters headerExtension(JsonElement data) {
        JsonObject json = JsonMembers.object(data);
        String uri = JsonMembers.string(json, "uri");
        if (uri == null) {
            throw new MediasoupTypeError("missing uri");
        }
        if (uri.isEmpty()) {
            throw new MediasoupTypeError("empty uri");
        }
        long id = JsonMembers.unsigned(json, "id", 8);
        if (id < 0) {
            throw new MediasoupTypeError("missing id");
        }
        if (id == 0) {
            throw new MediasoupTypeError("invalid id 0");
        }
        return new RtpHeaderExtensionParameters(uri, (int) id, JsonMembers.flag(json, "encrypt", false),
                codecParameters(json.get("parameters")));
    }

    private static RtcpParameters rtcp(JsonElement data) {
        JsonObject json = JsonMembers.object(data);
        String cname = JsonMembers.string(json, "cname");
        return new RtcpParameters(cname != null ? cname : "", Math.max(0, JsonMembers.unsigned(json, "ssrc", 32)),
                JsonMembers.flag(json, "reducedSize", true));
    }

    /** Booleans, numbers, strings and arrays of integers, as the C++ worker keeps; the rest is dropped. */
    private static CodecParameters codecParameters(JsonElement json) {
        Map<String, Object> values = new TreeMap<>();
        if (json != null && json.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : json.getAsJsonObject().entrySet()) {
                Object value = plain(entry.getValue());
                if (value != null) {
                    values.put(entry.getKey(), value);
                }
            }
        }
        return CodecParameters.of(values);
    }

    private static Object plain(JsonElement value) {
        if (JsonValues.isBoolean(value)) {
            return value.getAsBoolean();
        }
        if (JsonValues.isInteger(value)) {
            return value.getAsLong();
        }
        if (JsonValues.isNumber(value)) {
            return value.getAsDouble();
        }
        if (JsonValues.isString(value)) {
            return value.getAsString();
        }
        if (!value.isJsonArray()) {
            return null;
        }
        List<Long> items = new ArrayList<>();
        for (JsonElement item : value.getAsJsonArray()) {
            if (!JsonValues.isInteger(item)) {
                return null;
            }
            items.add(item.getAsLong());
        }
        return items;
    }

    public static JsonObject toJson(RtpParameters parameters) {
        JsonObject json = new JsonObject();
        if (!parameters.mid().isEmpty()) {
            json.addProperty("mid", parameters.mid());
        }
        JsonArray codecs = new JsonArray();
        parameters.codecs().forEach(codec -> codecs.add(toJson(codec)));
        json.add("codecs", codecs);
        JsonArray encodings = new JsonArray();
        parameters.encodings().forEach(encoding -> encodings.add(toJson(encoding)));
        json.add("encodings", encodings);
        JsonArray extensions = new JsonArray();
        parameters.headerExtensions().forEach(ext -> extensions.add(toJson(ext)));
        json.add("headerExtensions", extensions);
        json.add("rtcp", parameters.rtcp() != null ? toJson(parameters.rtcp()) : new JsonObject());
        return json;
    }

    public static JsonObject toJson(RtpEncodingParameters encoding) {
        JsonObject json = new JsonObject();
        if (encoding.ssrc() != 0) {
            json.addProperty("ssrc", encoding.ssrc());
        }
        if (!encoding.rid().isEmpty()) {
            json.addProperty("rid", encoding.rid());
        }
        if (encoding.codecPayloadType() >= 0) {
            json.addProperty("codecPayloadType", encoding.codecPayloadType());
        }
        if (encoding.hasRtx()) {
            JsonObject rtx = new JsonObject();
            if (encoding.rtxSsrc() != 0) {
                rtx.addProperty("ssrc", encoding.rtxSsrc());
            }
            json.add("rtx", rtx);
        }
        if (encoding.maxBitrate() != 0) {
            json.addProperty("maxBitrate", encoding.maxBitrate());
        }
        if (encoding.maxFramerate() > 0) {
            json.addProperty("maxFramerate", encoding.maxFramerate());
        }
        if (encoding.dtx()) {
            json.addProperty("dtx", true);
        }
        if (!encoding.scalabilityMode().isEmpty()) {
            json.addProperty("scalabilityMode", encoding.scalabilityMode());
            json.addProperty("spatialLayers", encoding.spatialLayers());
            json.addProperty("temporalLayers", encoding.temporalLayers());
            json.addProperty("ksvc", encoding.ksvc());
        }
        return json;
    }

    private static JsonObject toJson(RtpCodecParameters codec) {
        JsonObject json = new JsonObject();
        json.addProperty("mimeType", codec.mimeType().toString());
        json.addProperty("payloadType", codec.payloadType());
        json.addProperty("clockRate", codec.clockRate());
        if (codec.channels() > 1) {
            json.addProperty("channels", codec.channels());
        }
        json.add("parameters", toJson(codec.parameters()));
        JsonArray feedback = new JsonArray();
        codec.rtcpFeedback().forEach(entry -> {
            JsonObject entryJson = new JsonObject();
            entryJson.addProperty("type", entry.type());
            if (!entry.parameter().isEmpty()) {
                entryJson.addProperty("parameter", entry.parameter());
            }
            feedback.add(entryJson);
        });
        json.add("rtcpFeedback", feedback);
        return json;
    }

    private static JsonObject toJson(RtpHeaderExtensionParameters extension) {
        JsonObject json = new JsonObject();
        json.addProperty("uri", extension.uri());
        json.addProperty("id", extension.id());
        json.addProperty("encrypt", extension.encrypt());
        json.add("parameters", toJson(extension.parameters()));
        return json;
    }

    private static JsonObject toJson(RtcpParameters rtcp) {
        JsonObject json = new JsonObject();
        if (!rtcp.cname().isEmpty()) {
            json.addProperty("cname", rtcp.cname());
        }
        if (rtcp.ssrc() != 0) {
            json.addProperty("ssrc", rtcp.ssrc());
        }
        json.addProperty("reducedSize", rtcp.reducedSize());
        return json;
    }

    private static JsonObject toJson(CodecParameters parameters) {
        JsonObject json = new JsonObject();
        parameters.values().forEach((name, value) -> json.add(name, toJson(value)));
        return json;
    }

    private static JsonElement toJson(Object value) {
        if (value instanceof Boolean flag) {
            return new JsonPrimitive(flag);
        }
        if (value instanceof Number number) {
            return new JsonPrimitive(number);
        }
        if (value instanceof String string) {
            return new JsonPrimitive(string);
        }
        JsonArray array = new JsonArray();
        ((List<?>) value).forEach(item -> array.add((Number) item));
        return array;
    }
}
