package io.jmediasoup.rtp.codecs;

import io.netty.buffer.ByteBuf;

/** The Opus TOC byte (RFC 6716 §3.1): enough to tell a DTX packet, which carries no audio frame. */
public final class Opus {
    private Opus() {}

    /**
     * Whether the payload is DTX: a code 0 or 1 packet of its TOC byte alone, or a code 2
     * packet of the TOC byte and a zero frame length (code 3 never is).
     */
    public static boolean isDtx(ByteBuf buffer, int index, int length) {
        if (length < 1) {
            return false;
        }
        int code = buffer.getUnsignedByte(index) & 0x03;
        switch (code) {
            case 0:
            case 1:
                return length == 1;
            case 2:
                return length == 2;
            default:
                return false;
        }
    }
}
