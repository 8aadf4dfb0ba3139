package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.SeqManager;
import io.jmediasoup.rtp.codecs.Vp8Descriptor;
import io.jmediasoup.rtp.codecs.Vp8EncodingContext;
import io.jmediasoup.rtp.stream.LayerBitrates;
import io.jmediasoup.worker.messages.ConsumerScore;
import io.jmediasoup.worker.messages.RtpStreamStats;
import io.jmediasoup.worker.messages.TransportMediaRequest;
import io.jmediasoup.worker.rtc.params.MediaKind;
import io.jmediasoup.worker.rtc.params.RtpParameters;

/**
 * Consumes one of a simulcast producer's streams at a time (type "simulcast"): each is a
 * spatial layer. The stream it forwards becomes one continuous RTP stream: its own SSRC,
 * sequence numbers, and RTP timestamps aligned across source streams through their sender
 * reports; for VP8, picture ids and TL0PICIDX continuous too, and temporal layers above the
 * target dropped. It moves to another spatial layer only on a key frame of that stream, which
 * it asks for. The target layers follow the preferred ones and the producer's stream scores,
 * as the C++ worker chooses them; under a bandwidth estimate its transport climbs them layer by
 * layer ({@link BitrateDistribution}).
 */
final class SimulcastConsumer extends LayeredConsumer {
    /** A producer stream this good is taken over a better-scored lower one. */
    private static final int STREAM_GOOD_SCORE = 5;
    /** Under a bandwidth estimate, how long a stream must have been live to be moved up to. */
    private static final long STREAM_MIN_ACTIVE_MS = 2000;
    /** The most a switch may shift the RTP timestamps forward to keep them increasing. */
    private static final long MAX_EXTRA_OFFSET_MS = 75;
    /** The extra shift when the new stream's key frame is not after what was sent: one 30 fps frame. */
    private static final long FRAME_OFFSET_MS = 33;
    private static final long TIMESTAMP_MASK = 0xFFFFFFFFL;

    private final long[] mappedSsrcs;
    private final long clockRate;
    private final SeqManager seqManager = shared.consumerSequenceNumbers();
    /** VP8 only: the descriptor of the packet at hand and our picture numbering and temporal layer. */
    private final Vp8Descriptor vp8Descriptor;
    private final Vp8EncodingContext vp8Context;
    private SenderReportTimes senderReports = new SenderReportTimes(0);
    private int targetSpatialLayer = NO_LAYER;
    private int targetTemporalLayer = NO_LAYER;
    private int currentSpatialLayer = NO_LAYER;
    /** Without a VP8 descriptor the temporal layer forwarded is the one switched to. */
    private int currentTemporalLayer = NO_LAYER;
    /** The spatial layer whose RTP timestamps ours follow unchanged; the others are aligned to it. */
    private int tsReferenceSpatialLayer = NO_LAYER;
    private long tsOffset;
    private boolean syncRequired = true;
    private boolean keyFrameForTsOffsetRequested;
    private boolean lastSentPacketHasMarker;

    SimulcastConsumer(String id, Shared shared, Listener listener, TransportMediaRequest.Consume request) {
        super(id, shared, listener, request, RtpParameters.Type.SIMULCAST);
        mappedSsrcs = consumableRtpEncodings.stream().mapToLong(encoding -> encoding.ssrc()).toArray();
        clockRate = rtpStream().params.codec().clockRate();
        boolean vp8 = "video/VP8".equalsIgnoreCase(rtpStream().params.mimeType());
        vp8Descriptor = vp8 ? new Vp8Descriptor() : null;
        vp8Context = vp8 ? new Vp8EncodingContext() : null;
    }

    /** The C++ worker shows the current spatial layer's stream: none while no layer is sent. */
    @Override
    protected RtpStreamStats forwardedRtpStreamStats(long nowMs) {
        return currentSpatialLayer == NO_LAYER ? null : producerRtpStreamStats(mappedSsrcs[currentSpatialLayer], nowMs);
    }

    @Override
    protected void checkEncodings() {
        if (consumableRtpEncodings.size() <= 1) {
            throw new MediasoupTypeError("invalid consumableRtpEncodings with size <= 1");
        }
        if (rtpParameters.encodings().get(0).spatialLayers() != consumableRtpEncodings.size()) {
            throw new MediasoupTypeError("encoding.spatialLayers does not match number of consumableRtpEncodings");
        }
    }

    @Override
    void producerSenderReports(SenderReportTimes senderReports) {
        this.senderReports = senderReports;
    }

    /** A stream we could not switch to for want of a sender report may now be usable. */
    @Override
    void producerFirstSenderReport() {
        if (isActive() && currentSpatialLayer != NO_LAYER && senderReports.has(currentSpatialLayer)) {
            mayChangeLayers();
        }
    }

    @Override
    protected void onActivated() {
        super.onActivated();
        syncRequired = true;
        keyFrameForTsOffsetRequested = false;
        mayChangeLayers();
    }

    /** Asks for key frames of the stream we move to and of the one we send. */
    @Override
    void requestKeyFrame() {
        if (!isActive() || kind != MediaKind.VIDEO) {
            return;
        }
        if (targetSpatialLayer != NO_LAYER) {
            listener.onConsumerKeyFrameRequested(this, mappedSsrcs[targetSpatialLayer]);
        }
        if (currentSpatialLayer != NO_LAYER && currentSpatialLayer != targetSpatialLayer) {
            listener.onConsumerKeyFrameRequested(this, mappedSsrcs[currentSpatialLayer]);
        }
    }

    private void requestKeyFrameForTargetSpatialLayer() {
        if (kind == MediaKind.VIDEO && targetSpatialLayer != NO_LAYER) {
            listener.onConsumerKeyFrameRequested(this, mappedSsrcs[targetSpatialLayer]);
        }
    }

    private int spatialLayerOf(long mappedSsrc) {
        for (int i = 0; i < mappedSsrcs.length; i++) {
            if (mappedSsrcs[i] == mappedSsrc) {
                return i;
            }
        }
        return NO_LAYER;
    }

    @Override
    void sendRtpPacket(RtpPacket packet) {
        if (!isActive() || targetTemporalLayer == NO_LAYER || !supportsPayloadType(packet.payloadType())) {
            return;
        }
        int spatialLayer = spatialLayerOf(packet.ssrc());
        boolean switching = false;
        if (currentSpatialLayer != targetSpatialLayer && spatialLayer == targetSpatialLayer) {
            if (!packet.isKeyFrame()) {
                return;
            }
            switching = true;
            syncRequired = true;
        } else if (spatialLayer != currentSpatialLayer) {
            return;
        }
        if (syncRequired && !packet.isKeyFrame()) {
            return;
        }
        boolean described = vp8Descriptor != null
                && vp8Descriptor.parse(packet.buffer(), packet.payloadIndex(), packet.payloadLength());
        if (syncRequired && !sync(packet, spatialLayer, switching)) {
            return;
        }
        if (switching) {
            currentSpatialLayer = targetSpatialLayer;
            currentTemporalLayer = described && vp8Descriptor.hasTemporalLayer() ? vp8Descriptor.temporalLayer() : 0;
            if (vp8Context != null) {
                vp8Context.setTargetTemporalLayer(targetTemporalLayer);
                vp8Context.setCurrentTemporalLayer(currentTemporalLayer);
            }
            if (described) {
                vp8Context.process(vp8Descriptor, packet.buffer());
            }
            // After processing, so that a key frame above the target temporal layer reports the clamped one.
            emitLayersChange();
            emitScore();
        } else if (described) {
            int previousTemporalLayer = vp8Context.currentTemporalLayer();
            if (!vp8Context.process(vp8Descriptor, packet.buffer())) {
                seqManager.drop(packet.sequenceNumber());
                return;
            }
            if (previousTemporalLayer != vp8Context.currentTemporalLayer()) {
                emitLayersChange();
            }
        }
        forward(packet);
        if (described) {
            vp8Descriptor.restore(packet.buffer());
        }
    }

    /**
     * Re-bases sequence numbers and timestamps on a key frame of {@code spatialLayer}; false
     * when the switch must wait for a key frame whose timestamp fits better.
     */
    private boolean sync(RtpPacket packet, int spatialLayer, boolean switching) {
        long offset = 0;
        if (spatialLayer != tsReferenceSpatialLayer) {
            // Both streams' reports tie an RTP timestamp to a wall-clock time: the NTP
            // difference says how far apart their RTP clocks are.
            long diffMs = senderReports.ntpMs(spatialLayer) - senderReports.ntpMs(tsReferenceSpatialLayer);
            long diffTs = diffMs * clockRate / 1000;
            long alignedTs = (senderReports.rtpTimestamp(spatialLayer) - diffTs) & TIMESTAMP_MASK;
            offset = (alignedTs - senderReports.rtpTimestamp(tsReferenceSpatialLayer)) & TIMESTAMP_MASK;
        }
        RtpStreamSend rtpStream = rtpStream();
        long maxTs = rtpStream.maxPacketTimestamp();
        long outputTs = (packet.timestamp() - offset) & TIMESTAMP_MASK;
        if (switching && rtpStream.hasSentPackets() && !SeqManager.isTimestampHigherThan(outputTs, maxTs)) {
            // The new stream's key frame would go back in time: push this stream forward a frame.
            long maxExtraOffset = MAX_EXTRA_OFFSET_MS * clockRate / 1000;
            long extraOffset = (maxTs - packet.timestamp() + offset + FRAME_OFFSET_MS * clockRate / 1000) & TIMESTAMP_MASK;
            if (keyFrameForTsOffsetRequested) {
                if (extraOffset > maxExtraOffset) {
                    // A fresh key frame did not help: switch anyway rather than never.
                    extraOffset = 1;
                }
            } else if (extraOffset > maxExtraOffset) {
                requestKeyFrameForTargetSpatialLayer();
                keyFrameForTsOffsetRequested = true;
                return false;
            }
            offset = (offset - extraOffset) & TIMESTAMP_MASK;
        }
        tsOffset = offset;
        // Skipping a number when the last frame sent was incomplete tells the receiver so.
        seqManager.sync(packet.sequenceNumber() - (lastSentPacketHasMarker ? 1 : 2));
        if (vp8Context != null) {
            vp8Context.requireSync();
        }
        syncRequired = false;
        keyFrameForTsOffsetRequested = false;
        return true;
    }

    /** Rewrites SSRC, sequence number and timestamp, sends, and restores them for the next consumer. */
    private void forward(RtpPacket packet) {
        int originalSeq = packet.sequenceNumber();
        long originalSsrc = packet.ssrc();
        long originalTimestamp = packet.timestamp();
        int seq = seqManager.input(originalSeq);
        packet.setSsrc(rtpStream().params.ssrc());
        packet.setSequenceNumber(seq);
        packet.setTimestamp((originalTimestamp - tsOffset) & TIMESTAMP_MASK);
        if (seq == seqManager.maxOutput()) {
            lastSentPacketHasMarker = packet.marker();
        }
        sendRewritten(packet);
        packet.setSsrc(originalSsrc);
        packet.setSequenceNumber(originalSeq);
        packet.setTimestamp(originalTimestamp);
    }

    /**
     * As the C++ worker chooses from scores alone: the preferred spatial layer's stream if it is
     * good, else the best-scored live stream below it; under a bandwidth estimate, a stream
     * live for under {@link #STREAM_MIN_ACTIVE_MS} is passed over once another is chosen, and
     * after a downgrade for want of bandwidth none above the one sent is.
     */
    @Override
    protected Layers recalculateTargetLayers() {
        long nowMs = shared.nowMs();
        int newSpatialLayer = NO_LAYER;
        int maxProducerScore = 0;
        for (int spatialLayer = 0; spatialLayer < mappedSsrcs.length; spatialLayer++) {
            int producerScore = producerScore(spatialLayer);
            if (heldByBweDowngrade(nowMs, newSpatialLayer, spatialLayer)) {
                continue;
            }
            if (producerScore == 0) {
                continue;
            }
            if (isBitrateManaged() && newSpatialLayer != NO_LAYER
                    && producerRtpStreamActiveMs(mappedSsrcs[spatialLayer]) < STREAM_MIN_ACTIVE_MS) {
                continue;
            }
            if (!canSwitchToSpatialLayer(spatialLayer)) {
                continue;
            }
            if (producerScore < maxProducerScore && producerScore < STREAM_GOOD_SCORE) {
                continue;
            }
            newSpatialLayer = spatialLayer;
            maxProducerScore = producerScore;
            if (spatialLayer >= preferredSpatialLayer() && producerScore >= STREAM_GOOD_SCORE) {
                break;
            }
        }
        return new Layers(newSpatialLayer, temporalLayerFor(newSpatialLayer));
    }

    /**
     * One step up from the provisional layers, as the C++ worker climbs simulcast: the next
     * temporal layer of the provisional stream, costing that layer's bitrate, else temporal
     * layer 0 of the next good stream, costing what it adds over the provisional layers. A
     * stream live for under {@link #STREAM_MIN_ACTIVE_MS} is passed over while the provisional
     * one has been live longer; none above the preferred spatial layer, nor, after a
     * downgrade for want of bandwidth, above the one sent.
     */
    @Override
    public long increaseLayer(long bitrate, boolean considerLoss) {
        if (provisionalAtPreferredLayers()) {
            return 0;
        }
        long virtualBitrate = virtualBitrate(bitrate, considerLoss);
        long nowMs = shared.nowMs();
        int provisionalSpatialLayer = provisionalSpatialLayer();
        for (int s = Math.max(0, provisionalSpatialLayer); s < mappedSsrcs.length; s++) {
            if (heldByBweDowngrade(nowMs, provisionalSpatialLayer, s)) {
                return 0;
            }
            LayerBitrates layers = producerLayerBitrates(mappedSsrcs[s]);
            if (layers == null || producerScore(s) < STREAM_GOOD_SCORE) {
                continue;
            }
            if (s != provisionalSpatialLayer && provisionalSpatialLayer != NO_LAYER
                    && producerRtpStreamActiveMs(mappedSsrcs[s]) < STREAM_MIN_ACTIVE_MS
                    && producerRtpStreamActiveMs(mappedSsrcs[provisionalSpatialLayer]) >= STREAM_MIN_ACTIVE_MS) {
                continue;
            }
            if (!canSwitchToSpatialLayer(s)) {
                continue;
            }
            int t = s == provisionalSpatialLayer ? provisionalTemporalLayer() + 1 : 0;
            if (t < layers.temporalLayers()) {
                long required = layers.layerBitrate(nowMs, 0, t);
                if (required > 0) {
                    if (t == 0 && provisionalSpatialLayer != NO_LAYER && s > provisionalSpatialLayer) {
                        required = requiredOverProvisionalLayers(required, nowMs);
                    }
                    return takeStep(required, bitrate, virtualBitrate, s, t);
                }
            }
            if (s >= preferredSpatialLayer()) {
                return 0;
            }
        }
        return 0;
    }

    /** A move to another stream frees what the provisional layers took: it costs the difference (at least 1 bps). */
    private long requiredOverProvisionalLayers(long required, long nowMs) {
        LayerBitrates provisional = producerLayerBitrates(mappedSsrcs[provisionalSpatialLayer()]);
        long taken = provisional != null ? provisional.bitrate(nowMs, 0, provisionalTemporalLayer()) : 0;
        return required > taken ? required - taken : 1;
    }

    /** As the C++ worker: the bitrate of the highest stream that has any. */
    @Override
    protected long producerDesiredBitrate() {
        long nowMs = shared.nowMs();
        long desired = 0;
        for (int layer = mappedSsrcs.length - 1; layer >= 0 && desired == 0; layer--) {
            LayerBitrates stream = producerLayerBitrates(mappedSsrcs[layer]);
            desired = stream != null ? stream.bitrate(nowMs) : 0;
        }
        return desired;
    }

    /** Without both streams' sender reports their timestamps cannot be aligned. */
    private boolean canSwitchToSpatialLayer(int spatialLayer) {
        return tsReferenceSpatialLayer == NO_LAYER || spatialLayer == tsReferenceSpatialLayer
                || senderReports.has(tsReferenceSpatialLayer) && senderReports.has(spatialLayer);
    }

    @Override
    protected void updateTargetLayers(int spatialLayer, int temporalLayer) {
        if (spatialLayer != NO_LAYER && tsReferenceSpatialLayer == NO_LAYER) {
            tsReferenceSpatialLayer = spatialLayer;
        }
        if (spatialLayer == NO_LAYER) {
            targetSpatialLayer = NO_LAYER;
            targetTemporalLayer = NO_LAYER;
            currentSpatialLayer = NO_LAYER;
            currentTemporalLayer = NO_LAYER;
            if (vp8Context != null) {
                vp8Context.setTargetTemporalLayer(NO_LAYER);
                vp8Context.setCurrentTemporalLayer(NO_LAYER);
            }
            emitLayersChange();
            return;
        }
        targetSpatialLayer = spatialLayer;
        targetTemporalLayer = temporalLayer;
        if (targetSpatialLayer == currentSpatialLayer && vp8Context != null) {
            vp8Context.setTargetTemporalLayer(targetTemporalLayer);
        }
        if (targetSpatialLayer != currentSpatialLayer) {
            requestKeyFrameForTargetSpatialLayer();
        }
    }

    @Override
    protected int targetSpatialLayer() {
        return targetSpatialLayer;
    }

    @Override
    protected int targetTemporalLayer() {
        return targetTemporalLayer;
    }

    @Override
    protected int currentSpatialLayer() {
        return currentSpatialLayer;
    }

    @Override
    protected int currentTemporalLayer() {
        return vp8Context != null ? vp8Context.currentTemporalLayer() : currentTemporalLayer;
    }

    /** The producer's score is that of the stream forwarded. */
    @Override
    ConsumerScore score() {
        return new ConsumerScore(rtpStream().score(),
                currentSpatialLayer == NO_LAYER ? 0 : producerScore(currentSpatialLayer), producerScores());
    }
}
