package io.jmediasoup.worker.rtc.params;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupTypeError;

/** Member readers shared by the dictionaries, with the C++ worker's notion of each type. */
final class Json {
    private Json() {}

    static JsonObject object(JsonElement json) {
        if (json == null || !json.isJsonObject()) {
            throw new MediasoupTypeError("data is not an object");
        }
        return json.getAsJsonObject();
    }

    /** A string member, or null when absent or of another type. */
    static String string(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return JsonValues.isString(value) ? value.getAsString() : null;
    }

    /** A positive-integer member truncated to {@code bits} as the C++ casts do, or -1. */
    static long unsigned(JsonObject json, String name, int bits) {
        JsonElement value = json.get(name);
        if (!JsonValues.isPositiveInteger(value)) {
            return -1;
        }
        return value.getAsLong() & ((1L << bits) - 1);
    }

    static boolean flag(JsonObject json, String name, boolean byDefault) {
        JsonElement value = json.get(name);
        return JsonValues.isBoolean(value) ? value.getAsBoolean() : byDefault;
    }
}
