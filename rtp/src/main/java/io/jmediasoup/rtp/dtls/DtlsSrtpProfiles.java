package io.jmediasoup.rtp.dtls;

import io.jmediasoup.rtp.srtp.SrtpProfile;
import java.util.List;

/** The SRTP profiles we negotiate in use_srtp (RFC 5764 §4.1.2), in the C++ worker's order of preference. */
final class DtlsSrtpProfiles {
    static final List<SrtpProfile> PREFERENCE = List.of(SrtpProfile.AEAD_AES_256_GCM, SrtpProfile.AEAD_AES_128_GCM,
            SrtpProfile.AES_CM_128_HMAC_SHA1_80, SrtpProfile.AES_CM_128_HMAC_SHA1_32);

    private DtlsSrtpProfiles() {
    }

    /** The use_srtp values we offer, most preferred first. */
    static int[] ids() {
        return PREFERENCE.stream().mapToInt(SrtpProfile::dtlsProfileId).toArray();
    }
}
