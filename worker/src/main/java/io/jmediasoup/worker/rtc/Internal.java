package io.jmediasoup.worker.rtc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.MediasoupError;

/** Reads the target ids a request carries in its {@code internal} object. */
public final class Internal {
    private Internal() {}

    /** The string member {@code name}; "missing internal.NAME" when absent or not a string. */
    public static String id(JsonObject internal, String name) {
        JsonElement id = internal.get(name);
        if (id == null || !id.isJsonPrimitive() || !id.getAsJsonPrimitive().isString()) {
            throw new MediasoupError("missing internal." + name);
        }
        return id.getAsString();
    }
}
