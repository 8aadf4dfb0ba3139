package io.jmediasoup.worker.rtc;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.rtc.params.RtpParameters;

/** Consumes a producer's single stream (type "simple"): one sending stream, no layers. */
final class SimpleConsumer extends Consumer {
    private final RtpStreamSend rtpStream;

    SimpleConsumer(String id, String producerId, Shared shared, Listener listener, JsonObject data) {
        super(id, producerId, shared, listener, data, RtpParameters.Type.SIMPLE);
        if (consumableRtpEncodings.size() != 1) {
            throw new MediasoupTypeError("invalid consumableRtpEncodings with size != 1");
        }
        this.rtpStream = new RtpStreamSend(RtpStreamParams.forSending(rtpParameters, 0, false));
    }

    @Override
    protected void fillDump(JsonObject json) {
        json.add("rtpStream", rtpStream.dump());
    }

    @Override
    protected JsonArray stats() {
        JsonArray stats = new JsonArray();
        stats.add(rtpStream.stats());
        return stats;
    }

    @Override
    JsonObject score() {
        JsonObject json = new JsonObject();
        json.addProperty("score", rtpStream.score());
        // The producer's stream appears with its first packet (issue 4).
        json.addProperty("producerScore", 0);
        json.add("producerScores", producerScoresJson());
        return json;
    }
}
