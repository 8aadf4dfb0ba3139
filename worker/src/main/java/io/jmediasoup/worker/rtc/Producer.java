package io.jmediasoup.worker.rtc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.channel.Request;
import io.jmediasoup.worker.rtc.params.RtpCodecParameters;
import io.jmediasoup.worker.rtc.params.RtpParameters;

/**
 * A source of RTP on a transport (transport.produce). This is its control plane; receiving
 * streams, scores and key frames are the media plane (issue 4), so it has no RTP streams yet.
 */
final class Producer {
    /** Who hears of pauses and resumes: the router, which tells the consumers. */
    interface Listener {
        void onProducerPaused(Producer producer);

        void onProducerResumed(Producer producer);
    }

    final String id;
    final MediaKind kind;
    final RtpParameters rtpParameters;
    final RtpParameters.Type type;
    final RtpMapping rtpMapping;
    /** The score of each encoding's stream (0 until it receives), shared live with the consumers. */
    final int[] rtpStreamScores;
    private final Listener listener;
    private final TraceEventTypes traceEventTypes = new TraceEventTypes("rtp", "keyframe", "nack", "pli", "fir");
    private boolean paused;

    Producer(String id, Listener listener, JsonObject data) {
        this.id = id;
        this.listener = listener;
        this.kind = MediaKind.parse(data);
        JsonElement rtpParametersJson = data.get("rtpParameters");
        if (rtpParametersJson == null || !rtpParametersJson.isJsonObject()) {
            throw new MediasoupTypeError("missing rtpParameters");
        }
        this.rtpParameters = RtpParameters.parse(rtpParametersJson);
        this.type = rtpParameters.type();
        RtpCodecParameters mediaCodec = rtpParameters.codecFor(rtpParameters.encodings().get(0));
        if (!type.supports(mediaCodec.mimeType())) {
            throw new MediasoupTypeError(mediaCodec.mimeType() + " codec not supported for " + type.label());
        }
        this.rtpMapping = RtpMapping.parse(data.get("rtpMapping"), !rtpParameters.mid().isEmpty());
        this.paused = Options.enabled(data, "paused");
        this.rtpStreamScores = new int[rtpParameters.encodings().size()];
        if (rtpParameters.encodings().size() != rtpMapping.encodings().size()) {
            throw new MediasoupTypeError("rtpParameters.encodings size does not match rtpMapping.encodings size");
        }
    }

    boolean isPaused() {
        return paused;
    }

    void handleRequest(Request request) {
        switch (request.method()) {
            case "producer.dump":
                request.accept(dump());
                break;
            case "producer.getStats":
                // One entry per receiving RTP stream; there are none before the media plane.
                request.accept(new JsonArray());
                break;
            case "producer.pause":
                if (!paused) {
                    paused = true;
                    listener.onProducerPaused(this);
                }
                request.accept();
                break;
            case "producer.resume":
                if (paused) {
                    paused = false;
                    listener.onProducerResumed(this);
                }
                request.accept();
                break;
            case "producer.enableTraceEvent":
                traceEventTypes.enable(request.data());
                request.accept();
                break;
            default:
                throw new MediasoupError("unknown method '" + request.method() + "'");
        }
    }

    JsonObject dump() {
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        json.addProperty("kind", kind.label());
        json.add("rtpParameters", rtpParameters.toJson());
        json.addProperty("type", type.label());
        json.add("rtpMapping", rtpMapping.toJson());
        json.add("rtpStreams", new JsonArray());
        json.addProperty("paused", paused);
        json.addProperty("traceEventTypes", traceEventTypes.toString());
        return json;
    }
}
