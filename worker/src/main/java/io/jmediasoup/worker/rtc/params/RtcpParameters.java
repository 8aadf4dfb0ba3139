package io.jmediasoup.worker.rtc.params;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** The RTCP of an RTP session: CNAME, SSRC for its reports, reduced size (RFC 5506). */
public record RtcpParameters(String cname, long ssrc, boolean reducedSize) {
    static RtcpParameters parse(JsonElement data) {
        JsonObject json = Json.object(data);
        String cname = Json.string(json, "cname");
        return new RtcpParameters(cname != null ? cname : "", Math.max(0, Json.unsigned(json, "ssrc", 32)),
                Json.flag(json, "reducedSize", true));
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject();
        if (!cname.isEmpty()) {
            json.addProperty("cname", cname);
        }
        if (ssrc != 0) {
            json.addProperty("ssrc", ssrc);
        }
        json.addProperty("reducedSize", reducedSize);
        return json;
    }
}
