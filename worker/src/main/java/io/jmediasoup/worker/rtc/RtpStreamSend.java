package io.jmediasoup.worker.rtc;

import com.google.gson.JsonObject;
import io.jmediasoup.rtp.RtpPacket;

/**
 * A stream a consumer sends. Its score starts at 10 (a sending stream is healthy until the
 * receiver's reports say otherwise); loss, NACK and retransmission counters come with RTCP
 * (issue 4).
 */
final class RtpStreamSend {
    private static final int INITIAL_SCORE = 10;

    final RtpStreamParams params;
    private int score = INITIAL_SCORE;
    private long packetCount;
    private long byteCount;

    RtpStreamSend(RtpStreamParams params) {
        this.params = params;
    }

    /** Counts a packet sent on this stream. */
    void packetSent(RtpPacket packet) {
        packetCount++;
        byteCount += packet.size();
    }

    int score() {
        return score;
    }

    JsonObject dump() {
        JsonObject json = new JsonObject();
        json.add("params", params.toJson());
        json.addProperty("score", score);
        if (params.hasRtx()) {
            JsonObject rtxStream = new JsonObject();
            rtxStream.add("params", params.rtxToJson());
            json.add("rtxStream", rtxStream);
        }
        return json;
    }

    /** One "outbound-rtp" entry of consumer.getStats(). */
    JsonObject stats() {
        JsonObject json = new JsonObject();
        json.addProperty("timestamp", System.currentTimeMillis());
        json.addProperty("ssrc", params.ssrc());
        json.addProperty("kind", params.kind());
        json.addProperty("mimeType", params.mimeType());
        for (String counter : new String[] {"packetsLost", "fractionLost", "packetsDiscarded", "packetsRetransmitted",
                "packetsRepaired", "nackCount", "nackPacketCount", "pliCount", "firCount"}) {
            json.addProperty(counter, 0);
        }
        json.addProperty("score", score);
        if (!params.rid().isEmpty()) {
            json.addProperty("rid", params.rid());
        }
        if (params.hasRtx()) {
            json.addProperty("rtxSsrc", params.rtxSsrc());
            json.addProperty("rtxPacketsDiscarded", 0);
        }
        json.addProperty("type", "outbound-rtp");
        json.addProperty("packetCount", packetCount);
        json.addProperty("byteCount", byteCount);
        json.addProperty("bitrate", 0);
        return json;
    }
}
