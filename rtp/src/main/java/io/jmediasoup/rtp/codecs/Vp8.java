package io.jmediasoup.rtp.codecs;

import io.netty.buffer.ByteBuf;

/** The VP8 payload descriptor (RFC 7741 §4.2) and the payload header's key-frame bit (§4.3). */
public final class Vp8 {
    private Vp8() {}

    /**
     * Whether the payload starts a key frame: the start of partition 0 (S=1, PID=0) whose
     * payload header has the inverse key-frame flag P cleared.
     */
    public static boolean isKeyFrame(ByteBuf buffer, int index, int length) {
        if (length < 1) {
            return false;
        }
        int first = buffer.getUnsignedByte(index);
        boolean start = (first & 0x10) != 0;
        int partitionIndex = first & 0x07;
        int offset = 1;
        if ((first & 0x80) != 0) {
            if (length < offset + 1) {
                return false;
            }
            int extension = buffer.getUnsignedByte(index + offset++);
            if ((extension & 0x80) != 0) {
                if (length < offset + 1) {
                    return false;
                }
                // PictureID: one byte, or two when its M bit is set.
                offset += (buffer.getUnsignedByte(index + offset) & 0x80) != 0 ? 2 : 1;
            }
            if ((extension & 0x40) != 0) {
                offset++;
            }
            if ((extension & 0x30) != 0) {
                offset++;
            }
        }
        return start && partitionIndex == 0 && length > offset && (buffer.getUnsignedByte(index + offset) & 0x01) == 0;
    }
}
