package io.jmediasoup.rtp.codecs;

import io.netty.buffer.ByteBuf;

/** The VP9 payload descriptor (draft-ietf-payload-vp9 §4.2), read as far as key frames need. */
public final class Vp9 {
    private Vp9() {}

    /**
     * Whether the payload starts a key frame: not inter-picture predicted (P=0), the beginning
     * of a frame (B=1), and of spatial layer 0 when layer indices are present.
     */
    public static boolean isKeyFrame(ByteBuf buffer, int index, int length) {
        if (length < 1) {
            return false;
        }
        int first = buffer.getUnsignedByte(index);
        boolean interPicturePredicted = (first & 0x40) != 0;
        boolean beginning = (first & 0x08) != 0;
        int offset = 1;
        if ((first & 0x80) != 0) {
            if (length < offset + 1) {
                return false;
            }
            offset += (buffer.getUnsignedByte(index + offset) & 0x80) != 0 ? 2 : 1;
        }
        int spatialLayer = 0;
        if ((first & 0x20) != 0) {
            if (length < offset + 1) {
                return false;
            }
            spatialLayer = (buffer.getUnsignedByte(index + offset) >> 1) & 0x07;
        }
        return !interPicturePredicted && beginning && spatialLayer == 0;
    }
}
