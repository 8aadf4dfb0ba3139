package io.jmediasoup.rtp.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The AES-CM PRF against RFC 3711 appendix B.3. */
class KeyDerivationTest {
    private static final byte[] MASTER_KEY = Hex.bytes("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static final byte[] MASTER_SALT = Hex.bytes("0EC675AD498AFEEBB6960B3AABE6");

    static Stream<Arguments> labels() {
        return Stream.of(
                Arguments.of("cipher key", SessionKeys.LABEL_RTP_ENCRYPTION, 16, "C61E7A93744F39EE10734AFE3FF7A087"),
                Arguments.of("cipher salt", SessionKeys.LABEL_RTP_SALT, 14, "30CBBC08863D8C85D49DB34A9AE1"),
                Arguments.of("auth key", SessionKeys.LABEL_RTP_AUTH, 20, "CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4"),
                // The appendix prints more of the auth key's keystream than SRTP uses: the PRF runs on.
                Arguments.of("auth keystream", SessionKeys.LABEL_RTP_AUTH, 32,
                        "CEBE321F6FF7716B6FD4AB49AF256A156D38BAA48F0A0ACF3C34E2359E6CDBCE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labels")
    void derivesTheAppendixB3Keys(String name, int label, int length, String expected) {
        byte[] derived = SessionKeys.prf(MASTER_KEY, MASTER_SALT, label, length);
        assertEquals(expected.toLowerCase(), Hex.string(derived, 0, length));
    }

    @org.junit.jupiter.api.Test
    void sessionKeysOfAnAesCmSuiteAreTheAppendixB3Ones() {
        byte[] material = new byte[30];
        System.arraycopy(MASTER_KEY, 0, material, 0, 16);
        System.arraycopy(MASTER_SALT, 0, material, 16, 14);
        SessionKeys keys = SessionKeys.derive(SrtpProfile.AES_CM_128_HMAC_SHA1_80, material);
        assertEquals("c61e7a93744f39ee10734afe3ff7a087", Hex.string(keys.rtpKey(), 0, 16));
        assertEquals("30cbbc08863d8c85d49db34a9ae1", Hex.string(keys.rtpSalt(), 0, 14));
        assertEquals("cebe321f6ff7716b6fd4ab49af256a156d38baa4", Hex.string(keys.rtpAuthKey(), 0, 20));
    }
}
