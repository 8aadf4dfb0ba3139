package io.jmediasoup.worker.rtc;

import com.google.gson.JsonObject;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.rtcp.KeyFrameRequest;
import io.jmediasoup.rtp.rtcp.ReportBlock;
import io.netty.buffer.ByteBuf;

/**
 * A stream a producer receives: sequence validation (RFC 3550 A.1), jitter (RFC 3550 6.4.1),
 * counters, the report blocks of our receiver reports and key-frame requests to the sender.
 * NACK generation and the score are still to come (issue 4).
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
    private long expectedPrior;
    private long receivedPrior;
    private long packetsLost;
    private int fractionLost;
    /** Compact NTP time of the last SR from the sender, and when it arrived; 0 before any. */
    private long lastSrTimestamp;
    private long lastSrReceivedMs;
    private long lastRtcpSentMs;
    private int firSequenceNumber;
    private long pliCount;
    private long firCount;

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

    /** Remembers the sender's SR, to echo it in our next report (LSR, DLSR). */
    void receiveSenderReport(long ntpSeconds, long ntpFraction, long nowMs) {
        lastSrTimestamp = Ntp.compact(ntpSeconds, ntpFraction);
        lastSrReceivedMs = nowMs;
    }

    /** Whether a receiver report is due, as often as the C++ worker sends them per kind. */
    boolean reportDue(long nowMs, long maxIntervalMs) {
        return started && (nowMs - lastRtcpSentMs) * 1.15 >= maxIntervalMs;
    }

    /** Writes this stream's report block (RFC 3550 §6.4.1, loss per A.3). */
    void writeReportBlock(ByteBuf out, long nowMs) {
        lastRtcpSentMs = nowMs;
        long expected = cycles + maxSeq - baseSeq + 1;
        packetsLost = Math.max(0, expected - packetCount);
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = packetCount - receivedPrior;
        expectedPrior = expected;
        receivedPrior = packetCount;
        long lostInterval = expectedInterval - receivedInterval;
        fractionLost = expectedInterval == 0 || lostInterval <= 0 ? 0
                : (int) Math.min(255, Math.round((double) (lostInterval << 8) / expectedInterval));
        long dlsr = 0;
        if (lastSrReceivedMs != 0) {
            long delayMs = nowMs - lastSrReceivedMs;
            dlsr = ((delayMs / 1000) << 16) | ((delayMs % 1000) * 65536 / 1000);
        }
        ReportBlock.write(out, params.ssrc(), fractionLost, (int) packetsLost, cycles + maxSeq, (long) jitter,
                lastSrReceivedMs != 0 ? lastSrTimestamp : 0, dlsr);
    }

    /** Writes a PLI, or a FIR when the sender understands only that; false when it understands neither. */
    boolean writeKeyFrameRequest(ByteBuf out) {
        if (params.usePli()) {
            KeyFrameRequest.writePli(out, 0, params.ssrc());
            pliCount++;
            return true;
        }
        if (params.useFir()) {
            KeyFrameRequest.writeFir(out, 0, params.ssrc(), firSequenceNumber++ & 0xFF);
            firCount++;
            return true;
        }
        return false;
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
        json.addProperty("packetsLost", packetsLost);
        json.addProperty("fractionLost", fractionLost);
        json.addProperty("packetsDiscarded", packetsDiscarded);
        for (String counter : new String[] {"packetsRetransmitted", "packetsRepaired", "nackCount", "nackPacketCount"}) {
            json.addProperty(counter, 0);
        }
        json.addProperty("pliCount", pliCount);
        json.addProperty("firCount", firCount);
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
