package io.jmediasoup.worker.rtc;

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
