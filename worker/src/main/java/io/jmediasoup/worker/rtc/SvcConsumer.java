package io.jmediasoup.worker.rtc;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.SeqManager;
import io.jmediasoup.rtp.codecs.Vp9Descriptor;
import io.jmediasoup.rtp.codecs.Vp9EncodingContext;
import io.jmediasoup.worker.rtc.params.RtpEncodingParameters;
import io.jmediasoup.worker.rtc.params.RtpParameters;

/**
 * Consumes an SVC producer's single stream (type "svc", VP9), keeping only the layers it
 * sends: packets of higher spatial or temporal layers are dropped through the payload
 * descriptor, at the frames where a decoder can follow (see {@link Vp9EncodingContext}), and
 * the sequence numbers close up behind them.
 */
final class SvcConsumer extends LayeredConsumer {
    private record Layers(int spatial, int temporal) {}

    private final SeqManager seqManager = new SeqManager();
    private final Vp9Descriptor descriptor = new Vp9Descriptor();
    private final Vp9EncodingContext context;
    private boolean syncRequired = true;

    SvcConsumer(String id, String producerId, Shared shared, Listener listener, JsonObject data) {
        super(id, producerId, shared, listener, data, RtpParameters.Type.SVC);
        RtpEncodingParameters encoding = rtpParameters.encodings().get(0);
        context = new Vp9EncodingContext(encoding.spatialLayers(), encoding.temporalLayers(), encoding.ksvc());
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
        syncRequired = true;
        mayChangeLayers();
    }

    @Override
    void producerRtpStreamScoreChanged() {
        super.producerRtpStreamScoreChanged();
        if (isActive()) {
            mayChangeLayers();
        }
    }

    @Override
    void requestKeyFrame() {
        if (isActive() && kind == MediaKind.VIDEO) {
            listener.onConsumerKeyFrameRequested(this, consumableRtpEncodings.get(0).ssrc());
        }
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
        // Without a descriptor there is nothing to select layers by: forwarded as it is.
        if (descriptor.parse(packet.buffer(), packet.payloadIndex(), packet.payloadLength())) {
            int previousSpatialLayer = context.currentSpatialLayer();
            int previousTemporalLayer = context.currentTemporalLayer();
            if (!context.process(descriptor)) {
                seqManager.drop(packet.sequenceNumber());
                return;
            }
            if (previousSpatialLayer != context.currentSpatialLayer() || previousTemporalLayer != context.currentTemporalLayer()) {
                emitLayersChange();
            }
            if (context.endsFrame()) {
                packet.setMarker(true);
            }
        }
        int originalSeq = packet.sequenceNumber();
        long originalSsrc = packet.ssrc();
        packet.setSsrc(rtpStream().params.ssrc());
        packet.setSequenceNumber(seqManager.input(originalSeq));
        rtpStream().packetSent(packet, shared.nowMs());
        listener.onConsumerSendRtpPacket(this, packet);
        packet.setSsrc(originalSsrc);
        packet.setSequenceNumber(originalSeq);
        packet.setMarker(marker);
    }

    @Override
    protected void onAvailableBitrateChanged() {
        mayChangeLayers();
    }

    /**
     * As the C++ worker: the producer stream's whole bitrate, or the encoding's maxBitrate
     * when that is higher.
     */
    @Override
    long desiredBitrate() {
        LayerBitrates layers = producerLayerBitrates();
        long desired = layers != null ? layers.bitrate(shared.nowMs()) : 0;
        return Math.max(desired, rtpParameters.encodings().get(0).maxBitrate());
    }

    private LayerBitrates producerLayerBitrates() {
        return producerLayerBitrates(consumableRtpEncodings.get(0).ssrc());
    }

    /**
     * The target layers while the producer's stream is alive: without a bandwidth estimate,
     * the preferred ones among the spatial layers that carry bitrate; under one, the highest
     * that fits this consumer's share ({@link #fitAvailableBitrate}).
     */
    @Override
    protected void mayChangeLayers() {
        int spatialLayer = NO_LAYER;
        int temporalLayer = NO_LAYER;
        if (producerScore(0) > 0) {
            long nowMs = shared.nowMs();
            LayerBitrates layers = producerLayerBitrates();
            int spatialLayers = rtpStream().params.spatialLayers();
            // Before any packet was counted every announced layer counts as present.
            boolean measured = layers != null && layers.bitrate(nowMs) > 0;
            for (int layer = 0; layer < spatialLayers; layer++) {
                if (measured && layer < layers.spatialLayers() && layers.spatialLayerBitrate(nowMs, layer) == 0) {
                    continue;
                }
                spatialLayer = layer;
                if (layer >= preferredSpatialLayer()) {
                    break;
                }
            }
            if (spatialLayer != NO_LAYER) {
                temporalLayer = spatialLayer == preferredSpatialLayer() ? preferredTemporalLayer()
                        : spatialLayer < preferredSpatialLayer() ? rtpStream().params.temporalLayers() - 1 : 0;
            }
            if (measured && availableBitrate() >= 0 && spatialLayer != NO_LAYER) {
                Layers fit = fitAvailableBitrate(layers, nowMs, spatialLayer, temporalLayer);
                spatialLayer = fit.spatial();
                temporalLayer = fit.temporal();
            }
        }
        if (spatialLayer != context.targetSpatialLayer() || temporalLayer != context.targetTemporalLayer()) {
            updateTargetLayers(spatialLayer, temporalLayer);
        }
    }

    /**
     * The highest layers up to {@code maxSpatialLayer}.{@code maxTemporalLayer} whose
     * bitrate (every lower spatial layer plus this one up to the temporal layer, as the
     * producer measures it) fits this consumer's share of the estimate; the lowest layers
     * received when none does. The C++ worker
     * climbs a layer at a time across all consumers instead and sends nothing when even
     * the lowest does not fit.
     */
    private Layers fitAvailableBitrate(LayerBitrates layers, long nowMs, int maxSpatialLayer, int maxTemporalLayer) {
        long available = availableBitrate();
        Layers lowest = new Layers(maxSpatialLayer, maxTemporalLayer);
        for (int s = Math.min(maxSpatialLayer, layers.spatialLayers() - 1); s >= 0; s--) {
            int topTemporalLayer = s == maxSpatialLayer ? maxTemporalLayer : layers.temporalLayers() - 1;
            for (int t = Math.min(topTemporalLayer, layers.temporalLayers() - 1); t >= 0; t--) {
                long required = layers.bitrate(nowMs, s, t);
                if (required == 0) {
                    continue;
                }
                lowest = new Layers(s, t);
                if (required <= available) {
                    return lowest;
                }
            }
        }
        return lowest;
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

    private void emitLayersChange() {
        JsonElement data = JsonNull.INSTANCE;
        if (context.currentSpatialLayer() != NO_LAYER) {
            JsonObject layers = new JsonObject();
            layers.addProperty("spatialLayer", context.currentSpatialLayer());
            layers.addProperty("temporalLayer", context.currentTemporalLayer());
            data = layers;
        }
        shared.notify(id, "layerschange", data);
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
