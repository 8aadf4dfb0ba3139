package io.jmediasoup.rtp.srtp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA1 (RFC 2104) over the JCE's SHA-1, writing into the caller's array. javax.crypto.Mac
 * returns every MAC in a new array (its doFinal(byte[], int) copies from one), which would be
 * two allocations per packet; MessageDigest can digest into an array we own.
 */
final class HmacSha1 {
    static final int LENGTH = 20;
    private static final int BLOCK_SIZE = 64;

    private final MessageDigest sha1;
    private final byte[] innerPad = new byte[BLOCK_SIZE];
    private final byte[] outerPad = new byte[BLOCK_SIZE];
    private final byte[] innerHash = new byte[LENGTH];

    /** {@code key} is at most one SHA-1 block (SRTP's are 20 bytes). */
    HmacSha1(byte[] key) {
        if (key.length > BLOCK_SIZE) {
            throw new IllegalArgumentException("HMAC key longer than a block");
        }
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException("SHA-1 is unavailable", unavailable);
        }
        for (int i = 0; i < BLOCK_SIZE; i++) {
            byte k = i < key.length ? key[i] : 0;
            innerPad[i] = (byte) (k ^ 0x36);
            outerPad[i] = (byte) (k ^ 0x5c);
        }
        sha1.update(innerPad);
    }

    void update(byte[] data, int offset, int length) {
        sha1.update(data, offset, length);
    }

    /** The 32-bit big-endian {@code value}, as SRTP appends the ROC to what it authenticates. */
    void updateInt(long value) {
        sha1.update((byte) (value >>> 24));
        sha1.update((byte) (value >>> 16));
        sha1.update((byte) (value >>> 8));
        sha1.update((byte) value);
    }

    /** Writes the MAC of everything updated so far to {@code out[offset..offset+20)} and starts the next one. */
    void finish(byte[] out, int offset) {
        try {
            sha1.digest(innerHash, 0, LENGTH);
            sha1.update(outerPad);
            sha1.update(innerHash);
            sha1.digest(out, offset, LENGTH);
        } catch (java.security.DigestException tooShort) {
            throw new IllegalArgumentException(tooShort);
        }
        sha1.update(innerPad);
    }
}
