package io.jmediasoup.rtp.srtp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM with a 96-bit IV and a 16-byte tag (NIST SP 800-38D) under one key, in place over
 * heap arrays, allocating nothing per message. A JCE GCM cipher takes each IV only through
 * {@code init} with a new GCMParameterSpec and rebuilds its state there (~950 bytes a packet);
 * here the counter blocks are encrypted by an AES/ECB cipher initialised once (AES-NI through
 * the JDK's intrinsics, as in {@link AesCmKeystream}) and the tag comes from our {@link Ghash}.
 *
 * <p>One message: {@link #start}, any number of {@link #aad} calls, then {@link #encrypt} or
 * {@link #decrypt}.
 */
final class AesGcm {
    static final int IV_LENGTH = 12;
    static final int TAG_LENGTH = 16;
    private static final int BLOCK = Ghash.BLOCK;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final Cipher ecb;
    private final Ghash ghash;
    /** Counter blocks IV || 1, IV || 2, ...: the first masks the tag, the others encrypt the data. */
    private byte[] counters;
    private byte[] keystream;
    private final byte[] tag = new byte[TAG_LENGTH];
    private long ivHigh;
    private int ivLow;
    private long aadLength;

    AesGcm(byte[] key, int capacity) {
        byte[] h = new byte[BLOCK];
        try {
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            ecb.update(h, 0, BLOCK, h, 0);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("AES is unavailable", unavailable);
        }
        ghash = new Ghash(h);
        counters = new byte[blocksFor(capacity)];
        keystream = new byte[counters.length];
    }

    /** Bytes of counter blocks for {@code length} bytes of data: the tag's block and the data's, rounded up. */
    private static int blocksFor(int length) {
        return BLOCK + ((length + BLOCK - 1) & -BLOCK);
    }

    /** Begins a message under {@code iv[0..12)}. */
    void start(byte[] iv) {
        ivHigh = (long) LONGS.get(iv, 0);
        ivLow = (int) INTS.get(iv, 8);
        ghash.reset();
        aadLength = 0;
    }

    /** Authenticates {@code data[offset..offset+length)} as associated data, after any given before. */
    void aad(byte[] data, int offset, int length) {
        ghash.update(data, offset, length);
        aadLength += length;
    }

    /** Encrypts {@code data[offset..offset+length)} in place and writes the tag at {@code tagOut[tagOffset..+16)}. */
    void encrypt(byte[] data, int offset, int length, byte[] tagOut, int tagOffset) {
        keystream(length);
        xor(data, offset, length);
        ghash.pad();
        ghash.update(data, offset, length);
        tag(length);
        System.arraycopy(tag, 0, tagOut, tagOffset, TAG_LENGTH);
    }

    /**
     * Decrypts {@code data[offset..offset+length)} in place if the tag at {@code tagIn[tagOffset..+16)}
     * authenticates it and the associated data; false, touching nothing, if it does not.
     */
    boolean decrypt(byte[] data, int offset, int length, byte[] tagIn, int tagOffset) {
        keystream(length);
        ghash.pad();
        ghash.update(data, offset, length);
        tag(length);
        if (!Tags.equal(tag, tagIn, tagOffset, TAG_LENGTH)) {
            return false;
        }
        xor(data, offset, length);
        return true;
    }

    private void keystream(int length) {
        int size = blocksFor(length);
        if (size > counters.length) {
            // Only a message larger than any seen before allocates.
            counters = new byte[size];
            keystream = new byte[size];
        }
        for (int block = 0, counter = 1; block < size; block += BLOCK, counter++) {
            LONGS.set(counters, block, ivHigh);
            INTS.set(counters, block + 8, ivLow);
            INTS.set(counters, block + 12, counter);
        }
        try {
            ecb.update(counters, 0, size, keystream, 0);
        } catch (GeneralSecurityException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    /** XORs the data with the keystream after the tag's block, eight bytes at a time. */
    private void xor(byte[] data, int offset, int length) {
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            LONGS.set(data, offset + i, (long) LONGS.get(data, offset + i) ^ (long) LONGS.get(keystream, BLOCK + i));
        }
        for (; i < length; i++) {
            data[offset + i] ^= keystream[BLOCK + i];
        }
    }

    /** The tag: GHASH of the associated data and ciphertext, XOR the encrypted first counter block. */
    private void tag(int dataLength) {
        ghash.finish(aadLength, dataLength, tag, 0);
        for (int i = 0; i < TAG_LENGTH; i++) {
            tag[i] ^= keystream[i];
        }
    }
}
