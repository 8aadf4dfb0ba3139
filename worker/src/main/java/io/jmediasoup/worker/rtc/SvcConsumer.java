package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.SeqManager;
import io.jmediasoup.rtp.stream.LayerBitrates;
import io.jmediasoup.worker.messages.TransportMediaRequest;
import io.jmediasoup.worker.rtc.params.RtpEncodingParameters;
import io.jmediasoup.worker.rtc.params.RtpParameters;

/**
 * Consumes an SVC producer's single stream (type "svc": VP9, and in 3.32 also the temporal
 * layers of one VP8 or H264 encoding and AV1's layers), keeping only the layers it sends:
 * packets of higher spatial or temporal layers are dropped through the payload or dependency
 * descriptor, at the frames where a decoder can follow (see {@link SvcEncodingContext}), and
 * the sequence numbers close up behind them.
 */
final class SvcConsumer extends LayeredConsumer {
    private final SeqManager seqManager = shared.consumerSequenceNumbers();
    private final SvcEncodingContext context;
    private boolean syncRequired = true;

    SvcConsumer(String id, Shared shared, Listener listener, TransportMediaRequest.Consume request) {
        super(id, shared, listener, request, RtpParameters.Type.SVC);
        RtpEncodingParameters encoding = rtpParameters.encodings().get(0);
        context = SvcEncodingContext.of(rtpStream().params.mimeType(), encoding);
    }

    @Override
    protected void checkEncodings() {
        if (consumableRtpEncodings.size() != 1) {
            throw new MediasoupTypeError("invalid consumableRtpEncodings with size != 1");
        }
        RtpEncodingParameters encoding = rtpParameters.encodings().get(0);
        if (encoding.spatialLayers() < 2 && encoding.temporalLayers() < 2) {
            throw new MediasoupTypeError("invalid number of layers");
        }
    }

    @Override
    protected void onActivated() {
        super.onActivated();
        syncRequired = true;
        mayChangeLayers();
    }

    @Override
    void sendRtpPacket(RtpPacket packet) {
        if (!isActive() || context.targetSpatialLayer() == NO_LAYER || context.targetTemporalLayer() == NO_LAYER
                || !supportsPayloadType(packet.payloadType())) {
            return;
        }
        if (syncRequired && !packet.isKeyFrame()) {
            return;
        }
        if (syncRequired) {
            seqManager.sync(packet.sequenceNumber() - 1);
            context.requireSync();
            syncRequired = false;
        }
        boolean marker = packet.marker();
        int previousSpatialLayer = context.currentSpatialLayer();
        int previousTemporalLayer = context.currentTemporalLayer();
        if (!context.process(packet)) {
            seqManager.drop(packet.sequenceNumber());
            return;
        }
        if (previousSpatialLayer != context.currentSpatialLayer() || previousTemporalLayer != context.currentTemporalLayer()) {
            emitLayersChange();
        }
        int originalSeq = packet.sequenceNumber();
        long originalSsrc = packet.ssrc();
        packet.setSsrc(rtpStream().params.ssrc());
        packet.setSequenceNumber(seqManager.input(originalSeq));
        sendRewritten(packet);
        packet.setSsrc(originalSsrc);
        packet.setSequenceNumber(originalSeq);
        packet.setMarker(marker);
        context.restore(packet);
    }

    /** As the C++ worker: the producer stream's whole bitrate. */
    @Override
    protected long producerDesiredBitrate() {
        LayerBitrates layers = producerLayerBitrates();
        return layers != null ? layers.bitrate(shared.nowMs()) : 0;
    }

    private LayerBitrates producerLayerBitrates() {
        return producerLayerBitrates(consumableRtpEncodings.get(0).ssrc());
    }

    /**
     * While the producer's stream is alive, the preferred spatial layer, or the highest below
     * it that carries bitrate; after a downgrade for want of bandwidth, none above the one sent.
     * Before any packet was counted every announced layer counts as present.
     */
    @Override
    protected Layers recalculateTargetLayers() {
        if (producerScore(0) == 0) {
            return Layers.NONE;
        }
        LayerBitrates layers = producerLayerBitrates();
        long nowMs = shared.nowMs();
        boolean measured = layers != null && layers.bitrate(nowMs) > 0;
        int spatialLayer = NO_LAYER;
        for (int layer = 0; layer < rtpStream().params.spatialLayers(); layer++) {
            if (heldByBweDowngrade(nowMs, spatialLayer, layer)) {
                continue;
            }
            if (measured && (layer >= layers.spatialLayers() || layers.spatialLayerBitrate(nowMs, layer) == 0)) {
                continue;
            }
            spatialLayer = layer;
            if (layer >= preferredSpatialLayer()) {
                break;
            }
        }
        return new Layers(spatialLayer, temporalLayerFor(spatialLayer));
    }

    /**
     * One step up from the provisional layers, as the C++ worker climbs an SVC stream: the next
     * temporal layer of the same spatial layer, else the lowest of the next spatial layer that
     * carries bitrate, costing that one layer's bitrate; none above the preferred spatial layer,
     * nor, after a downgrade for want of bandwidth, above the one sent.
     */
    @Override
    public long increaseLayer(long bitrate, boolean considerLoss) {
        LayerBitrates layers = producerLayerBitrates();
        if (producerScore(0) == 0 || layers == null || provisionalAtPreferredLayers()) {
            return 0;
        }
        long virtualBitrate = virtualBitrate(bitrate, considerLoss);
        long nowMs = shared.nowMs();
        for (int s = Math.max(0, provisionalSpatialLayer()); s < layers.spatialLayers(); s++) {
            if (heldByBweDowngrade(nowMs, provisionalSpatialLayer(), s)) {
                return 0;
            }
            int t = s == provisionalSpatialLayer() ? provisionalTemporalLayer() + 1 : 0;
            if (t < layers.temporalLayers()) {
                long required = layers.layerBitrate(nowMs, s, t);
                if (required > 0) {
                    return takeStep(required, bitrate, virtualBitrate, s, t);
                }
            }
            if (s >= preferredSpatialLayer()) {
                return 0;
            }
        }
        return 0;
    }

    @Override
    protected void updateTargetLayers(int spatialLayer, int temporalLayer) {
        if (spatialLayer == NO_LAYER) {
            context.setTargetLayers(NO_LAYER, NO_LAYER);
            context.setCurrentLayers(NO_LAYER, NO_LAYER);
            emitLayersChange();
            return;
        }
        context.setTargetLayers(spatialLayer, temporalLayer);
        // Moving up needs a key frame; so does moving down in K-SVC, whose layers only share key frames.
        if (spatialLayer > context.currentSpatialLayer() || context.ksvc() && spatialLayer != context.currentSpatialLayer()) {
            requestKeyFrame();
        }
    }

    @Override
    protected int targetSpatialLayer() {
        return context.targetSpatialLayer();
    }

    @Override
    protected int targetTemporalLayer() {
        return context.targetTemporalLayer();
    }

    @Override
    protected int currentSpatialLayer() {
        return context.currentSpatialLayer();
    }

    @Override
    protected int currentTemporalLayer() {
        return context.currentTemporalLayer();
    }
}
