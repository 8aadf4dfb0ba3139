package io.jmediasoup.rtp.srtp;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The session tests on the OpenSSL engine with AES on EVP, as where the shim has no ipsec-mb. */
class SrtpSessionEvpTest extends SrtpSessionOpenSslTest {
    @BeforeAll
    static void aesOnEvp() {
        System.setProperty(OpenSslLibrary.IPSEC_MB_PROPERTY, "false");
    }

    @AfterAll
    static void gcmAsBuilt() {
        System.clearProperty(OpenSslLibrary.IPSEC_MB_PROPERTY);
    }
}
