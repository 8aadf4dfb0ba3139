package io.jmediasoup.rtp.rtcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/** Source Description (RFC 3550 §6.5) with one chunk holding the CNAME of one source. */
public final class Sdes {
    private static final int CNAME = 1;

    private Sdes() {}

    /** Writes an SDES packet for {@code ssrc} with its CNAME (at most 255 UTF-8 bytes). */
    public static void writeCname(ByteBuf out, long ssrc, String cname) {
        int start = out.writerIndex();
        out.writeByte(0x81);
        out.writeByte(RtcpType.SDES);
        out.writeShort(0);
        out.writeInt((int) ssrc);
        out.writeByte(CNAME);
        int lengthIndex = out.writerIndex();
        out.writeByte(0);
        int written = ByteBufUtil.writeUtf8(out, cname);
        out.setByte(lengthIndex, Math.min(written, 255));
        // The item list ends with a null octet, then pads the chunk to 32 bits.
        do {
            out.writeByte(0);
        } while ((out.writerIndex() - start) % 4 != 0);
        out.setShort(start + 2, (out.writerIndex() - start) / 4 - 1);
    }
}
