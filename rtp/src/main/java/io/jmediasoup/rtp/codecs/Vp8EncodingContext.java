package io.jmediasoup.rtp.codecs;

import io.jmediasoup.rtp.SeqManager;
import io.netty.buffer.ByteBuf;

/**
 * What one consumer keeps to forward a VP8 stream made of temporal layers and, in simulcast,
 * of several source streams: its own continuous picture id and TL0PICIDX, and the temporal
 * layer it forwards. Packets above the target layer are dropped; moving up waits for a
 * layer-sync (Y) frame of the higher layer.
 */
public final class Vp8EncodingContext {
    private final SeqManager pictureIds = new SeqManager(15);
    private final SeqManager tl0PicIdxs = new SeqManager(8);
    private boolean syncRequired = true;
    private int targetTemporalLayer;
    private int currentTemporalLayer = -1;

    /** The next packet's picture id and TL0PICIDX continue ours (a new source stream). */
    public void requireSync() {
        syncRequired = true;
    }

    public void setTargetTemporalLayer(int layer) {
        targetTemporalLayer = layer;
    }

    public int targetTemporalLayer() {
        return targetTemporalLayer;
    }

    /** The temporal layer forwarded lately; -1 before the first packet. */
    public int currentTemporalLayer() {
        return currentTemporalLayer;
    }

    public void setCurrentTemporalLayer(int layer) {
        currentTemporalLayer = layer;
    }

    /**
     * Decides whether the packet whose descriptor is {@code descriptor} is forwarded and, if
     * so, rewrites its picture id and TL0PICIDX in {@code buffer}; the caller restores them
     * with {@link Vp8Descriptor#restore} afterwards.
     */
    public boolean process(Vp8Descriptor descriptor, ByteBuf buffer) {
        boolean rewritable = descriptor.hasPictureId() && descriptor.hasTl0PicIdx();
        if (syncRequired && rewritable) {
            pictureIds.sync(descriptor.pictureId() - 1);
            tl0PicIdxs.sync(descriptor.tl0PicIdx() - 1);
            syncRequired = false;
        }
        int tid = descriptor.temporalLayer();
        // A key frame is never dropped: a switch to this stream starts on it.
        if (rewritable && descriptor.hasTemporalLayer() && !descriptor.isKeyFrame()
                && !pictureIds.isNewer(pictureIds.maxInput(), descriptor.pictureId())) {
            boolean aboveTarget = tid > targetTemporalLayer;
            boolean upWithoutSync = tid > currentTemporalLayer && !descriptor.layerSync();
            if (aboveTarget || upWithoutSync) {
                pictureIds.drop(descriptor.pictureId());
                tl0PicIdxs.drop(descriptor.tl0PicIdx());
                return false;
            }
        }
        if (!descriptor.hasTemporalLayer()) {
            currentTemporalLayer = 0;
        } else if (tid > currentTemporalLayer) {
            currentTemporalLayer = tid;
        }
        if (currentTemporalLayer > targetTemporalLayer) {
            currentTemporalLayer = targetTemporalLayer;
        }
        if (rewritable) {
            descriptor.writePictureId(buffer, pictureIds.input(descriptor.pictureId()));
            descriptor.writeTl0PicIdx(buffer, tl0PicIdxs.input(descriptor.tl0PicIdx()));
        }
        return true;
    }
}
