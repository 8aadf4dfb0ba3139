package io.jmediasoup.worker.rtc.params;

import java.util.Locale;

/** What a producer or consumer carries: "audio" or "video". */
public enum MediaKind {
    AUDIO, VIDEO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
