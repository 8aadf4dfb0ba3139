package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.stream.StreamScore;
import io.jmediasoup.worker.messages.RtpStreamDump;
import io.jmediasoup.worker.messages.RtpStreamStats;
import java.util.Map;

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

    /** The bitrate of each "S.T" layer; empty unless a producer's stream has layers. */
    protected Map<String, Long> bitrateByLayer(long nowMs) {
        return Map.of();
    }

    /** A producer's receiving stream ("inbound-rtp"), else a consumer's sending one. */
    protected abstract boolean inbound();

    /** The interarrival jitter (RTP timestamp units): what a receiving stream measures, or a sending one is told. */
    protected abstract long jitter();

    /** One entry of getStats(): "inbound-rtp" for a producer's stream, "outbound-rtp" for a consumer's. */
    final RtpStreamStats stats(long nowMs) {
        RtpStreamParams params = params();
        return new RtpStreamStats(inbound(), nowMs, params.ssrc(), params.kind(), params.mimeType(), packetsLost,
                fractionLost, jitter(), packetsDiscarded, packetsRetransmitted, packetsRepaired, nackCount,
                nackPacketCount, pliCount, firCount, score.value(), params.rid(), params.rtxSsrc(),
                params.hasRtx() ? rtxPacketsDiscarded : 0, roundTripTime, packetCount, byteCount, bitrate(nowMs),
                bitrateByLayer(nowMs));
    }

    /** Its entry in a producer's or consumer's dump: params and score; the paired RTX stream follows from them. */
    final RtpStreamDump dump() {
        RtpStreamParams p = params();
        return new RtpStreamDump(p.encodingIdx(), p.ssrc(), p.payloadType(), p.mimeType(), p.codec().clockRate(),
                p.rid(), p.cname(), p.rtxSsrc(), p.rtxPayloadType(), p.useNack(), p.usePli(), p.useFir(),
                p.useInBandFec(), p.useDtx(), p.spatialLayers(), p.temporalLayers(), score.value());
    }
}
