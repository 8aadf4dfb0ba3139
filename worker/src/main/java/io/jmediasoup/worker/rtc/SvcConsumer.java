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

    /**
     * The preferred layers while the producer's stream is alive. The C++ worker also skips
     * spatial layers that carry no bitrate; per-layer bitrates are not measured yet (issue 8),
     * so every announced layer counts as present.
     */
    @Override
    protected void mayChangeLayers() {
        int spatialLayer = NO_LAYER;
        int temporalLayer = NO_LAYER;
        if (producerScore(0) > 0) {
            spatialLayer = Math.min(preferredSpatialLayer(), rtpStream().params.spatialLayers() - 1);
            temporalLayer = preferredTemporalLayer();
        }
        if (spatialLayer != context.targetSpatialLayer() || temporalLayer != context.targetTemporalLayer()) {
            updateTargetLayers(spatialLayer, temporalLayer);
        }
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
