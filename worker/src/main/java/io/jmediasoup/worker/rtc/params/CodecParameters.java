package io.jmediasoup.worker.rtc.params;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import java.util.Map;
import java.util.TreeMap;

/**
 * The free-form "parameters" of a codec or header extension. Like the C++ worker it keeps
 * booleans, integers, doubles, strings and arrays of integers, and drops anything else.
 */
public final class CodecParameters {
    private final Map<String, JsonElement> values = new TreeMap<>();

    static CodecParameters parse(JsonElement json) {
        CodecParameters parameters = new CodecParameters();
        if (json == null || !json.isJsonObject()) {
            return parameters;
        }
        for (Map.Entry<String, JsonElement> entry : json.getAsJsonObject().entrySet()) {
            JsonElement value = entry.getValue();
            if (JsonValues.isBoolean(value) || JsonValues.isNumber(value) || JsonValues.isString(value)
                    || isIntegerArray(value)) {
                parameters.values.put(entry.getKey(), value);
            }
        }
        return parameters;
    }

    private static boolean isIntegerArray(JsonElement value) {
        if (!value.isJsonArray()) {
            return false;
        }
        for (JsonElement item : value.getAsJsonArray()) {
            if (!JsonValues.isInteger(item)) {
                return false;
            }
        }
        return true;
    }

    /** An integer parameter (such as RTX's "apt"), or -1 when absent or not an integer. */
    public long integer(String name) {
        JsonElement value = values.get(name);
        return JsonValues.isInteger(value) ? value.getAsLong() : -1;
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject();
        values.forEach((name, value) -> json.add(name, value instanceof JsonArray ? value.deepCopy() : value));
        return json;
    }
}
