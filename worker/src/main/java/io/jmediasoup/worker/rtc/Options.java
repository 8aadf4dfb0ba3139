package io.jmediasoup.worker.rtc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupTypeError;

/** Boolean options of create requests, read with the C++ worker's strictness for each. */
public final class Options {
    private Options() {}

    /** An option that must be a boolean when given: "wrong NAME (not a boolean)" otherwise. */
    public static boolean flag(JsonObject data, String name, boolean byDefault) {
        JsonElement value = data.get(name);
        if (value == null) {
            return byDefault;
        }
        if (!JsonValues.isBoolean(value)) {
            throw new MediasoupTypeError("wrong " + name + " (not a boolean)");
        }
        return value.getAsBoolean();
    }

    /** An option that is on only when it is the boolean true; anything else means off. */
    public static boolean enabled(JsonObject data, String name) {
        JsonElement value = data.get(name);
        return JsonValues.isBoolean(value) && value.getAsBoolean();
    }
}
