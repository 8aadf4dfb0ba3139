package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.codecs.Vp8Descriptor;
import io.jmediasoup.rtp.codecs.Vp8EncodingContext;
import io.jmediasoup.rtp.codecs.Vp9Descriptor;
import io.jmediasoup.rtp.codecs.Vp9EncodingContext;
import io.jmediasoup.worker.rtc.params.RtpEncodingParameters;

/**
 * What an SVC consumer keeps of its codec: the layers it targets and sends, and which packets
 * of the single stream belong to them, read from the codec's payload descriptor. A packet
 * whose descriptor cannot be read is forwarded as it is, as the C++ worker does.
 */
interface SvcEncodingContext {
    /**
     * The context of {@code encoding}'s codec: VP9's and AV1's spatial and temporal layers,
     * VP8's and H264's temporal ones.
     */
    static SvcEncodingContext of(String mimeType, RtpEncodingParameters encoding) {
        if (mimeType.equalsIgnoreCase("video/VP9")) {
            return new Vp9Layers(encoding);
        }
        if (mimeType.equalsIgnoreCase("video/AV1")) {
            return new Av1Layers(encoding);
        }
        if (mimeType.equalsIgnoreCase("video/VP8")) {
            return new Vp8Layers();
        }
        return new H264Layers();
    }

    /** Whether spatial layers depend on each other only through key frames (K-SVC). */
    boolean ksvc();

    /** The next packet forwarded starts the context's numbering again. */
    void requireSync();

    void setTargetLayers(int spatialLayer, int temporalLayer);

    void setCurrentLayers(int spatialLayer, int temporalLayer);

    int targetSpatialLayer();

    int targetTemporalLayer();

    int currentSpatialLayer();

    int currentTemporalLayer();

    /**
     * Whether {@code packet} is forwarded. When it is, its payload and marker may be rewritten
     * for this consumer: the caller puts the payload back with {@link #restore} after sending.
     */
    boolean process(RtpPacket packet);

    void restore(RtpPacket packet);

    /** VP9: layers from the payload descriptor, the marker on the last packet of the top spatial layer sent. */
    final class Vp9Layers implements SvcEncodingContext {
        private final Vp9Descriptor descriptor = new Vp9Descriptor();
        private final Vp9EncodingContext context;

        Vp9Layers(RtpEncodingParameters encoding) {
            context = new Vp9EncodingContext(encoding.spatialLayers(), encoding.temporalLayers(), encoding.ksvc());
        }

        @Override
        public boolean ksvc() {
            return context.ksvc();
        }

        @Override
        public void requireSync() {
            context.requireSync();
        }

        @Override
        public void setTargetLayers(int spatialLayer, int temporalLayer) {
            context.setTargetLayers(spatialLayer, temporalLayer);
        }

        @Override
        public void setCurrentLayers(int spatialLayer, int temporalLayer) {
            context.setCurrentLayers(spatialLayer, temporalLayer);
        }

        @Override
        public int targetSpatialLayer() {
            return context.targetSpatialLayer();
        }

        @Override
        public int targetTemporalLayer() {
            return context.targetTemporalLayer();
        }

        @Override
        public int currentSpatialLayer() {
            return context.currentSpatialLayer();
        }

        @Override
        public int currentTemporalLayer() {
            return context.currentTemporalLayer();
        }

        @Override
        public boolean process(RtpPacket packet) {
            if (!descriptor.parse(packet.buffer(), packet.payloadIndex(), packet.payloadLength())) {
                return true;
            }
            if (!context.process(descriptor)) {
                return false;
            }
            if (context.endsFrame()) {
                packet.setMarker(true);
            }
            return true;
        }

        @Override
        public void restore(RtpPacket packet) {
            // Only the marker changed, which the caller restores.
        }
    }

    /**
     * VP8 (3.32): one spatial layer whose temporal layers are chosen by the descriptor's TID,
     * with this consumer's own continuous picture id and TL0PICIDX written in.
     */
    final class Vp8Layers implements SvcEncodingContext {
        private final Vp8Descriptor descriptor = new Vp8Descriptor();
        private final Vp8EncodingContext context = new Vp8EncodingContext();
        private int targetSpatialLayer = Consumer.NO_LAYER;
        private int currentSpatialLayer = Consumer.NO_LAYER;
        private boolean rewritten;

        @Override
        public boolean ksvc() {
            return false;
        }

        @Override
        public void requireSync() {
            context.requireSync();
        }

        @Override
        public void setTargetLayers(int spatialLayer, int temporalLayer) {
            targetSpatialLayer = spatialLayer;
            context.setTargetTemporalLayer(temporalLayer);
        }

        @Override
        public void setCurrentLayers(int spatialLayer, int temporalLayer) {
            currentSpatialLayer = spatialLayer;
            context.setCurrentTemporalLayer(temporalLayer);
        }

        @Override
        public int targetSpatialLayer() {
            return targetSpatialLayer;
        }

        @Override
        public int targetTemporalLayer() {
            return context.targetTemporalLayer();
        }

        @Override
        public int currentSpatialLayer() {
            return currentSpatialLayer;
        }

        @Override
        public int currentTemporalLayer() {
            return context.currentTemporalLayer();
        }

        @Override
        public boolean process(RtpPacket packet) {
            rewritten = false;
            if (!descriptor.parse(packet.buffer(), packet.payloadIndex(), packet.payloadLength())) {
                return true;
            }
            if (!context.process(descriptor, packet.buffer())) {
                return false;
            }
            rewritten = true;
            currentSpatialLayer = 0;
            return true;
        }

        @Override
        public void restore(RtpPacket packet) {
            if (rewritten) {
                descriptor.restore(packet.buffer());
            }
        }
    }

    /**
     * The layers of a codec whose layers come from the dependency descriptor (H264, AV1): kept
     * here, as the descriptor has no numbering of its own to follow.
     */
    abstract class DescriptorLayers implements SvcEncodingContext {
        int targetSpatialLayer = Consumer.NO_LAYER;
        int targetTemporalLayer = Consumer.NO_LAYER;
        int currentSpatialLayer = Consumer.NO_LAYER;
        int currentTemporalLayer = Consumer.NO_LAYER;

        @Override
        public void requireSync() {
            // No numbering of its own.
        }

        @Override
        public void setTargetLayers(int spatialLayer, int temporalLayer) {
            targetSpatialLayer = spatialLayer;
            targetTemporalLayer = temporalLayer;
        }

        @Override
        public void setCurrentLayers(int spatialLayer, int temporalLayer) {
            currentSpatialLayer = spatialLayer;
            currentTemporalLayer = temporalLayer;
        }

        @Override
        public int targetSpatialLayer() {
            return targetSpatialLayer;
        }

        @Override
        public int targetTemporalLayer() {
            return targetTemporalLayer;
        }

        @Override
        public int currentSpatialLayer() {
            return currentSpatialLayer;
        }

        @Override
        public int currentTemporalLayer() {
            return currentTemporalLayer;
        }
    }

    /**
     * H264 (3.32): one spatial layer whose temporal layers come from the dependency
     * descriptor; a packet without one is of layer 0, as the C++ worker reads it.
     */
    final class H264Layers extends DescriptorLayers {
        @Override
        public boolean ksvc() {
            return false;
        }

        @Override
        public boolean process(RtpPacket packet) {
            int temporalLayer = packet.temporalLayer();
            if (temporalLayer > targetTemporalLayer) {
                return false;
            }
            currentSpatialLayer = 0;
            currentTemporalLayer = Math.min(Math.max(currentTemporalLayer, temporalLayer), targetTemporalLayer);
            return true;
        }

        @Override
        public void restore(RtpPacket packet) {
            // Nothing rewritten.
        }
    }

    /**
     * AV1 (3.32): layers from the dependency descriptor, as the C++ worker switches them: up
     * a spatial layer on a key frame, down at the end of a frame of the target layer, temporal
     * layers up on any higher packet and down at the end of a frame of the target one; the
     * marker on the last packet of the top spatial layer sent. A packet without a readable
     * descriptor is forwarded as it is. The descriptor itself is forwarded unchanged (the
     * C++ worker does not rewrite its active decode targets either).
     */
    final class Av1Layers extends DescriptorLayers {
        private final int spatialLayers;
        private final int temporalLayers;
        private final boolean ksvc;

        Av1Layers(RtpEncodingParameters encoding) {
            spatialLayers = encoding.spatialLayers();
            temporalLayers = encoding.temporalLayers();
            ksvc = encoding.ksvc();
        }

        @Override
        public boolean ksvc() {
            return ksvc;
        }

        @Override
        public boolean process(RtpPacket packet) {
            if (!packet.frameDescribed()) {
                return true;
            }
            int spatialLayer = packet.spatialLayer();
            int temporalLayer = packet.temporalLayer();
            if (spatialLayer >= spatialLayers || temporalLayer >= temporalLayers) {
                return false;
            }
            int nextSpatialLayer = currentSpatialLayer;
            int nextTemporalLayer = currentTemporalLayer;
            if (targetSpatialLayer > currentSpatialLayer && packet.isKeyFrame()) {
                nextSpatialLayer = targetSpatialLayer;
                nextTemporalLayer = 0;
            } else if (targetSpatialLayer < currentSpatialLayer && spatialLayer == targetSpatialLayer
                    && packet.endOfFrame()) {
                nextSpatialLayer = targetSpatialLayer;
                nextTemporalLayer = 0;
            }
            if (spatialLayer > nextSpatialLayer) {
                return false;
            }
            if (targetTemporalLayer > currentTemporalLayer) {
                if (temporalLayer > currentTemporalLayer) {
                    nextTemporalLayer = temporalLayer;
                }
            } else if (targetTemporalLayer < currentTemporalLayer && temporalLayer == targetTemporalLayer
                    && packet.endOfFrame()) {
                nextTemporalLayer = temporalLayer;
            }
            if (temporalLayer > nextTemporalLayer) {
                return false;
            }
            if (spatialLayer == nextSpatialLayer && packet.endOfFrame()) {
                packet.setMarker(true);
            }
            currentSpatialLayer = nextSpatialLayer;
            currentTemporalLayer = nextTemporalLayer;
            return true;
        }

        @Override
        public void restore(RtpPacket packet) {
            // Only the marker changed, which the caller restores.
        }
    }
}
