package io.jmediasoup.worker.rtc;

import com.google.gson.JsonObject;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.SeqManager;
import io.jmediasoup.rtp.rtcp.ReportBlock;
import io.jmediasoup.rtp.rtcp.Sdes;
import io.jmediasoup.rtp.rtcp.SenderReport;
import io.netty.buffer.ByteBuf;

/**
 * A stream a consumer sends. Its score starts at 10 (a sending stream is healthy until the
 * receiver's reports say otherwise; scoring from them is still to come, as are NACK and
 * retransmissions, issue 4).
 */
final class RtpStreamSend {
    private static final int INITIAL_SCORE = 10;

    final RtpStreamParams params;
    private int score = INITIAL_SCORE;
    private long packetCount;
    private long byteCount;
    private long maxPacketTimestamp;
    private long maxPacketMs;
    private long lastRtcpSentMs;
    private long packetsLost;
    private int fractionLost;
    private double roundTripTime;
    private long pliCount;
    private long firCount;

    RtpStreamSend(RtpStreamParams params) {
        this.params = params;
    }

    /** Counts a packet sent on this stream. */
    void packetSent(RtpPacket packet, long nowMs) {
        if (packetCount == 0 || SeqManager.isTimestampHigherThan(packet.timestamp(), maxPacketTimestamp)) {
            maxPacketTimestamp = packet.timestamp();
            maxPacketMs = nowMs;
        }
        packetCount++;
        byteCount += packet.size();
    }

    /** Whether a sender report is due: something was sent, and not reported for long enough. */
    boolean reportDue(long nowMs, long maxIntervalMs) {
        return packetCount > 0 && (nowMs - lastRtcpSentMs) * 1.15 >= maxIntervalMs;
    }

    /** Writes an SR for now, with the RTP time extrapolated from the last packet sent, then SDES. */
    void writeSenderReport(ByteBuf out, long nowMs, long wallMs) {
        lastRtcpSentMs = nowMs;
        long rtpTimestamp = maxPacketTimestamp + (nowMs - maxPacketMs) * params.codec().clockRate() / 1000;
        SenderReport.write(out, params.ssrc(), Ntp.seconds(wallMs), Ntp.fraction(wallMs), rtpTimestamp & 0xFFFFFFFFL,
                packetCount, byteCount);
        Sdes.writeCname(out, params.ssrc(), params.cname());
    }

    /** Takes the remote receiver's report block about this stream: loss and round-trip time. */
    void receiveReport(ByteBuf buffer, int block, long wallMs) {
        long now = Ntp.compact(Ntp.seconds(wallMs), Ntp.fraction(wallMs));
        long lastSr = ReportBlock.lastSenderReport(buffer, block);
        long dlsr = ReportBlock.delaySinceLastSenderReport(buffer, block);
        if (lastSr != 0 && dlsr != 0 && now > dlsr + lastSr) {
            long rtt = now - dlsr - lastSr;
            roundTripTime = (rtt >> 16) * 1000 + (rtt & 0xFFFF) * 1000.0 / 65536;
        }
        packetsLost = ReportBlock.totalLost(buffer, block);
        fractionLost = ReportBlock.fractionLost(buffer, block);
    }

    /** Counts a key-frame request from the remote receiver. */
    void keyFrameRequested(boolean fir) {
        if (fir) {
            firCount++;
        } else {
            pliCount++;
        }
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
        json.addProperty("packetsLost", packetsLost);
        json.addProperty("fractionLost", fractionLost);
        for (String counter : new String[] {"packetsDiscarded", "packetsRetransmitted", "packetsRepaired", "nackCount",
                "nackPacketCount"}) {
            json.addProperty(counter, 0);
        }
        json.addProperty("pliCount", pliCount);
        json.addProperty("firCount", firCount);
        json.addProperty("score", score);
        if (!params.rid().isEmpty()) {
            json.addProperty("rid", params.rid());
        }
        if (params.hasRtx()) {
            json.addProperty("rtxSsrc", params.rtxSsrc());
            json.addProperty("rtxPacketsDiscarded", 0);
        }
        if (roundTripTime > 0) {
            json.addProperty("roundTripTime", roundTripTime);
        }
        json.addProperty("type", "outbound-rtp");
        json.addProperty("packetCount", packetCount);
        json.addProperty("byteCount", byteCount);
        json.addProperty("bitrate", 0);
        return json;
    }
}
