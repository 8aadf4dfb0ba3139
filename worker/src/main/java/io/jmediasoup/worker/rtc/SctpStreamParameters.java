package io.jmediasoup.worker.rtc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupTypeError;

/**
 * The SCTP stream of a data producer or consumer: its id, and its reliability (ordered, or
 * partially reliable by lifetime or by retransmissions, RFC 3758). Zero means "not given".
 */
record SctpStreamParameters(int streamId, boolean ordered, int maxPacketLifeTime, int maxRetransmits) {
    private static final int MAX_STREAM_ID = 65534;

    static SctpStreamParameters parse(JsonElement json) {
        if (json == null || !json.isJsonObject()) {
            throw new MediasoupTypeError("missing sctpStreamParameters");
        }
        JsonObject data = json.getAsJsonObject();
        JsonElement streamId = data.get("streamId");
        if (!JsonValues.isPositiveInteger(streamId)) {
            throw new MediasoupTypeError("missing streamId");
        }
        int id = streamId.getAsInt() & 0xFFFF;
        if (id > MAX_STREAM_ID) {
            throw new MediasoupTypeError("streamId must not be greater than 65534");
        }
        JsonElement orderedJson = data.get("ordered");
        boolean orderedGiven = JsonValues.isBoolean(orderedJson);
        boolean ordered = !orderedGiven || orderedJson.getAsBoolean();
        int maxPacketLifeTime = optionalUint16(data.get("maxPacketLifeTime"));
        int maxRetransmits = optionalUint16(data.get("maxRetransmits"));
        if (maxPacketLifeTime != 0 && maxRetransmits != 0) {
            throw new MediasoupTypeError("cannot provide both maxPacketLifeTime and maxRetransmits");
        }
        boolean partiallyReliable = maxPacketLifeTime != 0 || maxRetransmits != 0;
        if (orderedGiven && ordered && partiallyReliable) {
            throw new MediasoupTypeError("cannot be ordered with maxPacketLifeTime or maxRetransmits");
        }
        if (!orderedGiven && partiallyReliable) {
            ordered = false;
        }
        return new SctpStreamParameters(id, ordered, maxPacketLifeTime, maxRetransmits);
    }

    private static int optionalUint16(JsonElement value) {
        return JsonValues.isPositiveInteger(value) ? value.getAsInt() & 0xFFFF : 0;
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("streamId", streamId);
        json.addProperty("ordered", ordered);
        if (maxPacketLifeTime != 0) {
            json.addProperty("maxPacketLifeTime", maxPacketLifeTime);
        }
        if (maxRetransmits != 0) {
            json.addProperty("maxRetransmits", maxRetransmits);
        }
        return json;
    }
}
