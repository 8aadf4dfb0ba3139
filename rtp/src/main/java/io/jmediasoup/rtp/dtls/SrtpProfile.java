package io.jmediasoup.rtp.dtls;

import org.bouncycastle.tls.SRTPProtectionProfile;

/**
 * The DTLS-SRTP protection profiles we negotiate (RFC 5764 §4.1.2, RFC 7714 §14.2), in the C++
 * worker's order of preference; each constant is named as mediasoup names the crypto suite.
 */
public enum SrtpProfile {
    AEAD_AES_256_GCM(SRTPProtectionProfile.SRTP_AEAD_AES_256_GCM, 32, 12),
    AEAD_AES_128_GCM(SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM, 16, 12),
    AES_CM_128_HMAC_SHA1_80(SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80, 16, 14),
    AES_CM_128_HMAC_SHA1_32(SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_32, 16, 14);

    private final int id;
    private final int keyLength;
    private final int saltLength;

    SrtpProfile(int id, int keyLength, int saltLength) {
        this.id = id;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
    }

    /** The two-byte SRTPProtectionProfile value of the use_srtp extension. */
    public int id() {
        return id;
    }

    public int keyLength() {
        return keyLength;
    }

    public int saltLength() {
        return saltLength;
    }

    /** The master key followed by the master salt, per direction. */
    public int masterLength() {
        return keyLength + saltLength;
    }

    /** The profile with this use_srtp value, or null if we do not support it. */
    public static SrtpProfile byId(int id) {
        for (SrtpProfile profile : values()) {
            if (profile.id == id) {
                return profile;
            }
        }
        return null;
    }

    static int[] ids() {
        SrtpProfile[] profiles = values();
        int[] ids = new int[profiles.length];
        for (int i = 0; i < profiles.length; i++) {
            ids[i] = profiles[i].id;
        }
        return ids;
    }
}
