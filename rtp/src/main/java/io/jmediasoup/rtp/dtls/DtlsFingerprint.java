package io.jmediasoup.rtp.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

/** A certificate fingerprint (RFC 8122): hash algorithm name and colon-separated hex digest. */
public record DtlsFingerprint(String algorithm, String value) {
    /** The algorithms mediasoup fingerprints its certificate with, in the order it lists them. */
    public static final List<String> ALGORITHMS = List.of("sha-1", "sha-224", "sha-256", "sha-384", "sha-512");

    public static boolean isKnownAlgorithm(String algorithm) {
        return ALGORITHMS.contains(algorithm);
    }

    /** The fingerprint of a DER-encoded certificate, in uppercase hex pairs joined by ':'. */
    public static DtlsFingerprint of(String algorithm, byte[] der) {
        if (!isKnownAlgorithm(algorithm)) {
            throw new IllegalArgumentException("unknown fingerprint algorithm " + algorithm);
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm.toUpperCase(Locale.ROOT)).digest(der);
            StringBuilder value = new StringBuilder(digest.length * 3);
            for (byte b : digest) {
                if (value.length() > 0) {
                    value.append(':');
                }
                value.append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
            return new DtlsFingerprint(algorithm, value.toString());
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("the JDK lacks " + algorithm, missing);
        }
    }
}
