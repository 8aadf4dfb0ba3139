package io.jmediasoup.worker.rtc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupTypeError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The "trace" event types enabled on an entity (enableTraceEvent), kept in mediasoup's order. */
final class TraceEventTypes {
    private final List<String> known;
    private final Set<String> enabled = new LinkedHashSet<>();

    TraceEventTypes(String... known) {
        this.known = List.of(known);
    }

    /** Replaces the enabled types with data.types; unknown names are ignored, as in the C++ worker. */
    void enable(JsonObject data) {
        JsonElement types = data.get("types");
        if (types == null || !types.isJsonArray()) {
            throw new MediasoupTypeError("wrong types (not an array)");
        }
        List<String> requested = new ArrayList<>();
        for (JsonElement type : types.getAsJsonArray()) {
            if (!JsonValues.isString(type)) {
                throw new MediasoupTypeError("wrong type (not a string)");
            }
            requested.add(type.getAsString());
        }
        enable(requested);
    }

    /** Replaces the enabled types with {@code types}; unknown names are ignored, as in the C++ worker. */
    void enable(Collection<String> types) {
        Set<String> requested = new HashSet<>(types);
        enabled.clear();
        known.stream().filter(requested::contains).forEach(enabled::add);
    }

    /** The enabled types, in mediasoup's order. */
    List<String> enabled() {
        return List.copyOf(enabled);
    }

    boolean isEnabled(String type) {
        return enabled.contains(type);
    }

    /** The comma-separated form dumps carry. */
    @Override
    public String toString() {
        return String.join(",", enabled);
    }
}
