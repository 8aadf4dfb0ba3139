package io.jmediasoup.worker.rtc;

import com.google.gson.JsonObject;
import io.jmediasoup.rtp.stream.StreamScore;

/**
 * What receiving and sending streams share, as the C++ worker's RtpStream: the score, the
 * counters of the stats entry and the bitrate, and the dump and stats formats built on them.
 */
abstract class RtpStream {
    protected final StreamScore score = new StreamScore(10);
    protected long packetCount;
    protected long byteCount;
    protected long packetsLost;
    protected int fractionLost;
    protected long packetsDiscarded;
    protected long packetsRetransmitted;
    protected long packetsRepaired;
    protected long nackCount;
    protected long nackPacketCount;
    protected long pliCount;
    protected long firCount;
    protected long rtxPacketsDiscarded;
    /** Milliseconds; 0 until measured, and then in the stats. */
    protected double roundTripTime;

    abstract RtpStreamParams params();

    /** Milliseconds; 0 until measured. */
    double roundTripTime() {
        return roundTripTime;
    }

    /** The share of packets the last report block said were lost, in percent. */
    double lossPercentage() {
        return fractionLost * 100.0 / 256;
    }

    /** Bits per second over the last 2.5 s. */
    abstract long bitrate(long nowMs);

    int score() {
        return score.value();
    }

    /** Adds what follows the bitrate; only a producer's layered stream has anything to add. */
    protected void fillLayerStats(JsonObject json, long nowMs) {}

    /** Adds "type" and what only this direction reports, between the common fields and the counts. */
    protected abstract void fillTypeStats(JsonObject json);

    /** One entry of getStats(): "inbound-rtp" for a producer's stream, "outbound-rtp" for a consumer's. */
    final JsonObject stats(long nowMs) {
        RtpStreamParams params = params();
        JsonObject json = new JsonObject();
        json.addProperty("timestamp", nowMs);
        json.addProperty("ssrc", params.ssrc());
        json.addProperty("kind", params.kind());
        json.addProperty("mimeType", params.mimeType());
        json.addProperty("packetsLost", packetsLost);
        json.addProperty("fractionLost", fractionLost);
        json.addProperty("packetsDiscarded", packetsDiscarded);
        json.addProperty("packetsRetransmitted", packetsRetransmitted);
        json.addProperty("packetsRepaired", packetsRepaired);
        json.addProperty("nackCount", nackCount);
        json.addProperty("nackPacketCount", nackPacketCount);
        json.addProperty("pliCount", pliCount);
        json.addProperty("firCount", firCount);
        json.addProperty("score", score.value());
        if (!params.rid().isEmpty()) {
            json.addProperty("rid", params.rid());
        }
        if (params.hasRtx()) {
            json.addProperty("rtxSsrc", params.rtxSsrc());
            json.addProperty("rtxPacketsDiscarded", rtxPacketsDiscarded);
        }
        if (roundTripTime > 0) {
            json.addProperty("roundTripTime", roundTripTime);
        }
        fillTypeStats(json);
        json.addProperty("packetCount", packetCount);
        json.addProperty("byteCount", byteCount);
        json.addProperty("bitrate", bitrate(nowMs));
        fillLayerStats(json, nowMs);
        return json;
    }

    /** Its entry in a producer's or consumer's dump: params, score, and the paired RTX stream. */
    final JsonObject dump() {
        RtpStreamParams params = params();
        JsonObject json = new JsonObject();
        json.add("params", params.toJson());
        json.addProperty("score", score.value());
        if (params.hasRtx()) {
            JsonObject rtxStream = new JsonObject();
            rtxStream.add("params", params.rtxToJson());
            json.add("rtxStream", rtxStream);
        }
        return json;
    }
}
