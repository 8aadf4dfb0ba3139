package io.jmediasoup.worker.rtc.params;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.MediasoupTypeError;

/** An RTCP feedback mechanism a codec supports ("nack", "nack pli", "transport-cc", ...). */
public record RtcpFeedback(String type, String parameter) {
    static RtcpFeedback parse(JsonElement data) {
        JsonObject json = Json.object(data);
        String type = Json.string(json, "type");
        if (type == null) {
            throw new MediasoupTypeError("missing type");
        }
        String parameter = Json.string(json, "parameter");
        return new RtcpFeedback(type, parameter != null ? parameter : "");
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("type", type);
        if (!parameter.isEmpty()) {
            json.addProperty("parameter", parameter);
        }
        return json;
    }
}
