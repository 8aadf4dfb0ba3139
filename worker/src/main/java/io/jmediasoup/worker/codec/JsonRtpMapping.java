package io.jmediasoup.worker.codec;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.rtc.params.RtpMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** mediasoup 3.8's JSON of a producer's rtpMapping: read with the C++ worker's checks, dumped as it does. */
final class JsonRtpMapping {
    private JsonRtpMapping() {}

    static RtpMapping parse(JsonElement json, boolean hasMid) {
        if (json == null || !json.isJsonObject()) {
            throw new MediasoupTypeError("missing rtpMapping");
        }
        JsonElement codecsJson = json.getAsJsonObject().get("codecs");
        if (codecsJson == null || !codecsJson.isJsonArray()) {
            throw new MediasoupTypeError("missing rtpMapping.codecs");
        }
        Map<Integer, Integer> codecs = new LinkedHashMap<>();
        for (JsonElement codec : codecsJson.getAsJsonArray()) {
            if (!codec.isJsonObject()) {
                throw new MediasoupTypeError("wrong entry in rtpMapping.codecs (not an object)");
            }
            JsonElement payloadType = codec.getAsJsonObject().get("payloadType");
            if (!JsonValues.isPositiveInteger(payloadType)) {
                throw new MediasoupTypeError("wrong entry in rtpMapping.codecs (missing payloadType)");
            }
            JsonElement mapped = codec.getAsJsonObject().get("mappedPayloadType");
            if (!JsonValues.isPositiveInteger(mapped)) {
                throw new MediasoupTypeError("wrong entry in rtpMapping.codecs (missing mappedPayloadType)");
            }
            codecs.put(payloadType.getAsInt() & 0xFF, mapped.getAsInt() & 0xFF);
        }
        JsonElement encodingsJson = json.getAsJsonObject().get("encodings");
        if (encodingsJson == null || !encodingsJson.isJsonArray()) {
            throw new MediasoupTypeError("missing rtpMapping.encodings");
        }
        int count = encodingsJson.getAsJsonArray().size();
        List<RtpMapping.Encoding> encodings = new ArrayList<>();
        for (JsonElement encodingJson : encodingsJson.getAsJsonArray()) {
            if (!encodingJson.isJsonObject()) {
                throw new MediasoupTypeError("wrong entry in rtpMapping.encodings");
            }
            JsonObject encoding = encodingJson.getAsJsonObject();
            boolean ssrcGiven = encoding.has("ssrc");
            boolean ridGiven = encoding.has("rid");
            long ssrc = Math.max(0, JsonMembers.unsigned(encoding, "ssrc", 32));
            String rid = JsonMembers.string(encoding, "rid");
            if (count > 1 && !ssrcGiven && !ridGiven) {
                throw new MediasoupTypeError("wrong entry in rtpMapping.encodings (missing ssrc or rid)");
            }
            if (!hasMid && count == 1 && !ssrcGiven && !ridGiven) {
                throw new MediasoupTypeError(
                        "wrong entry in rtpMapping.encodings (missing ssrc or rid, or rtpParameters.mid)");
            }
            JsonElement mappedSsrc = encoding.get("mappedSsrc");
            if (!JsonValues.isPositiveInteger(mappedSsrc)) {
                throw new MediasoupTypeError("wrong entry in rtpMapping.encodings (missing mappedSsrc)");
            }
            encodings.add(new RtpMapping.Encoding(ssrc, rid, mappedSsrc.getAsLong() & 0xFFFFFFFFL));
        }
        return new RtpMapping(codecs, List.copyOf(encodings));
    }

    static JsonObject toJson(RtpMapping mapping) {
        JsonObject json = new JsonObject();
        JsonArray codecsJson = new JsonArray();
        mapping.codecs().forEach((payloadType, mapped) -> {
            JsonObject entry = new JsonObject();
            entry.addProperty("payloadType", payloadType);
            entry.addProperty("mappedPayloadType", mapped);
            codecsJson.add(entry);
        });
        json.add("codecs", codecsJson);
        JsonArray encodingsJson = new JsonArray();
        for (RtpMapping.Encoding encoding : mapping.encodings()) {
            JsonObject entry = new JsonObject();
            if (encoding.rid() != null && !encoding.rid().isEmpty()) {
                entry.addProperty("rid", encoding.rid());
            } else {
                entry.add("rid", JsonNull.INSTANCE);
            }
            if (encoding.ssrc() != 0) {
                entry.addProperty("ssrc", encoding.ssrc());
            } else {
                entry.add("ssrc", JsonNull.INSTANCE);
            }
            entry.addProperty("mappedSsrc", encoding.mappedSsrc());
            encodingsJson.add(entry);
        }
        json.add("encodings", encodingsJson);
        return json;
    }
}
