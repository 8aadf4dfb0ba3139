package io.jmediasoup.worker.rtc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupTypeError;

/**
 * What data producers and consumers share: type "sctp" (over the transport's SCTP
 * association, on one stream) or "direct" (over the payload channel), label and protocol.
 */
abstract class DataEndpoint {
    final String id;
    final String type;
    final SctpStreamParameters sctpStreamParameters;
    final String label;
    final String protocol;

    DataEndpoint(String id, JsonObject data) {
        this.id = id;
        JsonElement type = data.get("type");
        if (!JsonValues.isString(type)) {
            throw new MediasoupTypeError("missing type");
        }
        this.type = type.getAsString();
        if (!this.type.equals("sctp") && !this.type.equals("direct")) {
            throw new MediasoupTypeError("invalid type");
        }
        this.sctpStreamParameters = isSctp() ? SctpStreamParameters.parse(data.get("sctpStreamParameters")) : null;
        this.label = optionalString(data, "label");
        this.protocol = optionalString(data, "protocol");
    }

    private static String optionalString(JsonObject data, String name) {
        JsonElement value = data.get(name);
        return JsonValues.isString(value) ? value.getAsString() : "";
    }

    boolean isSctp() {
        return type.equals("sctp");
    }

    /** The fields every dump of a data producer or consumer starts with. */
    JsonObject baseDump() {
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        json.addProperty("type", type);
        return json;
    }

    void addStreamAndLabels(JsonObject json) {
        if (sctpStreamParameters != null) {
            json.add("sctpStreamParameters", sctpStreamParameters.toJson());
        }
        json.addProperty("label", label);
        json.addProperty("protocol", protocol);
    }

    JsonObject baseStats(String statsType) {
        JsonObject json = new JsonObject();
        json.addProperty("type", statsType);
        json.addProperty("timestamp", System.currentTimeMillis());
        json.addProperty("label", label);
        json.addProperty("protocol", protocol);
        return json;
    }
}
