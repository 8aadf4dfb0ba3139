package io.jmediasoup.rtp.srtp;

import io.jmediasoup.rtp.NativeLibraries;

/**
 * Loads the OpenSSL shim of {@link OpenSslTransform} (src/main/c, built by the Maven build for
 * the machine it ran on) from the jar. Where it is missing, cannot load (no libcrypto.so.3, other
 * OS or architecture) or is turned off with {@code -Djmediasoup.srtp.openssl=false}, the engine
 * runs in Java, and {@link #unavailableReason()} says why.
 */
final class OpenSslLibrary {
    static final String PROPERTY = "jmediasoup.srtp.openssl";
    /** {@code -Djmediasoup.srtp.ipsecmb=false} keeps AES on OpenSSL's EVP where the shim has ipsec-mb. */
    static final String IPSEC_MB_PROPERTY = "jmediasoup.srtp.ipsecmb";
    private static final String REASON = load();

    private OpenSslLibrary() {
    }

    /** Whether the shim is loaded and the engine may use it. */
    static boolean available() {
        return REASON == null && !"false".equals(System.getProperty(PROPERTY));
    }

    /** Whether new transforms run AES on ipsec-mb where the shim has it. */
    static boolean ipsecMb() {
        return !"false".equals(System.getProperty(IPSEC_MB_PROPERTY));
    }

    /** Why the shim is not loaded, or null if it is. */
    static String unavailableReason() {
        return REASON;
    }

    private static String load() {
        return NativeLibraries.load(OpenSslLibrary.class, "jmsrtp");
    }
}
