package io.jmediasoup.channel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** A payload-channel notification: {@code {"event", "internal", "data"}}, then a payload. */
public final class PayloadNotification {
    private final String event;
    private final JsonObject internal;
    private final JsonObject data;

    private PayloadNotification(String event, JsonObject internal, JsonObject data) {
        this.event = event;
        this.internal = internal;
        this.data = data;
    }

    static PayloadNotification parse(JsonObject json) {
        JsonElement event = json.get("event");
        if (event == null || !event.isJsonPrimitive() || !event.getAsJsonPrimitive().isString()) {
            throw new MalformedMessageException("missing event");
        }
        if (!ChannelMethods.PAYLOAD_NOTIFICATIONS.contains(event.getAsString())) {
            throw new MalformedMessageException("unknown event '" + event.getAsString() + "'");
        }
        return new PayloadNotification(event.getAsString(), Request.objectOrEmpty(json, "internal"),
                Request.objectOrEmpty(json, "data"));
    }

    public String event() {
        return event;
    }

    public JsonObject internal() {
        return internal;
    }

    public JsonObject data() {
        return data;
    }
}
