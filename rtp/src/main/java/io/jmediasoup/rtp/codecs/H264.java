package io.jmediasoup.rtp.codecs;

import io.netty.buffer.ByteBuf;

/**
 * H264 payloads (RFC 6184): single NAL units, STAP-A aggregates and FU-A/FU-B fragments.
 * As in the C++ worker, a key frame is recognised by its sequence parameter set, which
 * browsers send right before every IDR picture.
 */
public final class H264 {
    private static final int SPS = 7;
    private static final int STAP_A = 24;
    private static final int FU_A = 28;
    private static final int FU_B = 29;

    private H264() {}

    public static boolean isKeyFrame(ByteBuf buffer, int index, int length) {
        if (length < 2) {
            return false;
        }
        int nalType = buffer.getUnsignedByte(index) & 0x1F;
        switch (nalType) {
            case SPS:
                return true;
            case STAP_A:
                return aggregatesSps(buffer, index + 1, length - 1);
            case FU_A:
            case FU_B:
                int fuHeader = buffer.getUnsignedByte(index + 1);
                return (fuHeader & 0x80) != 0 && (fuHeader & 0x1F) == SPS;
            default:
                return false;
        }
    }

    /** Walks the size-prefixed NAL units of an aggregation packet. */
    private static boolean aggregatesSps(ByteBuf buffer, int index, int length) {
        int offset = 0;
        while (length - offset >= 3) {
            int naluSize = buffer.getUnsignedShort(index + offset);
            if ((buffer.getUnsignedByte(index + offset + 2) & 0x1F) == SPS) {
                return true;
            }
            offset += 2 + naluSize;
        }
        return false;
    }
}
