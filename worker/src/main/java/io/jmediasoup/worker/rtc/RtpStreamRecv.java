package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.codecs.Vp8Descriptor;
import io.jmediasoup.rtp.codecs.Vp9Descriptor;
import io.jmediasoup.rtp.rtcp.KeyFrameRequest;
import io.jmediasoup.rtp.rtcp.Nack;
import io.jmediasoup.rtp.rtcp.Ntp;
import io.jmediasoup.rtp.rtcp.ReportBlock;
import io.jmediasoup.rtp.stream.LayerBitrates;
import io.jmediasoup.rtp.stream.NackGenerator;
import io.jmediasoup.rtp.stream.StreamScore;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stream a producer receives: sequence validation (RFC 3550 A.1), jitter (§6.4.1),
 * counters and bitrate, RTX decapsulation, NACK generation, the report blocks of our
 * receiver reports, key-frame requests to the sender, and the score as the C++ worker
 * computes it: a sample per sender report, 0 after {@link #INACTIVITY_MS} without media.
 */
final class RtpStreamRecv extends RtpStream {
    /** Where its RTCP goes and who hears of its score: its producer. */
    interface Listener {
        /** An RTCP packet (NACK, PLI, FIR) for the sender; lent for the call. */
        void onRtpStreamSendRtcp(RtpStreamRecv stream, ByteBuf packet);

        void onRtpStreamScore(RtpStreamRecv stream, int score, int previousScore);

        /** A spatial layer of an SVC stream began to carry bitrate (first packet, or back after silence). */
        default void onRtpStreamSpatialLayerStarted(RtpStreamRecv stream) {}
    }

    static final long INACTIVITY_MS = 1500;
    private static final long INACTIVITY_WITH_DTX_MS = 5000;
    private static final int NACK_BUFFER_SIZE = 12 + 4 * Nack.MAX_ITEMS;

    private RtpStreamParams params;
    private final Listener listener;
    private final NackGenerator nackGenerator;
    private final RtpSequence sequence = new RtpSequence();
    private int transit;
    private double jitter;
    /** Packets received as media, which loss is computed from; retransmissions are counted apart. */
    private long mediaPacketCount;
    private long expectedPrior;
    private long receivedPrior;
    private long expectedPriorScore;
    private long receivedPriorScore;
    private long repairedPriorScore;
    private long retransmittedPriorScore;
    /** Compact NTP time of the last SR from the sender, and when it arrived; 0 before any. */
    private long lastSrTimestamp;
    private long lastSrReceivedMs;
    private long lastRtcpSentMs;
    private long lastPacketMs;
    private boolean inactive;
    /** Since its creation or since media came back after it went inactive. */
    private long activeSinceMs;
    private int firSequenceNumber;
    /** Bytes per spatial and temporal layer, read from the VP9 or VP8 payload descriptor. */
    private final LayerBitrates layerBitrates;
    private final Vp9Descriptor vp9Descriptor;
    private final Vp8Descriptor vp8Descriptor;

    private final StreamReports reports;

    RtpStreamRecv(RtpStreamParams params, Listener listener, StreamReports reports, long nowMs) {
        this.params = params;
        this.listener = listener;
        this.reports = reports;
        // The C++ worker's window: longer with DTX, whose silences would read as no bitrate.
        this.layerBitrates = new LayerBitrates(params.spatialLayers(), params.temporalLayers(),
                params.useDtx() ? 6000 : 2500);
        boolean layered = params.spatialLayers() > 1 || params.temporalLayers() > 1;
        String subtype = params.codec().mimeType().subtype();
        this.vp9Descriptor = layered && subtype.equals("vp9") ? new Vp9Descriptor() : null;
        this.vp8Descriptor = layered && subtype.equals("vp8") ? new Vp8Descriptor() : null;
        this.nackGenerator = params.useNack() ? new NackGenerator() : null;
        this.lastPacketMs = nowMs;
        this.activeSinceMs = nowMs;
    }

    @Override
    RtpStreamParams params() {
        return params;
    }

    /** The first RTX packet names the RTX stream paired with this one. */
    void setRtx(int payloadType, long ssrc) {
        params = params.withRtx(payloadType, ssrc);
    }

    /**
     * Validates and counts a media packet, NACKing any gap it reveals; false when its
     * sequence number says to discard it.
     */
    boolean receivePacket(RtpPacket packet, long nowMs) {
        if (!receiveSequenceNumber(packet.sequenceNumber())) {
            packetsDiscarded++;
            return false;
        }
        if (nackGenerator != null) {
            boolean wasNacked = nackGenerator.receivePacket(packet.sequenceNumber(), packet.isKeyFrame(), false, nowMs);
            if (wasNacked && !params.hasRtx()) {
                // Without RTX a NACKed packet comes back on the media stream itself.
                packetsRetransmitted++;
                packetsRepaired++;
            }
            sendNacks();
        }
        calculateJitter(packet.timestamp(), nowMs);
        mediaPacketCount++;
        count(packet, nowMs);
        return true;
    }

    /**
     * Takes an RTX packet of this stream, already decoded back to the original, and returns
     * whether it repairs a packet we NACKed (and should then be forwarded).
     */
    boolean receiveRetransmission(RtpPacket packet, long nowMs) {
        if (nackGenerator == null || !receiveSequenceNumber(packet.sequenceNumber())) {
            rtxPacketsDiscarded++;
            return false;
        }
        packetsRetransmitted++;
        if (!nackGenerator.receivePacket(packet.sequenceNumber(), packet.isKeyFrame(), true, nowMs)) {
            return false;
        }
        packetsRepaired++;
        count(packet, nowMs);
        return true;
    }

    private void count(RtpPacket packet, long nowMs) {
        packetCount++;
        byteCount += packet.size();
        countLayer(packet, nowMs);
        lastPacketMs = nowMs;
        if (inactive) {
            inactive = false;
            activeSinceMs = nowMs;
            resetScore(10);
        }
    }

    /**
     * Counts the packet in its layer, and marks the packet with it for the trace events: the
     * layers its dependency descriptor named, else its VP8/VP9 payload descriptor's; without
     * either, the lowest one.
     */
    private void countLayer(RtpPacket packet, long nowMs) {
        int spatialLayer = packet.spatialLayer();
        int temporalLayer = packet.temporalLayer();
        if (!packet.frameDescribed()) {
            if (vp9Descriptor != null && vp9Descriptor.parse(packet.buffer(), packet.payloadIndex(), packet.payloadLength())) {
                spatialLayer = vp9Descriptor.spatialLayer();
                temporalLayer = vp9Descriptor.temporalLayer();
            } else if (vp8Descriptor != null && vp8Descriptor.parse(packet.buffer(), packet.payloadIndex(), packet.payloadLength())
                    && vp8Descriptor.hasTemporalLayer()) {
                temporalLayer = vp8Descriptor.temporalLayer();
            }
        }
        packet.setLayers(spatialLayer, temporalLayer);
        if (layerBitrates.update(spatialLayer, temporalLayer, packet.size(), nowMs) && layerBitrates.spatialLayers() > 1) {
            listener.onRtpStreamSpatialLayerStarted(this);
        }
    }

    /** All layers together (bps). */
    @Override
    long bitrate(long nowMs) {
        return layerBitrates.bitrate(nowMs);
    }

    /** The producer's layers: per spatial and temporal layer, and the sums consumers decide by. */
    LayerBitrates layerBitrates() {
        return layerBitrates;
    }

    private boolean receiveSequenceNumber(int seq) {
        return sequence.receive(seq) != RtpSequence.Verdict.DISCARDED;
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

    /** The NACK timer's tick; returns whether it must tick again. */
    boolean onNackTimer(long nowMs) {
        if (nackGenerator == null) {
            return false;
        }
        nackGenerator.onTimer(nowMs);
        sendNacks();
        return nackGenerator.hasPending();
    }

    boolean hasPendingNacks() {
        return nackGenerator != null && nackGenerator.hasPending();
    }

    private void sendNacks() {
        if (nackGenerator.takeKeyFrameRequired()) {
            requestKeyFrame();
        }
        int count = nackGenerator.batchCount();
        if (count == 0) {
            return;
        }
        ByteBuf packet = PooledByteBufAllocator.DEFAULT.directBuffer(NACK_BUFFER_SIZE);
        try {
            nackPacketCount += Nack.write(packet, 0, params.ssrc(), nackGenerator.batch(), count);
            nackCount++;
            listener.onRtpStreamSendRtcp(this, packet);
        } finally {
            packet.release();
        }
    }

    /** How long media has flowed without a gap that made it inactive (the C++ worker's active time). */
    long activeMs(long nowMs) {
        return nowMs - activeSinceMs;
    }

    /** Media stopped for longer than the C++ worker tolerates: the score drops to 0. */
    void checkInactivity(long nowMs) {
        long limit = params.useDtx() ? INACTIVITY_WITH_DTX_MS : INACTIVITY_MS;
        if (!inactive && nowMs - lastPacketMs >= limit) {
            inactive = true;
            resetScore(0);
        }
    }

    /** No media is expected while paused: NACK state and jitter start over. */
    void pause() {
        if (nackGenerator != null) {
            nackGenerator.reset();
        }
        transit = 0;
        jitter = 0;
    }

    /**
     * The sender's DLRR answer to our Receiver Reference Time: the round-trip time, as the C++
     * worker computes it (0 while the sender has not seen one of ours), which paces our NACKs.
     * Returns it (ms), or -1 when the sender had seen none of ours. 3.32.2 keeps the last one then.
     */
    double receiveXrDelaySinceLastRr(long lastRr, long delaySinceLastRr, long wallMs) {
        long now = Ntp.compact(Ntp.seconds(wallMs), Ntp.fraction(wallMs));
        if (reports == StreamReports.MEDIASOUP_3_32) {
            if (lastRr == 0) {
                return -1;
            }
            roundTripTime = StreamReports.roundTripTimeMs(now, delaySinceLastRr, lastRr);
            if (nackGenerator != null) {
                nackGenerator.updateRtt((long) roundTripTime);
            }
            return roundTripTime;
        }
        long rtt = lastRr != 0 && delaySinceLastRr != 0 && now > delaySinceLastRr + lastRr
                ? now - delaySinceLastRr - lastRr
                : 0;
        roundTripTime = (rtt >> 16) * 1000 + (rtt & 0xFFFF) / 65536.0 * 1000;
        if (nackGenerator != null) {
            nackGenerator.updateRtt((long) roundTripTime);
        }
        return lastRr != 0 ? roundTripTime : -1;
    }

    /** Remembers the sender's SR, to echo it in our next report (LSR, DLSR), and scores the interval. */
    void receiveSenderReport(long ntpSeconds, long ntpFraction, long nowMs) {
        lastSrTimestamp = Ntp.compact(ntpSeconds, ntpFraction);
        lastSrReceivedMs = nowMs;
        updateScore();
    }

    private void updateScore() {
        long totalExpected = expectedPackets();
        long expected = totalExpected - expectedPriorScore;
        expectedPriorScore = totalExpected;
        long received = mediaPacketCount - receivedPriorScore;
        receivedPriorScore = mediaPacketCount;
        long lost = Math.max(0, expected - received);
        long repaired = packetsRepaired - repairedPriorScore;
        repairedPriorScore = packetsRepaired;
        long retransmitted = packetsRetransmitted - retransmittedPriorScore;
        retransmittedPriorScore = packetsRetransmitted;
        if (inactive) {
            return;
        }
        if (expected <= 0) {
            addScore(10);
            return;
        }
        lost = Math.min(lost, received);
        if (repaired > lost && !params.hasRtx()) {
            lost = repaired;
        }
        addScore(received == 0 ? 0 : StreamScore.sample(received, lost, repaired, retransmitted));
    }

    private void addScore(int sample) {
        int previous = score.value();
        if (score.add(sample)) {
            listener.onRtpStreamScore(this, score.value(), previous);
        }
    }

    private void resetScore(int value) {
        int previous = score.value();
        if (score.reset(value)) {
            listener.onRtpStreamScore(this, value, previous);
        }
    }

    private long expectedPackets() {
        return sequence.expected();
    }

    /** Whether a receiver report is due, as often as the C++ worker sends them per kind. */
    boolean reportDue(long nowMs, long maxIntervalMs) {
        return sequence.started() && (nowMs - lastRtcpSentMs) * 1.15 >= maxIntervalMs;
    }

    /** Writes this stream's report block (RFC 3550 §6.4.1, loss per A.3). */
    void writeReportBlock(ByteBuf out, long nowMs) {
        lastRtcpSentMs = nowMs;
        long expected = expectedPackets();
        packetsLost = Math.max(0, expected - mediaPacketCount);
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = mediaPacketCount - receivedPrior;
        expectedPrior = expected;
        receivedPrior = mediaPacketCount;
        long lostInterval = expectedInterval - receivedInterval;
        fractionLost = expectedInterval == 0 || lostInterval <= 0 ? 0
                : (int) Math.min(255, Math.round((double) (lostInterval << 8) / expectedInterval));
        long dlsr = 0;
        if (lastSrReceivedMs != 0) {
            long delayMs = nowMs - lastSrReceivedMs;
            dlsr = ((delayMs / 1000) << 16) | ((delayMs % 1000) * 65536 / 1000);
        }
        ReportBlock.write(out, params.ssrc(), fractionLost, (int) packetsLost, sequence.extendedMax(), (long) jitter,
                lastSrReceivedMs != 0 ? lastSrTimestamp : 0, dlsr);
    }

    /** Sends a PLI, or a FIR when the sender understands only that; false when it understands neither. */
    boolean requestKeyFrame() {
        ByteBuf packet = PooledByteBufAllocator.DEFAULT.directBuffer(20);
        try {
            if (params.usePli()) {
                // Sender SSRC as media SSRC, as the C++ worker does for senders (GStreamer) that reject 0.
                KeyFrameRequest.writePli(packet, params.ssrc(), params.ssrc());
                pliCount++;
            } else if (params.useFir()) {
                KeyFrameRequest.writeFir(packet, params.ssrc(), params.ssrc(), ++firSequenceNumber & 0xFF);
                firCount++;
            } else {
                return false;
            }
            listener.onRtpStreamSendRtcp(this, packet);
            return true;
        } finally {
            packet.release();
        }
    }

    long ssrc() {
        return params.ssrc();
    }

    @Override
    protected boolean inbound() {
        return true;
    }

    @Override
    protected long jitter() {
        return (long) jitter;
    }

    /** As the C++ worker: "S.T" keys, each what a receiver of layers up to S.T needs. */
    @Override
    protected Map<String, Long> bitrateByLayer(long nowMs) {
        if (layerBitrates.spatialLayers() == 1 && layerBitrates.temporalLayers() == 1) {
            return Map.of();
        }
        Map<String, Long> byLayer = new LinkedHashMap<>();
        for (int s = 0; s < layerBitrates.spatialLayers(); s++) {
            for (int t = 0; t < layerBitrates.temporalLayers(); t++) {
                byLayer.put(s + "." + t, layerBitrates.bitrate(nowMs, s, t));
            }
        }
        return byLayer;
    }
}
