package io.jmediasoup.rtp.codecs;

import io.netty.buffer.ByteBuf;

/**
 * The PictureID field that the VP8 (RFC 7741 §4.2) and VP9 (draft-ietf-payload-vp9-16 §4.2)
 * payload descriptors share: an M bit, then a 7-bit id, or a 15-bit one when M is set.
 */
final class PictureId {
    private PictureId() {}

    /** 1 or 2 bytes, as the M bit of the field at {@code index} says; 0 when {@code available} bytes cannot hold it. */
    static int length(ByteBuf buffer, int index, int available) {
        if (available < 1) {
            return 0;
        }
        int length = (buffer.getUnsignedByte(index) & 0x80) != 0 ? 2 : 1;
        return available < length ? 0 : length;
    }

    /** The id held by the field of {@code length} bytes at {@code index}. */
    static int read(ByteBuf buffer, int index, int length) {
        int first = buffer.getUnsignedByte(index);
        return length == 2 ? ((first & 0x7F) << 8) | buffer.getUnsignedByte(index + 1) : first;
    }

    /** Writes {@code value} into the field of {@code length} bytes at {@code index}; a 7-bit field keeps the low 7 bits. */
    static void write(ByteBuf buffer, int index, int length, int value) {
        if (length == 2) {
            buffer.setShort(index, 0x8000 | (value & 0x7FFF));
        } else if (length == 1) {
            buffer.setByte(index, value & 0x7F);
        }
    }
}
