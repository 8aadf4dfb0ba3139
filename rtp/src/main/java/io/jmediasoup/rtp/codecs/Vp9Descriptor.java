package io.jmediasoup.rtp.codecs;

import io.netty.buffer.ByteBuf;

/**
 * The VP9 payload descriptor (draft-ietf-payload-vp9-16 §4.2) of one packet, read in place:
 * flexible or non-flexible mode, picture id, spatial and temporal layer indices, switching-up
 * point, inter-layer dependency, TL0PICIDX, and whether it starts a key frame. One instance is
 * reused for every packet.
 */
public final class Vp9Descriptor {
    private boolean interPicturePredicted;
    private boolean flexible;
    private boolean beginningOfFrame;
    private boolean endOfFrame;
    private boolean scalabilityStructure;
    private int pictureIdLength;
    private int pictureId;
    private boolean hasLayerIndices;
    private int temporalLayer;
    private boolean switchingUpPoint;
    private int spatialLayer;
    private boolean interLayerDependency;
    private int tl0PicIdx;

    /** Reads the descriptor of the payload at {@code index}; false when it is truncated. */
    public boolean parse(ByteBuf buffer, int index, int length) {
        pictureIdLength = 0;
        hasLayerIndices = false;
        temporalLayer = 0;
        spatialLayer = 0;
        switchingUpPoint = false;
        interLayerDependency = false;
        tl0PicIdx = -1;
        if (length < 1) {
            return false;
        }
        int first = buffer.getUnsignedByte(index);
        interPicturePredicted = (first & 0x40) != 0;
        flexible = (first & 0x10) != 0;
        beginningOfFrame = (first & 0x08) != 0;
        endOfFrame = (first & 0x04) != 0;
        scalabilityStructure = (first & 0x02) != 0;
        int offset = 1;
        if ((first & 0x80) != 0) {
            int idLength = PictureId.length(buffer, index + offset, length - offset);
            if (idLength == 0) {
                return false;
            }
            pictureId = PictureId.read(buffer, index + offset, idLength);
            pictureIdLength = idLength;
            offset += idLength;
        }
        if ((first & 0x20) != 0) {
            if (length < offset + 1) {
                return false;
            }
            int b = buffer.getUnsignedByte(index + offset++);
            hasLayerIndices = true;
            temporalLayer = b >> 5;
            switchingUpPoint = (b & 0x10) != 0;
            spatialLayer = (b >> 1) & 0x07;
            interLayerDependency = (b & 0x01) != 0;
            if (!flexible) {
                if (length < offset + 1) {
                    return false;
                }
                tl0PicIdx = buffer.getUnsignedByte(index + offset++);
            }
        }
        if (flexible && interPicturePredicted) {
            // Up to three reference indices (P_DIFF), each saying whether another follows.
            for (int i = 0; i < 3; i++) {
                if (length < offset + 1) {
                    return false;
                }
                if ((buffer.getUnsignedByte(index + offset++) & 0x01) == 0) {
                    break;
                }
            }
        }
        return true;
    }

    public boolean isKeyFrame() {
        return !interPicturePredicted && beginningOfFrame && spatialLayer == 0;
    }

    public boolean flexible() {
        return flexible;
    }

    public boolean interPicturePredicted() {
        return interPicturePredicted;
    }

    public boolean beginningOfFrame() {
        return beginningOfFrame;
    }

    public boolean endOfFrame() {
        return endOfFrame;
    }

    public boolean hasScalabilityStructure() {
        return scalabilityStructure;
    }

    public boolean hasPictureId() {
        return pictureIdLength != 0;
    }

    public int pictureIdLength() {
        return pictureIdLength;
    }

    public int pictureId() {
        return pictureId;
    }

    public boolean hasLayerIndices() {
        return hasLayerIndices;
    }

    /** SID; 0 without layer indices. */
    public int spatialLayer() {
        return spatialLayer;
    }

    /** TID; 0 without layer indices. */
    public int temporalLayer() {
        return temporalLayer;
    }

    /** U: a receiver may switch up to a higher temporal layer from here. */
    public boolean switchingUpPoint() {
        return switchingUpPoint;
    }

    /** D: this spatial layer frame depends on the lower spatial layer of the same picture. */
    public boolean interLayerDependency() {
        return interLayerDependency;
    }

    public boolean hasTl0PicIdx() {
        return tl0PicIdx >= 0;
    }

    public int tl0PicIdx() {
        return tl0PicIdx;
    }
}
