package io.jmediasoup.worker.rtc;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.rtc.params.RtpParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes every stream of a producer unchanged, for a PipeTransport to another router
 * (type "pipe"): one sending stream per encoding, SSRCs as the producer's consumable ones.
 */
final class PipeConsumer extends Consumer {
    /** A pipe is trusted: the C++ worker reports fixed scores for it. */
    private static final int PIPE_SCORE = 10;

    private final List<RtpStreamSend> rtpStreams = new ArrayList<>();

    PipeConsumer(String id, String producerId, Shared shared, Listener listener, JsonObject data) {
        super(id, producerId, shared, listener, data, RtpParameters.Type.PIPE);
        if (rtpParameters.encodings().size() != consumableRtpEncodings.size()) {
            throw new MediasoupTypeError("number of rtpParameters.encodings and consumableRtpEncodings do not match");
        }
        for (int idx = 0; idx < rtpParameters.encodings().size(); idx++) {
            rtpStreams.add(new RtpStreamSend(RtpStreamParams.forSending(rtpParameters, idx, true)));
        }
    }

    @Override
    protected void fillDump(JsonObject json) {
        JsonArray streams = new JsonArray();
        rtpStreams.forEach(stream -> streams.add(stream.dump()));
        json.add("rtpStreams", streams);
    }

    @Override
    protected JsonArray stats() {
        JsonArray stats = new JsonArray();
        rtpStreams.forEach(stream -> stats.add(stream.stats()));
        return stats;
    }

    @Override
    JsonObject score() {
        JsonObject json = new JsonObject();
        json.addProperty("score", PIPE_SCORE);
        json.addProperty("producerScore", PIPE_SCORE);
        json.add("producerScores", producerScoresJson());
        return json;
    }
}
