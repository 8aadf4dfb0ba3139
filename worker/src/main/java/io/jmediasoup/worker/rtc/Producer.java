package io.jmediasoup.worker.rtc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.channel.Request;
import io.jmediasoup.worker.rtc.params.RtpCodecParameters;
import io.jmediasoup.worker.rtc.params.RtpParameters;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    private static final List<String> TRACE_EVENT_TYPES = List.of("rtp", "keyframe", "nack", "pli", "fir");

    final String id;
    final String kind;
    final RtpParameters rtpParameters;
    final RtpParameters.Type type;
    final RtpMapping rtpMapping;
    private final Listener listener;
    private final Set<String> traceEventTypes = new LinkedHashSet<>();
    private boolean paused;

    Producer(String id, Listener listener, JsonObject data) {
        this.id = id;
        this.listener = listener;
        JsonElement kind = data.get("kind");
        if (!JsonValues.isString(kind)) {
            throw new MediasoupTypeError("missing kind");
        }
        this.kind = kind.getAsString();
        if (!this.kind.equals("audio") && !this.kind.equals("video")) {
            throw new MediasoupTypeError("invalid empty kind");
        }
        JsonElement rtpParametersJson = data.get("rtpParameters");
        if (rtpParametersJson == null || !rtpParametersJson.isJsonObject()) {
            throw new MediasoupTypeError("missing rtpParameters");
        }
        this.rtpParameters = RtpParameters.parse(rtpParametersJson);
        this.type = rtpParameters.type();
        RtpCodecParameters mediaCodec = rtpParameters.codecFor(rtpParameters.encodings().get(0));
        if (!validTypeForCodec(type, mediaCodec)) {
            throw new MediasoupTypeError(mediaCodec.mimeType() + " codec not supported for " + type.label());
        }
        this.rtpMapping = RtpMapping.parse(data.get("rtpMapping"), !rtpParameters.mid().isEmpty());
        this.paused = JsonValues.isBoolean(data.get("paused")) && data.get("paused").getAsBoolean();
        if (rtpParameters.encodings().size() != rtpMapping.encodings().size()) {
            throw new MediasoupTypeError("rtpParameters.encodings size does not match rtpMapping.encodings size");
        }
    }

    /** Simulcast needs VP8 or H264, SVC needs VP9; the C++ worker forwards nothing else that way. */
    private static boolean validTypeForCodec(RtpParameters.Type type, RtpCodecParameters codec) {
        String mime = codec.mimeType().toString();
        switch (type) {
            case SIMULCAST:
                return mime.equals("video/VP8") || mime.equals("video/H264");
            case SVC:
                return mime.equals("video/VP9");
            default:
                return true;
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
                enableTraceEvent(request.data());
                request.accept();
                break;
            default:
                throw new MediasoupError("unknown method '" + request.method() + "'");
        }
    }

    private void enableTraceEvent(JsonObject data) {
        JsonElement types = data.get("types");
        if (types == null || !types.isJsonArray()) {
            throw new MediasoupTypeError("wrong types (not an array)");
        }
        Set<String> enabled = new LinkedHashSet<>();
        for (JsonElement type : types.getAsJsonArray()) {
            if (!JsonValues.isString(type)) {
                throw new MediasoupTypeError("wrong type (not a string)");
            }
            enabled.add(type.getAsString());
        }
        traceEventTypes.clear();
        TRACE_EVENT_TYPES.stream().filter(enabled::contains).forEach(traceEventTypes::add);
    }

    JsonObject dump() {
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        json.addProperty("kind", kind);
        json.add("rtpParameters", rtpParameters.toJson());
        json.addProperty("type", type.label());
        json.add("rtpMapping", rtpMapping.toJson());
        json.add("rtpStreams", new JsonArray());
        json.addProperty("paused", paused);
        json.addProperty("traceEventTypes", String.join(",", traceEventTypes));
        return json;
    }
}
