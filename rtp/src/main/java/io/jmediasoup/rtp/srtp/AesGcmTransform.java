package io.jmediasoup.rtp.srtp;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AEAD_AES_128_GCM and AEAD_AES_256_GCM (RFC 7714) over the JCE's AES/GCM, where OpenSSL is
 * not loaded or a packet is on the heap: the RTP header, or the first 8 bytes of RTCP with the
 * E flag + SRTCP index, is the associated data; the 16-byte tag follows the ciphertext, and in
 * SRTCP comes before the index. The JDK's GHASH is constant time (carry-less multiply
 * intrinsic, or bitwise masks without it); the price is a GCMParameterSpec and the JDK's GCM
 * state allocated per packet (about 1 KB).
 */
final class AesGcmTransform implements SrtpTransform {
    private static final int TAG_LENGTH = 16;
    private static final int IV_LENGTH = 12;
    private static final int RTCP_HEADER_SIZE = 8;

    private final Cipher cipher;
    private final SecretKeySpec rtpKey;
    private final SecretKeySpec rtcpKey;
    private final byte[] rtpSalt;
    private final byte[] rtcpSalt;
    private final byte[] iv = new byte[IV_LENGTH];
    private final byte[] indexWord = new byte[SrtpProfile.SRTCP_INDEX_LENGTH];
    /** The cipher's output, copied back into the packet: the JCE copies the input itself when both overlap. */
    private byte[] out;

    AesGcmTransform(SessionKeys keys, int capacity) {
        try {
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("AES-GCM is unavailable", unavailable);
        }
        rtpKey = new SecretKeySpec(keys.rtpKey(), "AES");
        rtcpKey = new SecretKeySpec(keys.rtcpKey(), "AES");
        rtpSalt = keys.rtpSalt().clone();
        rtcpSalt = keys.rtcpSalt().clone();
        out = new byte[capacity + TAG_LENGTH];
    }

    @Override
    public void protectRtp(byte[] packet, int headerLength, int length, long ssrc, long index) {
        SrtpTransform.iv(iv, rtpSalt, 2, ssrc, index);
        initEncrypt(rtpKey);
        cipher.updateAAD(packet, 0, headerLength);
        encrypt(packet, headerLength, length - headerLength);
    }

    @Override
    public boolean unprotectRtp(byte[] packet, int headerLength, int length, long ssrc, long index) {
        SrtpTransform.iv(iv, rtpSalt, 2, ssrc, index);
        initDecrypt(rtpKey);
        cipher.updateAAD(packet, 0, headerLength);
        return decrypt(packet, headerLength, length - headerLength);
    }

    @Override
    public void protectRtcp(byte[] packet, int length, long ssrc, int index) {
        SrtpTransform.iv(iv, rtcpSalt, 2, ssrc, index);
        SrtpTransform.putInt(indexWord, 0, 0x80000000 | index);
        initEncrypt(rtcpKey);
        cipher.updateAAD(packet, 0, RTCP_HEADER_SIZE);
        cipher.updateAAD(indexWord);
        encrypt(packet, RTCP_HEADER_SIZE, length - RTCP_HEADER_SIZE);
        System.arraycopy(indexWord, 0, packet, length + TAG_LENGTH, SrtpProfile.SRTCP_INDEX_LENGTH);
    }

    @Override
    public boolean unprotectRtcp(byte[] packet, int length, long ssrc, int indexWord, boolean encrypted) {
        SrtpTransform.iv(iv, rtcpSalt, 2, ssrc, indexWord & SrtpStream.MAX_SRTCP_INDEX);
        initDecrypt(rtcpKey);
        int aadLength = encrypted ? RTCP_HEADER_SIZE : length;
        cipher.updateAAD(packet, 0, aadLength);
        cipher.updateAAD(packet, length + TAG_LENGTH, SrtpProfile.SRTCP_INDEX_LENGTH);
        return decrypt(packet, aadLength, length - aadLength);
    }

    @Override
    public int rtcpIndexOffset(int length) {
        return length + TAG_LENGTH;
    }

    /** Encrypts {@code packet[offset..offset+length)} in place, the tag after it. */
    private void encrypt(byte[] packet, int offset, int length) {
        try {
            int written = cipher.doFinal(packet, offset, length, output(length), 0);
            System.arraycopy(out, 0, packet, offset, written);
        } catch (GeneralSecurityException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    /** Decrypts {@code packet[offset..offset+length)} in place if the tag after it authenticates. */
    private boolean decrypt(byte[] packet, int offset, int length) {
        try {
            int written = cipher.doFinal(packet, offset, length + TAG_LENGTH, output(length), 0);
            System.arraycopy(out, 0, packet, offset, written);
            return true;
        } catch (AEADBadTagException forged) {
            return false;
        } catch (GeneralSecurityException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    private byte[] output(int length) {
        if (out.length < length + TAG_LENGTH) {
            out = new byte[length + TAG_LENGTH];
        }
        return out;
    }

    private void initDecrypt(SecretKeySpec key) {
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, iv));
        } catch (GeneralSecurityException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    /**
     * The JDK refuses to encrypt twice in a row with one key and IV, which SRTP does when it
     * resends a packet unchanged (a NACKed retransmission without RTX, as libsrtp's
     * allow_repeat_tx permits): an init with another IV, never used, lifts that.
     */
    private void initEncrypt(SecretKeySpec key) {
        try {
            try {
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, iv));
            } catch (InvalidAlgorithmParameterException sameIvAsLastPacket) {
                iv[IV_LENGTH - 1] ^= 1;
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, iv));
                iv[IV_LENGTH - 1] ^= 1;
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, iv));
            }
        } catch (GeneralSecurityException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }
}
