package io.jmediasoup.rtp.dtls;

import io.jmediasoup.rtp.srtp.SrtpProfile;
import java.util.Arrays;

/**
 * What a DTLS-SRTP handshake gives the SRTP sessions: the negotiated profile and, per direction,
 * the master key followed by the master salt. {@code local} protects what we send,
 * {@code remote} unprotects what we receive.
 */
public record SrtpKeys(SrtpProfile profile, byte[] localKeyAndSalt, byte[] remoteKeyAndSalt) {
    /** The label RFC 5764 §4.2 exports the keying material with. */
    static final String EXPORTER_LABEL = "EXTRACTOR-dtls_srtp";

    /**
     * Splits keying material laid out as RFC 5764 §4.2 says: client key, server key, client salt,
     * server salt. The client writes with the client key and salt.
     */
    static SrtpKeys fromKeyingMaterial(SrtpProfile profile, byte[] material, DtlsRole localRole) {
        int key = profile.masterKeyLength();
        int salt = profile.masterSaltLength();
        if (material.length != 2 * (key + salt)) {
            throw new IllegalArgumentException("keying material of " + material.length + " bytes for " + profile);
        }
        byte[] client = concat(material, 0, key, 2 * key, salt);
        byte[] server = concat(material, key, key, 2 * key + salt, salt);
        return localRole == DtlsRole.CLIENT
                ? new SrtpKeys(profile, client, server)
                : new SrtpKeys(profile, server, client);
    }

    private static byte[] concat(byte[] source, int keyOffset, int keyLength, int saltOffset, int saltLength) {
        byte[] result = Arrays.copyOfRange(source, keyOffset, keyOffset + keyLength + saltLength);
        System.arraycopy(source, saltOffset, result, keyLength, saltLength);
        return result;
    }

    @Override
    public String toString() {
        return "SrtpKeys[" + profile + "]";
    }
}
