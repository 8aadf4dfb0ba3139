package io.jmediasoup.worker;

import io.jmediasoup.channel.LogSink;

/**
 * Log lines to the Node library over the channel of either era ({@code D}, {@code W}, {@code E}),
 * filtered by the current level and tags. Callers on hot paths check {@link #debugEnabled}
 * first so that a disabled line costs no formatting.
 */
public final class Logger {
    private final Settings settings;
    private LogSink channel;

    public Logger(Settings settings) {
        this.settings = settings;
    }

    /** Lines logged before the channel is attached are dropped. */
    void attach(LogSink channel) {
        this.channel = channel;
    }

    public boolean debugEnabled(LogTag tag) {
        return settings.logLevel() == LogLevel.DEBUG && settings.logTags().contains(tag);
    }

    public boolean warnEnabled(LogTag tag) {
        return settings.logLevel().compareTo(LogLevel.WARN) <= 0 && settings.logTags().contains(tag);
    }

    public void debug(LogTag tag, String source, String text) {
        if (debugEnabled(tag)) {
            send('D', "(" + tag.label() + ") " + source + " | " + text);
        }
    }

    public void warn(LogTag tag, String source, String text) {
        if (warnEnabled(tag)) {
            send('W', "(" + tag.label() + ") " + source + " | " + text);
        }
    }

    /** Errors are not tagged: they are sent at every level but "none". */
    public void error(String source, String text) {
        if (settings.logLevel().compareTo(LogLevel.ERROR) <= 0) {
            send('E', source + " | " + text);
        }
    }

    private void send(char level, String line) {
        if (channel != null) {
            channel.log(level, line);
        }
    }
}
