package io.jmediasoup.worker.rtc.params;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The free-form "parameters" of a codec or header extension. Like the C++ worker it keeps
 * booleans, integers, doubles, strings and arrays of integers; the codecs drop anything else.
 */
public final class CodecParameters {
    private final Map<String, Object> values;

    private CodecParameters(Map<String, Object> values) {
        this.values = values;
    }

    /** Each value a Boolean, a Long (integers), a Double, a String or a List of Longs. */
    public static CodecParameters of(Map<String, Object> values) {
        Map<String, Object> copy = new TreeMap<>();
        values.forEach((name, value) -> copy.put(name, value instanceof List<?> list ? List.copyOf(list) : value));
        return new CodecParameters(Collections.unmodifiableMap(copy));
    }

    /** Each parameter by name, sorted: a Boolean, a Long (integers), a Double, a String or a List of Longs. */
    public Map<String, Object> values() {
        return values;
    }

    /** An integer parameter (such as RTX's "apt"), or -1 when absent or not an integer. */
    public long integer(String name) {
        return values.get(name) instanceof Long integer ? integer : -1;
    }
}
