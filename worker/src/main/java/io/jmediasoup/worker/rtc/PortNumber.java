package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupTypeError;

/**
 * A port number given by the application, already known to be a positive integer. The C++
 * worker keeps its low 16 bits (70000 would become 4464); we refuse one that does not fit.
 */
public final class PortNumber {
    public static final int MAX = 65_535;

    private PortNumber() {}

    /** {@code port}, known to be positive, when it fits 16 bits. */
    public static int of(long port, String name) {
        if (port > MAX) {
            throw new MediasoupTypeError("wrong " + name + " (greater than " + MAX + ")");
        }
        return (int) port;
    }
}
