package io.jmediasoup.worker.rtc.params;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.MediasoupTypeError;
import java.util.ArrayList;
import java.util.List;

/** One codec of RtpParameters: MIME type, payload type, clock rate, channels, fmtp, feedback. */
public record RtpCodecParameters(RtpCodecMimeType mimeType, int payloadType, long clockRate, int channels,
        CodecParameters parameters, List<RtcpFeedback> rtcpFeedback) {
    static RtpCodecParameters parse(JsonElement data) {
        JsonObject json = Json.object(data);
        String mimeType = Json.string(json, "mimeType");
        if (mimeType == null) {
            throw new MediasoupTypeError("missing mimeType");
        }
        RtpCodecMimeType.parse(mimeType);
        long payloadType = Json.unsigned(json, "payloadType", 8);
        if (payloadType < 0) {
            throw new MediasoupTypeError("missing payloadType");
        }
        long clockRate = Json.unsigned(json, "clockRate", 32);
        if (clockRate < 0) {
            throw new MediasoupTypeError("missing clockRate");
        }
        long channels = Json.unsigned(json, "channels", 8);
        CodecParameters parameters = CodecParameters.parse(json.get("parameters"));
        List<RtcpFeedback> feedback = new ArrayList<>();
        JsonElement feedbackJson = json.get("rtcpFeedback");
        if (feedbackJson != null && feedbackJson.isJsonArray()) {
            for (JsonElement entry : feedbackJson.getAsJsonArray()) {
                feedback.add(RtcpFeedback.parse(entry));
            }
        }
        return of(mimeType, (int) payloadType, clockRate, channels < 0 ? 1 : (int) channels, parameters, feedback);
    }

    /** A codec read by a codec of either era; an RTX codec needs its apt parameter. */
    public static RtpCodecParameters of(String mimeType, int payloadType, long clockRate, int channels,
            CodecParameters parameters, List<RtcpFeedback> rtcpFeedback) {
        RtpCodecMimeType mime = RtpCodecMimeType.parse(mimeType);
        if (mime.isRtx() && parameters.integer("apt") < 0) {
            throw new MediasoupTypeError("missing apt parameter in RTX codec");
        }
        return new RtpCodecParameters(mime, payloadType, clockRate, channels, parameters, List.copyOf(rtcpFeedback));
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("mimeType", mimeType.toString());
        json.addProperty("payloadType", payloadType);
        json.addProperty("clockRate", clockRate);
        if (channels > 1) {
            json.addProperty("channels", channels);
        }
        json.add("parameters", parameters.toJson());
        JsonArray feedback = new JsonArray();
        rtcpFeedback.forEach(entry -> feedback.add(entry.toJson()));
        json.add("rtcpFeedback", feedback);
        return json;
    }
}
