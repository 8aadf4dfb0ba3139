package io.jmediasoup.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Tells what a datagram on a media 5-tuple is from its first bytes (RFC 7983, RFC 5761),
 * with the C++ worker's length minimums so that a too-short packet is no kind at all.
 */
public final class PacketDemux {
    private PacketDemux() {}

    /** RTP version 2, and a payload type outside the RTCP range 192-223 (RFC 5761 §4). */
    public static boolean isRtp(ByteBuf data) {
        int start = data.readerIndex();
        return data.readableBytes() >= RtpPacket.HEADER_SIZE && isVersion2(data.getUnsignedByte(start))
                && !isRtcpPacketType(data.getUnsignedByte(start + 1));
    }

    /** Version 2 and a packet type in 192-223: SR, RR, SDES, BYE, APP, feedback, XR. */
    public static boolean isRtcp(ByteBuf data) {
        int start = data.readerIndex();
        return data.readableBytes() >= 4 && isVersion2(data.getUnsignedByte(start))
                && isRtcpPacketType(data.getUnsignedByte(start + 1));
    }

    /** A DTLS record (content types 20-63, RFC 7983) with at least its 13-byte header. */
    public static boolean isDtls(ByteBuf data) {
        int first = data.readableBytes() >= 13 ? data.getUnsignedByte(data.readerIndex()) : 0;
        return first > 19 && first < 64;
    }

    private static boolean isVersion2(int firstByte) {
        return firstByte > 127 && firstByte < 192;
    }

    private static boolean isRtcpPacketType(int secondByte) {
        return secondByte >= 192 && secondByte <= 223;
    }
}
