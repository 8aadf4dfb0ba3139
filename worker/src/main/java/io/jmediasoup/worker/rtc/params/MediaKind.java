package io.jmediasoup.worker.rtc.params;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupTypeError;
import java.util.Locale;

/** What a producer or consumer carries: "audio" or "video". */
public enum MediaKind {
    AUDIO, VIDEO;

    /** The "kind" of a produce or consume request, matched case-insensitively as the C++ worker does. */
    public static MediaKind parse(JsonObject data) {
        JsonElement kind = data.get("kind");
        if (!JsonValues.isString(kind)) {
            throw new MediasoupTypeError("missing kind");
        }
        String name = kind.getAsString().toLowerCase(Locale.ROOT);
        switch (name) {
            case "audio":
                return AUDIO;
            case "video":
                return VIDEO;
            case "":
                throw new MediasoupTypeError("invalid empty kind");
            default:
                throw new MediasoupTypeError("invalid media kind [kind:" + name + "]");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
