package io.jmediasoup.worker.rtc;

import com.google.gson.JsonObject;
import io.jmediasoup.rtp.RtpPacket;

/**
 * A stream a producer receives: sequence validation (RFC 3550 A.1), jitter (RFC 3550 6.4.1)
 * and counters. Loss, NACK, key frames and the score computed from receiver reports are
 * the rest of issue 4.
 */
final class RtpStreamRecv {
    private static final int SEQ_MOD = 1 << 16;
    private static final int MAX_DROPOUT = 3000;
    private static final int MAX_MISORDER = 1500;
    private static final int INITIAL_SCORE = 10;

    final RtpStreamParams params;
    private boolean started;
    private int maxSeq;
    private int badSeq;
    private long cycles;
    private int baseSeq;
    private int transit;
    private double jitter;
    private long packetCount;
    private long byteCount;
    private long packetsDiscarded;
    private int score = INITIAL_SCORE;

    RtpStreamRecv(RtpStreamParams params) {
        this.params = params;
    }

    /** Validates and counts a packet; false when its sequence number says to discard it. */
    boolean receivePacket(RtpPacket packet, long nowMs) {
        int seq = packet.sequenceNumber();
        if (!started) {
            initSeq(seq);
            started = true;
            maxSeq = (seq - 1) & 0xFFFF;
        }
        if (!updateSeq(seq)) {
            packetsDiscarded++;
            return false;
        }
        calculateJitter(packet.timestamp(), nowMs);
        packetCount++;
        byteCount += packet.size();
        return true;
    }

    private void initSeq(int seq) {
        baseSeq = seq;
        maxSeq = seq;
        badSeq = SEQ_MOD + 1;
    }

    private boolean updateSeq(int seq) {
        int udelta = (seq - maxSeq) & 0xFFFF;
        if (udelta < MAX_DROPOUT) {
            if (seq < maxSeq) {
                cycles += SEQ_MOD;
            }
            maxSeq = seq;
        } else if (udelta <= SEQ_MOD - MAX_MISORDER) {
            // A very large jump: two consecutive such packets mean the sender restarted.
            if (seq == badSeq) {
                initSeq(seq);
            } else {
                badSeq = (seq + 1) & (SEQ_MOD - 1);
                return false;
            }
        }
        return true;
    }

    private void calculateJitter(long rtpTimestamp, long nowMs) {
        long clockRate = params.codec().clockRate();
        if (clockRate == 0) {
            return;
        }
        int packetTransit = (int) (nowMs - rtpTimestamp * 1000 / clockRate);
        int difference = Math.abs(packetTransit - transit);
        boolean first = transit == 0;
        transit = packetTransit;
        if (!first) {
            jitter += (difference - jitter) / 16.0;
        }
    }

    long ssrc() {
        return params.ssrc();
    }

    int score() {
        return score;
    }

    /** One "inbound-rtp" entry of producer.getStats(). */
    JsonObject stats(long nowMs) {
        JsonObject json = new JsonObject();
        json.addProperty("timestamp", nowMs);
        json.addProperty("ssrc", params.ssrc());
        json.addProperty("kind", params.kind());
        json.addProperty("mimeType", params.mimeType());
        json.addProperty("packetsLost", 0);
        json.addProperty("fractionLost", 0);
        json.addProperty("packetsDiscarded", packetsDiscarded);
        for (String counter : new String[] {"packetsRetransmitted", "packetsRepaired", "nackCount", "nackPacketCount",
                "pliCount", "firCount"}) {
            json.addProperty(counter, 0);
        }
        json.addProperty("score", score);
        if (!params.rid().isEmpty()) {
            json.addProperty("rid", params.rid());
        }
        json.addProperty("type", "inbound-rtp");
        json.addProperty("jitter", (long) jitter);
        json.addProperty("packetCount", packetCount);
        json.addProperty("byteCount", byteCount);
        json.addProperty("bitrate", 0);
        return json;
    }

    JsonObject dump() {
        JsonObject json = new JsonObject();
        json.add("params", params.toJson());
        json.addProperty("score", score);
        return json;
    }
}
