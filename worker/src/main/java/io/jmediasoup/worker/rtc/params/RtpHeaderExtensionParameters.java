package io.jmediasoup.worker.rtc.params;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.MediasoupTypeError;

/** A negotiated RTP header extension: its URI and the id it has in this stream. */
public record RtpHeaderExtensionParameters(String uri, int id, boolean encrypt, CodecParameters parameters) {
    static RtpHeaderExtensionParameters parse(JsonElement data) {
        JsonObject json = Json.object(data);
        String uri = Json.string(json, "uri");
        if (uri == null) {
            throw new MediasoupTypeError("missing uri");
        }
        if (uri.isEmpty()) {
            throw new MediasoupTypeError("empty uri");
        }
        long id = Json.unsigned(json, "id", 8);
        if (id < 0) {
            throw new MediasoupTypeError("missing id");
        }
        if (id == 0) {
            throw new MediasoupTypeError("invalid id 0");
        }
        return new RtpHeaderExtensionParameters(uri, (int) id, Json.flag(json, "encrypt", false),
                CodecParameters.parse(json.get("parameters")));
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("uri", uri);
        json.addProperty("id", id);
        json.addProperty("encrypt", encrypt);
        json.add("parameters", parameters.toJson());
        return json;
    }
}
