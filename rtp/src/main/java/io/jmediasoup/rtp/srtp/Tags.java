package io.jmediasoup.rtp.srtp;

/** Tag comparison in time independent of where the first difference is. */
final class Tags {
    private Tags() {
    }

    /** Whether the first {@code length} bytes of {@code expected} equal {@code packet[offset..offset+length)}. */
    static boolean equal(byte[] expected, byte[] packet, int offset, int length) {
        int difference = 0;
        for (int i = 0; i < length; i++) {
            difference |= expected[i] ^ packet[offset + i];
        }
        return difference == 0;
    }
}
