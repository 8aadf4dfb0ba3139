package io.jmediasoup.worker.codec;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.rtc.PortNumber;

/**
 * Readers of the members of mediasoup 3.8's request objects, each with the C++ worker's
 * notion of the member's type and, where it refuses, its text.
 */
final class JsonMembers {
    private JsonMembers() {}

    /** The target id {@code name} of a request's internal object; "missing internal.NAME" otherwise. */
    static String id(JsonObject internal, String name) {
        JsonElement id = internal.get(name);
        if (!JsonValues.isString(id)) {
            throw new MediasoupError("missing internal." + name);
        }
        return id.getAsString();
    }

    /** A dictionary that must be an object: "data is not an object" otherwise. */
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

    /** A positive-integer member, or null when absent or of another type. */
    static Long positive(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return JsonValues.isPositiveInteger(value) ? value.getAsLong() : null;
    }

    /** A positive-integer member truncated to {@code bits} as the C++ casts do, or -1. */
    static long unsigned(JsonObject json, String name, int bits) {
        Long value = positive(json, name);
        return value != null ? value & ((1L << bits) - 1) : -1;
    }

    /** A boolean member; anything else reads as {@code byDefault}. */
    static boolean flag(JsonObject json, String name, boolean byDefault) {
        JsonElement value = json.get(name);
        return JsonValues.isBoolean(value) ? value.getAsBoolean() : byDefault;
    }

    /** An option that must be a boolean when given: "wrong NAME (not a boolean)" otherwise. */
    static boolean option(JsonObject json, String name, boolean byDefault) {
        JsonElement value = json.get(name);
        if (value == null) {
            return byDefault;
        }
        if (!JsonValues.isBoolean(value)) {
            throw new MediasoupTypeError("wrong " + name + " (not a boolean)");
        }
        return value.getAsBoolean();
    }

    /** An option that is on only when it is the boolean true; anything else means off. */
    static boolean enabled(JsonObject json, String name) {
        return flag(json, name, false);
    }

    /** A port member already known to be a positive integer, refused when it does not fit 16 bits. */
    static int port(JsonElement value, String name) {
        return PortNumber.of(value.getAsLong(), name);
    }
}
