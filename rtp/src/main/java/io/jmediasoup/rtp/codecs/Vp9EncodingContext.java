package io.jmediasoup.rtp.codecs;

import io.jmediasoup.rtp.SeqManager;

/**
 * What one consumer keeps to forward part of a VP9 SVC stream: the spatial and temporal layers
 * it targets and those it sends now. Spatial layers move up on a key frame; down at the end of
 * a frame of the target layer in full SVC, or on a key frame in K-SVC (where spatial layers do
 * not depend on each other past key frames). Temporal layers move up at a switching-up point
 * and down at the end of a frame of the target layer. Packets of older pictures are let
 * through, as the C++ worker does, so that retransmissions and reordering are not cut.
 */
public final class Vp9EncodingContext {
    private final int spatialLayers;
    private final int temporalLayers;
    private final boolean ksvc;
    private final SeqManager pictureIds = new SeqManager(15);
    private boolean syncRequired = true;
    private int targetSpatialLayer = -1;
    private int targetTemporalLayer = -1;
    private int currentSpatialLayer = -1;
    private int currentTemporalLayer = -1;
    private boolean endsFrame;

    public Vp9EncodingContext(int spatialLayers, int temporalLayers, boolean ksvc) {
        this.spatialLayers = spatialLayers;
        this.temporalLayers = temporalLayers;
        this.ksvc = ksvc;
    }

    public boolean ksvc() {
        return ksvc;
    }

    /** The next packet's picture id starts our notion of old and new pictures again. */
    public void requireSync() {
        syncRequired = true;
    }

    public void setTargetLayers(int spatialLayer, int temporalLayer) {
        targetSpatialLayer = spatialLayer;
        targetTemporalLayer = temporalLayer;
    }

    public void setCurrentLayers(int spatialLayer, int temporalLayer) {
        currentSpatialLayer = spatialLayer;
        currentTemporalLayer = temporalLayer;
    }

    public int targetSpatialLayer() {
        return targetSpatialLayer;
    }

    public int targetTemporalLayer() {
        return targetTemporalLayer;
    }

    public int currentSpatialLayer() {
        return currentSpatialLayer;
    }

    public int currentTemporalLayer() {
        return currentTemporalLayer;
    }

    /**
     * Whether the packet whose descriptor is {@code descriptor} is forwarded. When it is the
     * last packet of the top spatial layer forwarded, {@link #endsFrame()} says so: the
     * receiver must see the marker bit there.
     */
    public boolean process(Vp9Descriptor descriptor) {
        endsFrame = false;
        int sid = descriptor.spatialLayer();
        int tid = descriptor.temporalLayer();
        if (sid >= spatialLayers || tid >= temporalLayers) {
            return false;
        }
        if (syncRequired && descriptor.hasPictureId()) {
            pictureIds.sync(descriptor.pictureId() - 1);
            syncRequired = false;
        }
        boolean oldPacket = descriptor.hasPictureId() && pictureIds.isNewer(pictureIds.maxInput(), descriptor.pictureId());
        int spatialLayer = currentSpatialLayer;
        int temporalLayer = currentTemporalLayer;
        if (targetSpatialLayer > currentSpatialLayer) {
            if (descriptor.isKeyFrame()) {
                spatialLayer = targetSpatialLayer;
                temporalLayer = 0;
            }
        } else if (targetSpatialLayer < currentSpatialLayer) {
            boolean canDowngrade = ksvc ? descriptor.isKeyFrame() : sid == targetSpatialLayer && descriptor.endOfFrame();
            if (canDowngrade) {
                spatialLayer = targetSpatialLayer;
                temporalLayer = 0;
            }
        }
        if (sid > spatialLayer && !oldPacket) {
            return false;
        }
        if (!oldPacket) {
            if (targetTemporalLayer > currentTemporalLayer) {
                // Never past the target: the C++ worker of 3.8.4 would take any higher layer here.
                if (tid > currentTemporalLayer && tid <= targetTemporalLayer
                        && (currentTemporalLayer == -1 || descriptor.switchingUpPoint()) && descriptor.beginningOfFrame()) {
                    temporalLayer = tid;
                }
            } else if (targetTemporalLayer < currentTemporalLayer) {
                if (tid == targetTemporalLayer && descriptor.endOfFrame()) {
                    temporalLayer = targetTemporalLayer;
                }
            }
            if (tid > temporalLayer) {
                return false;
            }
        }
        endsFrame = sid == spatialLayer && descriptor.endOfFrame();
        if (descriptor.hasPictureId()) {
            pictureIds.input(descriptor.pictureId());
        }
        currentSpatialLayer = spatialLayer;
        currentTemporalLayer = temporalLayer;
        return true;
    }

    /** The packet just forwarded ends the picture at the spatial layer forwarded. */
    public boolean endsFrame() {
        return endsFrame;
    }
}
