package io.jmediasoup.worker;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The log tags of mediasoup 3.8.4; a debug or warn line is sent only when its tag is on. */
public enum LogTag {
    INFO, ICE, DTLS, RTP, SRTP, RTCP, RTX, BWE, SCORE, SIMULCAST, SVC, SCTP, MESSAGE;

    /** The tags named in {@code names}; unknown names are ignored, as the C++ worker does. */
    static Set<LogTag> parseAll(Iterable<String> names) {
        Set<LogTag> tags = EnumSet.noneOf(LogTag.class);
        for (String name : names) {
            for (LogTag tag : values()) {
                if (tag.label().equals(name)) {
                    tags.add(tag);
                }
            }
        }
        return tags;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
