package io.jmediasoup.rtp.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The session keys of one direction, derived from the master key and salt with the AES-CM
 * PRF of RFC 3711 §4.3 (key derivation rate 0). The AEAD suites use the same PRF with their
 * 96-bit master salt padded with zeros (RFC 7714 §11).
 */
record SessionKeys(byte[] rtpKey, byte[] rtpSalt, byte[] rtpAuthKey, byte[] rtcpKey, byte[] rtcpSalt,
        byte[] rtcpAuthKey) {
    static final int LABEL_RTP_ENCRYPTION = 0x00;
    static final int LABEL_RTP_AUTH = 0x01;
    static final int LABEL_RTP_SALT = 0x02;
    static final int LABEL_RTCP_ENCRYPTION = 0x03;
    static final int LABEL_RTCP_AUTH = 0x04;
    static final int LABEL_RTCP_SALT = 0x05;
    /** HMAC-SHA1 keys are 160 bits (RFC 3711 §8.2). */
    static final int AUTH_KEY_LENGTH = 20;

    /** Derives the session keys from {@code keyingMaterial} (master key, then master salt). */
    static SessionKeys derive(SrtpProfile profile, byte[] keyingMaterial) {
        if (keyingMaterial.length != profile.keyingMaterialLength()) {
            throw new IllegalArgumentException(profile.mediasoupName() + " takes " + profile.keyingMaterialLength()
                    + " bytes of keying material, not " + keyingMaterial.length);
        }
        byte[] masterKey = new byte[profile.masterKeyLength()];
        byte[] masterSalt = new byte[profile.masterSaltLength()];
        System.arraycopy(keyingMaterial, 0, masterKey, 0, masterKey.length);
        System.arraycopy(keyingMaterial, masterKey.length, masterSalt, 0, masterSalt.length);
        int authLength = profile.isAead() ? 0 : AUTH_KEY_LENGTH;
        int saltLength = profile.masterSaltLength();
        return new SessionKeys(
                prf(masterKey, masterSalt, LABEL_RTP_ENCRYPTION, masterKey.length),
                prf(masterKey, masterSalt, LABEL_RTP_SALT, saltLength),
                prf(masterKey, masterSalt, LABEL_RTP_AUTH, authLength),
                prf(masterKey, masterSalt, LABEL_RTCP_ENCRYPTION, masterKey.length),
                prf(masterKey, masterSalt, LABEL_RTCP_SALT, saltLength),
                prf(masterKey, masterSalt, LABEL_RTCP_AUTH, authLength));
    }

    /**
     * The AES-CM PRF: AES in counter mode under the master key, from the block whose bytes are
     * the master salt (zero-padded to 14 bytes) with the label XORed into byte 7.
     */
    static byte[] prf(byte[] masterKey, byte[] masterSalt, int label, int length) {
        byte[] out = new byte[length];
        if (length == 0) {
            return out;
        }
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"));
            byte[] block = new byte[16];
            byte[] keystream = new byte[16];
            for (int counter = 0; counter * 16 < length; counter++) {
                java.util.Arrays.fill(block, (byte) 0);
                System.arraycopy(masterSalt, 0, block, 0, masterSalt.length);
                block[7] ^= (byte) label;
                block[14] = (byte) (counter >>> 8);
                block[15] = (byte) counter;
                aes.doFinal(block, 0, 16, keystream, 0);
                System.arraycopy(keystream, 0, out, counter * 16, Math.min(16, length - counter * 16));
            }
            return out;
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("AES is unavailable", unavailable);
        }
    }
}
