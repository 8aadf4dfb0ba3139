package io.jmediasoup.worker.codec;

import com.google.gson.JsonElement;
import io.jmediasoup.worker.messages.Event;

/** mediasoup 3.8's name and JSON data for one family of events. */
public interface JsonEventCodec {
    /** A notification's event name and data (data may be null). */
    record JsonEvent(String name, JsonElement data) {
        /** What an event 3.8 does not have encodes to: nothing is sent. */
        public static final JsonEvent NOT_SENT = new JsonEvent(null, null);
    }

    /** The named event, or null when {@code event} is not of this family. */
    JsonEvent encode(Event event);
}
