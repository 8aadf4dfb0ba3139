package io.jmediasoup.rtp.srtp;

/**
 * The cryptographic transform of a suite over one packet in a heap array, with the indices
 * already worked out by the session. {@code length} is always the unprotected length; the
 * array has room for the trailer after it.
 */
interface SrtpTransform {
    /** Encrypts {@code packet[headerLength..length)} and appends the tag. */
    void protectRtp(byte[] packet, int headerLength, int length, long ssrc, long index);

    /** Checks the tag at {@code packet[length..)} and decrypts; false, touching nothing, if it does not authenticate. */
    boolean unprotectRtp(byte[] packet, int headerLength, int length, long ssrc, long index);

    /** Encrypts everything after the first 8 bytes and appends the trailer (tag and E + SRTCP index). */
    void protectRtcp(byte[] packet, int length, long ssrc, int index);

    /**
     * Checks the tag and, when {@code encrypted} (the E flag), decrypts; false if it does not
     * authenticate. {@code indexWord} is the E flag and index as found at {@link #rtcpIndexOffset}.
     */
    boolean unprotectRtcp(byte[] packet, int length, long ssrc, int indexWord, boolean encrypted);

    /** Where the E flag and SRTCP index sit in a protected packet whose unprotected length is {@code length}. */
    int rtcpIndexOffset(int length);

    /** Writes {@code value} big-endian at {@code array[offset..offset+4)}. */
    static void putInt(byte[] array, int offset, int value) {
        array[offset] = (byte) (value >>> 24);
        array[offset + 1] = (byte) (value >>> 16);
        array[offset + 2] = (byte) (value >>> 8);
        array[offset + 3] = (byte) value;
    }

    /**
     * The IV of both suites: the session salt XOR the SSRC at {@code ssrcOffset} XOR the 48-bit
     * index right after it (RFC 3711 §4.1.1 with ssrcOffset 4, RFC 7714 §8.1 and §9.1 with 2).
     */
    static void iv(byte[] iv, byte[] salt, int ssrcOffset, long ssrc, long index) {
        System.arraycopy(salt, 0, iv, 0, salt.length);
        for (int i = salt.length; i < iv.length; i++) {
            iv[i] = 0;
        }
        for (int i = 0; i < 4; i++) {
            iv[ssrcOffset + i] ^= (byte) (ssrc >>> (24 - 8 * i));
        }
        for (int i = 0; i < 6; i++) {
            iv[ssrcOffset + 4 + i] ^= (byte) (index >>> (40 - 8 * i));
        }
    }
}
