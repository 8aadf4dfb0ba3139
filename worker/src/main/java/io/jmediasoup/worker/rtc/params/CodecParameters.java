package io.jmediasoup.worker.rtc.params;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.jmediasoup.channel.JsonValues;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Parameters read by a codec of another era: each value a Boolean, a Long, a Double, a
     * String or a List of Longs (what the C++ worker keeps).
     */
    public static CodecParameters of(Map<String, Object> values) {
        CodecParameters parameters = new CodecParameters();
        values.forEach((name, value) -> parameters.values.put(name, json(value)));
        return parameters;
    }

    private static JsonElement json(Object value) {
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

    /** Each parameter by name: a Boolean, a Long (integers), a Double, a String or a List of Longs. */
    public Map<String, Object> values() {
        Map<String, Object> plain = new TreeMap<>();
        values.forEach((name, value) -> plain.put(name, plain(value)));
        return plain;
    }

    private static Object plain(JsonElement value) {
        if (value.isJsonArray()) {
            List<Long> items = new ArrayList<>();
            value.getAsJsonArray().forEach(item -> items.add(item.getAsLong()));
            return items;
        }
        if (JsonValues.isBoolean(value)) {
            return value.getAsBoolean();
        }
        if (JsonValues.isInteger(value)) {
            return value.getAsLong();
        }
        if (JsonValues.isNumber(value)) {
            return value.getAsDouble();
        }
        return value.getAsString();
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
