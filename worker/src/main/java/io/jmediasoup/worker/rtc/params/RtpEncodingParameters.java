package io.jmediasoup.worker.rtc.params;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One encoding (RTP stream) of RtpParameters. Zero or empty means "not given"; the codec
 * payload type is -1 until RtpParameters fills it with its first media codec.
 */
public record RtpEncodingParameters(long ssrc, String rid, int codecPayloadType, long rtxSsrc, boolean hasRtx,
        long maxBitrate, double maxFramerate, boolean dtx, String scalabilityMode, int spatialLayers,
        int temporalLayers, boolean ksvc) {
    /** L1T3, S3T3, L3T3_KEY... : spatial layers, temporal layers, K-SVC. */
    private static final Pattern SCALABILITY_MODE = Pattern.compile("^[LS]([1-9]\\d?)T([1-9]\\d?)(_KEY)?.*");

    public static RtpEncodingParameters parse(JsonElement data) {
        JsonObject json = Json.object(data);
        long ssrc = Math.max(0, Json.unsigned(json, "ssrc", 32));
        String rid = Json.string(json, "rid");
        int codecPayloadType = (int) Json.unsigned(json, "codecPayloadType", 8);
        JsonElement rtx = json.get("rtx");
        boolean hasRtx = rtx != null && rtx.isJsonObject();
        long rtxSsrc = hasRtx ? Math.max(0, Json.unsigned(rtx.getAsJsonObject(), "ssrc", 32)) : 0;
        long maxBitrate = Math.max(0, Json.unsigned(json, "maxBitrate", 32));
        JsonElement maxFramerate = json.get("maxFramerate");
        double framerate = JsonValues.isNumber(maxFramerate) ? maxFramerate.getAsDouble() : 0;
        boolean dtx = Json.flag(json, "dtx", false);
        return of(ssrc, rid != null ? rid : "", codecPayloadType, rtxSsrc, hasRtx, maxBitrate, framerate, dtx,
                Json.string(json, "scalabilityMode"));
    }

    /**
     * An encoding read by a codec of either era (0, empty or -1 for what is not given); the
     * layers come from a scalability mode that matches L|S, spatial layers, T, temporal layers.
     */
    public static RtpEncodingParameters of(long ssrc, String rid, int codecPayloadType, long rtxSsrc, boolean hasRtx,
            long maxBitrate, double maxFramerate, boolean dtx, String scalabilityMode) {
        Matcher matcher = scalabilityMode != null ? SCALABILITY_MODE.matcher(scalabilityMode) : null;
        if (matcher != null && matcher.matches()) {
            return new RtpEncodingParameters(ssrc, rid, codecPayloadType, rtxSsrc, hasRtx, maxBitrate, maxFramerate,
                    dtx, scalabilityMode, Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    matcher.group(3) != null);
        }
        return new RtpEncodingParameters(ssrc, rid, codecPayloadType, rtxSsrc, hasRtx, maxBitrate, maxFramerate, dtx,
                "", 1, 1, false);
    }

    RtpEncodingParameters withCodecPayloadType(int payloadType) {
        return new RtpEncodingParameters(ssrc, rid, payloadType, rtxSsrc, hasRtx, maxBitrate, maxFramerate, dtx,
                scalabilityMode, spatialLayers, temporalLayers, ksvc);
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        if (ssrc != 0) {
            json.addProperty("ssrc", ssrc);
        }
        if (!rid.isEmpty()) {
            json.addProperty("rid", rid);
        }
        if (codecPayloadType >= 0) {
            json.addProperty("codecPayloadType", codecPayloadType);
        }
        if (hasRtx) {
            JsonObject rtx = new JsonObject();
            if (rtxSsrc != 0) {
                rtx.addProperty("ssrc", rtxSsrc);
            }
            json.add("rtx", rtx);
        }
        if (maxBitrate != 0) {
            json.addProperty("maxBitrate", maxBitrate);
        }
        if (maxFramerate > 0) {
            json.addProperty("maxFramerate", maxFramerate);
        }
        if (dtx) {
            json.addProperty("dtx", true);
        }
        if (!scalabilityMode.isEmpty()) {
            json.addProperty("scalabilityMode", scalabilityMode);
            json.addProperty("spatialLayers", spatialLayers);
            json.addProperty("temporalLayers", temporalLayers);
            json.addProperty("ksvc", ksvc);
        }
        return json;
    }
}
