package io.jmediasoup.worker.codec;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.rtc.params.DataType;
import io.jmediasoup.worker.rtc.params.SctpStreamParameters;

/** What mediasoup 3.8's transport.produceData and transport.consumeData share: type, SCTP stream, label and protocol. */
final class JsonDataFields {
    private JsonDataFields() {}

    static DataType type(JsonObject data) {
        JsonElement type = data.get("type");
        if (!JsonValues.isString(type)) {
            throw new MediasoupTypeError("missing type");
        }
        switch (type.getAsString()) {
            case "sctp":
                return DataType.SCTP;
            case "direct":
                return DataType.DIRECT;
            default:
                throw new MediasoupTypeError("invalid type");
        }
    }

    /**
     * The stream of an "sctp" one; null for a direct one, or when missing (the transport
     * refuses that after its own checks, as 3.8's does). 3.8 takes a limit of 0 as none.
     */
    static SctpStreamParameters sctpStreamParameters(JsonObject data, DataType type) {
        JsonElement json = data.get("sctpStreamParameters");
        if (type != DataType.SCTP || json == null || !json.isJsonObject()) {
            return null;
        }
        JsonObject parameters = json.getAsJsonObject();
        JsonElement streamId = parameters.get("streamId");
        if (!JsonValues.isPositiveInteger(streamId)) {
            throw new MediasoupTypeError("missing streamId");
        }
        JsonElement ordered = parameters.get("ordered");
        return SctpStreamParameters.of(streamId.getAsInt() & 0xFFFF,
                JsonValues.isBoolean(ordered) ? ordered.getAsBoolean() : null,
                limit(parameters.get("maxPacketLifeTime")), limit(parameters.get("maxRetransmits")));
    }

    private static Integer limit(JsonElement value) {
        if (!JsonValues.isPositiveInteger(value)) {
            return null;
        }
        int limit = value.getAsInt() & 0xFFFF;
        return limit != 0 ? limit : null;
    }

    /** A label or protocol; "" when absent. */
    static String string(JsonObject data, String name) {
        String value = JsonMembers.string(data, name);
        return value != null ? value : "";
    }

    static JsonObject toJson(SctpStreamParameters parameters) {
        JsonObject json = new JsonObject();
        json.addProperty("streamId", parameters.streamId());
        json.addProperty("ordered", parameters.ordered());
        if (parameters.maxPacketLifeTime() != null) {
            json.addProperty("maxPacketLifeTime", parameters.maxPacketLifeTime());
        }
        if (parameters.maxRetransmits() != null) {
            json.addProperty("maxRetransmits", parameters.maxRetransmits());
        }
        return json;
    }

    /** The fields every 3.8 dump of a data producer or consumer has after its ids. */
    static void addStreamAndLabels(JsonObject json, SctpStreamParameters parameters, String label, String protocol) {
        if (parameters != null) {
            json.add("sctpStreamParameters", toJson(parameters));
        }
        json.addProperty("label", label);
        json.addProperty("protocol", protocol);
    }
}
