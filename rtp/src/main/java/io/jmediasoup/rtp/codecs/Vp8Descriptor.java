package io.jmediasoup.rtp.codecs;

import io.netty.buffer.ByteBuf;

/**
 * The VP8 payload descriptor (RFC 7741 §4.2) of one packet, read in place: picture id (7 or
 * 15 bits), TL0PICIDX, temporal layer index (TID), layer sync (Y) and the key-frame bit of
 * the payload header (§4.3). One instance is reused for every packet; the picture id and
 * TL0PICIDX can be rewritten where they lie.
 */
public final class Vp8Descriptor {
    private int index;
    private boolean start;
    private int partitionIndex;
    private int pictureIdLength;
    private int pictureId;
    private int tl0PicIdx = -1;
    private int temporalLayer = -1;
    private boolean layerSync;
    private boolean keyFrame;

    /**
     * Reads the descriptor of the payload at {@code index}; false when it is too short or has
     * no extension byte (then nothing can be layered or rewritten, as for the C++ worker).
     */
    public boolean parse(ByteBuf buffer, int index, int length) {
        this.index = index;
        pictureIdLength = 0;
        tl0PicIdx = -1;
        temporalLayer = -1;
        layerSync = false;
        keyFrame = false;
        if (length < 2) {
            return false;
        }
        int first = buffer.getUnsignedByte(index);
        if ((first & 0x80) == 0) {
            return false;
        }
        start = (first & 0x10) != 0;
        partitionIndex = first & 0x07;
        int extension = buffer.getUnsignedByte(index + 1);
        int offset = 2;
        if ((extension & 0x80) != 0) {
            int idLength = PictureId.length(buffer, index + offset, length - offset);
            if (idLength == 0) {
                return false;
            }
            pictureId = PictureId.read(buffer, index + offset, idLength);
            pictureIdLength = idLength;
            offset += idLength;
        }
        if ((extension & 0x40) != 0) {
            if (length < offset + 1) {
                return false;
            }
            tl0PicIdx = buffer.getUnsignedByte(index + offset++);
        }
        if ((extension & 0x30) != 0) {
            if (length < offset + 1) {
                return false;
            }
            int b = buffer.getUnsignedByte(index + offset++);
            // TID and Y are meaningful only with T set; K alone carries just KEYIDX.
            if ((extension & 0x20) != 0) {
                temporalLayer = b >> 6;
                layerSync = (b & 0x20) != 0;
            }
        }
        keyFrame = start && partitionIndex == 0 && length > offset && (buffer.getUnsignedByte(index + offset) & 0x01) == 0;
        return true;
    }

    public boolean hasPictureId() {
        return pictureIdLength != 0;
    }

    /** 1 (7-bit M=0 form) or 2 (15-bit form); 0 when absent. */
    public int pictureIdLength() {
        return pictureIdLength;
    }

    public int pictureId() {
        return pictureId;
    }

    public boolean hasTl0PicIdx() {
        return tl0PicIdx >= 0;
    }

    public int tl0PicIdx() {
        return tl0PicIdx;
    }

    public boolean hasTemporalLayer() {
        return temporalLayer >= 0;
    }

    /** TID, or -1 when the descriptor has none. */
    public int temporalLayer() {
        return temporalLayer;
    }

    /** Y: the frame depends only on base-layer (TL0) frames, so a receiver may switch up here. */
    public boolean layerSync() {
        return layerSync;
    }

    public boolean isKeyFrame() {
        return keyFrame;
    }

    /** Writes a picture id into the field as it is; a 7-bit field keeps the low 7 bits. */
    public void writePictureId(ByteBuf buffer, int value) {
        PictureId.write(buffer, index + 2, pictureIdLength, value);
    }

    public void writeTl0PicIdx(ByteBuf buffer, int value) {
        if (tl0PicIdx >= 0) {
            buffer.setByte(index + 2 + pictureIdLength, value);
        }
    }

    /** Puts back the values read by {@link #parse}, for the next consumer of the same packet. */
    public void restore(ByteBuf buffer) {
        writePictureId(buffer, pictureId);
        writeTl0PicIdx(buffer, tl0PicIdx);
    }
}
