package io.jmediasoup.rtp.srtp;

/** Big-endian reads from test arrays. */
final class ByteBuffers {
    private ByteBuffers() {
    }

    static int intAt(byte[] array, int offset) {
        return (array[offset] & 0xFF) << 24 | (array[offset + 1] & 0xFF) << 16 | (array[offset + 2] & 0xFF) << 8
                | array[offset + 3] & 0xFF;
    }
}
