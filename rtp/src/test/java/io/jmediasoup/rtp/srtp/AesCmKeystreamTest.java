package io.jmediasoup.rtp.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The AES-CM keystream, Java and OpenSSL, against RFC 3711 appendix B.2: a whole 65,282-block segment. */
class AesCmKeystreamTest {
    private static final byte[] SESSION_KEY = Hex.bytes("2B7E151628AED2A6ABF7158809CF4F3C");
    private static final byte[] SESSION_SALT = Hex.bytes("F0F1F2F3F4F5F6F7F8F9FAFBFCFD");
    private static final int SEGMENT_LENGTH = 1044512;

    @Test
    void keystreamOfZeroSsrcAndIndexIsTheAppendixB2One() {
        byte[] iv = new byte[AesCmKeystream.IV_LENGTH];
        SrtpTransform.iv(iv, SESSION_SALT, 4, 0, 0);
        assertEquals("f0f1f2f3f4f5f6f7f8f9fafbfcfd0000", Hex.string(iv, 0, 16));
        byte[] zeros = new byte[SEGMENT_LENGTH];
        new AesCmKeystream(SESSION_KEY, 2048).apply(iv, zeros, 0, SEGMENT_LENGTH);

        assertEquals("e03ead0935c95e80e166b16dd92b4eb4" + "d23513162b02d0f72a43a2fe4a5f97ab"
                + "41e95b3bb0a2e8dd477901e4fca894c0", Hex.string(zeros, 0, 48));
        assertEquals("ec8cdf7398607cb0f2d21675ea9ea1e4" + "362b7c3c6773516318a077d7fc5073ae"
                + "6a2cc3787889374fbeb4c81b17ba6c44", Hex.string(zeros, SEGMENT_LENGTH - 48, 48));
    }

    @Test
    void openSslKeystreamOfZeroSsrcAndIndexIsTheAppendixB2One() {
        OpenSslEngine.assumeLoaded();
        SessionKeys keys = new SessionKeys(SESSION_KEY, SESSION_SALT, new byte[20], SESSION_KEY, SESSION_SALT,
                new byte[20]);
        byte[] zeros = new byte[SEGMENT_LENGTH + 10];
        new OpenSslEngine(SrtpProfile.AES_CM_128_HMAC_SHA1_80, keys, false).protectRtp(zeros, 0, SEGMENT_LENGTH, 0, 0);

        assertEquals("e03ead0935c95e80e166b16dd92b4eb4" + "d23513162b02d0f72a43a2fe4a5f97ab"
                + "41e95b3bb0a2e8dd477901e4fca894c0", Hex.string(zeros, 0, 48));
        assertEquals("ec8cdf7398607cb0f2d21675ea9ea1e4" + "362b7c3c6773516318a077d7fc5073ae"
                + "6a2cc3787889374fbeb4c81b17ba6c44", Hex.string(zeros, SEGMENT_LENGTH - 48, 48));
    }

    @Test
    void applyingTwiceRestoresTheData() {
        byte[] iv = new byte[AesCmKeystream.IV_LENGTH];
        SrtpTransform.iv(iv, SESSION_SALT, 4, 0xCAFEBABEL, 0x1_2345L);
        byte[] data = new byte[37];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        AesCmKeystream keystream = new AesCmKeystream(SESSION_KEY, 16);
        keystream.apply(iv, data, 3, 30);
        keystream.apply(iv, data, 3, 30);
        for (int i = 0; i < data.length; i++) {
            assertEquals((byte) i, data[i]);
        }
    }
}
