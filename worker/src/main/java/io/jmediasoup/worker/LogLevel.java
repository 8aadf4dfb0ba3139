package io.jmediasoup.worker;

import java.util.Locale;

/** The worker's log levels, from the most to the least verbose. */
public enum LogLevel {
    DEBUG, WARN, ERROR, NONE;

    /** Parses a level the way the C++ worker does: case-insensitively. */
    static LogLevel parse(String value) {
        for (LogLevel level : values()) {
            if (level.name().equals(value.toUpperCase(Locale.ROOT))) {
                return level;
            }
        }
        throw new io.jmediasoup.channel.MediasoupTypeError(
                "invalid value '" + value.toLowerCase(Locale.ROOT) + "' for logLevel");
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
