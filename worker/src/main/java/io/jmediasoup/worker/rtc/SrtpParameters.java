package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.rtp.srtp.SrtpProfile;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * SDES-style SRTP keys of Plain and Pipe transports (enableSrtp): a crypto suite and a master
 * key + salt (30 bytes for the AES-CM suites, 44 and 28 for AES-256-GCM and AES-128-GCM),
 * exchanged base64-encoded.
 */
public record SrtpParameters(String cryptoSuite, String keyBase64) {
    /** The suites of mediasoup 3.8's Plain transports. */
    public static final Set<String> CRYPTO_SUITES = Set.of("AES_CM_128_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_32");
    /** The suites of mediasoup 3.32's Plain transports: the AEAD ones too. */
    public static final Set<String> CRYPTO_SUITES_WITH_AEAD = Set.of("AEAD_AES_256_GCM", "AEAD_AES_128_GCM",
            "AES_CM_128_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_32");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Fresh local keys for {@code cryptoSuite}, one of {@link #CRYPTO_SUITES_WITH_AEAD}. */
    static SrtpParameters generate(String cryptoSuite) {
        byte[] key = new byte[masterLength(cryptoSuite)];
        RANDOM.nextBytes(key);
        return new SrtpParameters(cryptoSuite, Base64.getEncoder().encodeToString(key));
    }

    /** The master key and salt length of {@code cryptoSuite}. */
    private static int masterLength(String cryptoSuite) {
        return SrtpProfile.byMediasoupName(cryptoSuite).keyingMaterialLength();
    }

    /**
     * These as the remote srtpParameters of connect(), checked as the C++ worker does (either
     * part may be null, as given); {@code allowed} are the suites this transport kind accepts.
     */
    SrtpParameters checkedRemote(Set<String> allowed) {
        if (cryptoSuite == null) {
            throw new MediasoupTypeError("missing srtpParameters.cryptoSuite");
        }
        if (!allowed.contains(cryptoSuite)) {
            throw new MediasoupTypeError("invalid/unsupported srtpParameters.cryptoSuite");
        }
        if (keyBase64 == null) {
            throw new MediasoupTypeError("missing srtpParameters.keyBase64");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(keyBase64);
        } catch (IllegalArgumentException notBase64) {
            throw new MediasoupTypeError("invalid decoded SRTP key length");
        }
        if (key.length != masterLength(cryptoSuite)) {
            throw new MediasoupTypeError("invalid decoded SRTP key length");
        }
        return this;
    }

    /** The suite as the SRTP engine names it. */
    SrtpProfile profile() {
        return SrtpProfile.byMediasoupName(cryptoSuite);
    }

    /** The keying material: master key followed by master salt. */
    byte[] key() {
        return Base64.getDecoder().decode(keyBase64);
    }
}
