package io.jmediasoup.worker.codec;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupTypeError;
import java.util.ArrayList;
import java.util.List;

/** mediasoup 3.8's enableTraceEvent data: {@code {"types": [...]}}, with its texts when wrong. */
final class JsonTraceTypes {
    private JsonTraceTypes() {}

    static List<String> parse(JsonObject data) {
        JsonElement types = data.get("types");
        if (types == null || !types.isJsonArray()) {
            throw new MediasoupTypeError("wrong types (not an array)");
        }
        List<String> names = new ArrayList<>();
        for (JsonElement type : types.getAsJsonArray()) {
            if (!JsonValues.isString(type)) {
                throw new MediasoupTypeError("wrong type (not a string)");
            }
            names.add(type.getAsString());
        }
        return names;
    }
}
