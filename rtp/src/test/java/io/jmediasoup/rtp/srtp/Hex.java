package io.jmediasoup.rtp.srtp;

import io.netty.buffer.ByteBufUtil;

/** Hex vectors as the RFCs print them, spaces and line breaks allowed. */
final class Hex {
    private Hex() {
    }

    static byte[] bytes(String hex) {
        return ByteBufUtil.decodeHexDump(hex.replaceAll("\\s", ""));
    }

    static String string(byte[] bytes, int offset, int length) {
        return ByteBufUtil.hexDump(bytes, offset, length);
    }
}
