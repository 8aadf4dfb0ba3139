package io.jmediasoup.worker.messages;

import java.util.Map;

/**
 * One entry of a producer's or consumer's getStats(): a receiving ("inbound-rtp") or sending
 * ("outbound-rtp") stream. {@code rid} is empty, {@code rtxSsrc} and {@code roundTripTime}
 * 0, when there is none; {@code bitrateByLayer} ("S.T" keys) is empty unless a receiving
 * stream has layers.
 */
public record RtpStreamStats(boolean inbound, long timestamp, long ssrc, String kind, String mimeType,
        long packetsLost, int fractionLost, long jitter, long packetsDiscarded, long packetsRetransmitted,
        long packetsRepaired, long nackCount, long nackPacketCount, long pliCount, long firCount, int score,
        String rid, long rtxSsrc, long rtxPacketsDiscarded, double roundTripTime, long packetCount, long byteCount,
        long bitrate, Map<String, Long> bitrateByLayer) {}
