package io.jmediasoup.rtp.srtp;

/**
 * The SRTP crypto suites mediasoup 3.8.4 knows, with the lengths of their keying material
 * (master key followed by master salt, as DTLS-SRTP exports it and SDES carries it) and of
 * what protection adds to a packet. As in the C++ worker, AES_CM_128_HMAC_SHA1_32 shortens
 * only the SRTP tag: SRTCP keeps the 80-bit one (RFC 5764 §4.1.2).
 */
public enum SrtpProfile {
    AES_CM_128_HMAC_SHA1_80("AES_CM_128_HMAC_SHA1_80", 0x0001, 16, 14, 10, 10),
    AES_CM_128_HMAC_SHA1_32("AES_CM_128_HMAC_SHA1_32", 0x0002, 16, 14, 4, 10),
    AEAD_AES_256_GCM("AEAD_AES_256_GCM", 0x0008, 32, 12, 16, 16),
    AEAD_AES_128_GCM("AEAD_AES_128_GCM", 0x0007, 16, 12, 16, 16);

    /** The E flag and 31-bit index that every SRTCP packet carries (RFC 3711 §3.4). */
    public static final int SRTCP_INDEX_LENGTH = 4;

    private final String mediasoupName;
    private final int dtlsProfileId;
    private final int masterKeyLength;
    private final int masterSaltLength;
    private final int rtpAuthTagLength;
    private final int rtcpAuthTagLength;

    SrtpProfile(String mediasoupName, int dtlsProfileId, int masterKeyLength, int masterSaltLength,
            int rtpAuthTagLength, int rtcpAuthTagLength) {
        this.mediasoupName = mediasoupName;
        this.dtlsProfileId = dtlsProfileId;
        this.masterKeyLength = masterKeyLength;
        this.masterSaltLength = masterSaltLength;
        this.rtpAuthTagLength = rtpAuthTagLength;
        this.rtcpAuthTagLength = rtcpAuthTagLength;
    }

    /** The name in mediasoup's srtpParameters.cryptoSuite and the C++ worker's logs. */
    public String mediasoupName() {
        return mediasoupName;
    }

    /** The profile by its mediasoup name, or null for one mediasoup does not know. */
    public static SrtpProfile byMediasoupName(String name) {
        for (SrtpProfile profile : values()) {
            if (profile.mediasoupName.equals(name)) {
                return profile;
            }
        }
        return null;
    }

    /** The SRTPProtectionProfile id of the DTLS use_srtp extension (RFC 5764 §4.1.2, RFC 7714 §14.2). */
    public int dtlsProfileId() {
        return dtlsProfileId;
    }

    /** The profile by its DTLS use_srtp id, or null. */
    public static SrtpProfile byDtlsProfileId(int id) {
        for (SrtpProfile profile : values()) {
            if (profile.dtlsProfileId == id) {
                return profile;
            }
        }
        return null;
    }

    public int masterKeyLength() {
        return masterKeyLength;
    }

    public int masterSaltLength() {
        return masterSaltLength;
    }

    /** Master key followed by master salt: what {@link SrtpSession#inbound}/{@link SrtpSession#outbound} take. */
    public int keyingMaterialLength() {
        return masterKeyLength + masterSaltLength;
    }

    /** Bytes protectRtp appends to an RTP packet. */
    public int rtpAuthTagLength() {
        return rtpAuthTagLength;
    }

    public int rtcpAuthTagLength() {
        return rtcpAuthTagLength;
    }

    /** Bytes protectRtcp appends to an RTCP packet: the SRTCP index and the tag. */
    public int rtcpTrailerLength() {
        return SRTCP_INDEX_LENGTH + rtcpAuthTagLength;
    }

    /** The most either protect method appends: the room a caller keeps writable. */
    public int maxTrailerLength() {
        return Math.max(rtpAuthTagLength, rtcpTrailerLength());
    }

    boolean isAead() {
        return this == AEAD_AES_256_GCM || this == AEAD_AES_128_GCM;
    }
}
