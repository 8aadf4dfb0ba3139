package io.jmediasoup.channel;

/** Where the worker's log lines go: the channel of either era. */
public interface LogSink {
    /** A log line: {@code level} is 'D', 'W', 'E' or 'X'. */
    void log(char level, String text);
}
