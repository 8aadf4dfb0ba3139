package io.jmediasoup.rtp.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in counter mode as SRTP uses it (RFC 3711 §4.1.1): the keystream is AES of IV, IV+1, ...
 * where only the IV's low 16 bits count blocks. Built from an ECB cipher over counter blocks
 * prepared in a reused array: a CTR cipher would need a new init, and with it a new
 * IvParameterSpec and key copy, per packet.
 */
final class AesCmKeystream {
    static final int IV_LENGTH = 16;

    private final Cipher ecb;
    private byte[] counters;
    private byte[] keystream;

    AesCmKeystream(byte[] key, int capacity) {
        try {
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("AES is unavailable", unavailable);
        }
        counters = new byte[roundUp(capacity)];
        keystream = new byte[counters.length];
    }

    private static int roundUp(int length) {
        return (length + 15) & ~15;
    }

    /** XORs {@code data[offset..offset+length)} with the keystream from {@code iv} (low 16 bits zero). */
    void apply(byte[] iv, byte[] data, int offset, int length) {
        int size = roundUp(length);
        if (size > counters.length) {
            // Only a packet larger than any seen before allocates.
            counters = new byte[size];
            keystream = new byte[size];
        }
        for (int block = 0; block < size; block += IV_LENGTH) {
            System.arraycopy(iv, 0, counters, block, IV_LENGTH - 2);
            int counter = block >>> 4;
            counters[block + 14] = (byte) (counter >>> 8);
            counters[block + 15] = (byte) counter;
        }
        try {
            ecb.update(counters, 0, size, keystream, 0);
        } catch (GeneralSecurityException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
        for (int i = 0; i < length; i++) {
            data[offset + i] ^= keystream[i];
        }
    }
}
