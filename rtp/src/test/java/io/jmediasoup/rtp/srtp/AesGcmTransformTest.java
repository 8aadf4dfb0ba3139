package io.jmediasoup.rtp.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The AEAD transforms, Java, OpenSSL's EVP and ipsec-mb, against the packets of RFC 7714 §16
 * (SRTP) and §17 (SRTCP), which give session keys.
 */
class AesGcmTransformTest {
    private static final byte[] SALT = Hex.bytes("517569642070726f2071756f");
    private static final String RTP = "8040f17b8041f8d35501a0b2" + "47616c6c696120657374206f6d6e697320646976"
            + "69736120696e207061727465732074726573";
    private static final long RTP_SSRC = 0x5501a0b2L;
    private static final long RTP_INDEX = 0xf17b;
    private static final String RTCP = "81c8000d4d617273" + "4e5450314e545032525450200000042a0000e9304c756e61"
            + "deadbeefdeadbeefdeadbeefdeadbeefdeadbeef";
    private static final long RTCP_SSRC = 0x4d617273L;
    private static final int RTCP_INDEX = 0x5d4;

    static Stream<Arguments> vectors() {
        return Stream.of("java", "openssl", "ipsec-mb").flatMap(engine -> suites().map(suite -> {
            Object[] arguments = suite.get().clone();
            arguments[0] = arguments[0] + " " + engine;
            return Arguments.of(arguments);
        }));
    }

    private static Stream<Arguments> suites() {
        return Stream.of(
                Arguments.of("AEAD_AES_128_GCM", "000102030405060708090a0b0c0d0e0f",
                        "8040f17b8041f8d35501a0b2" + "f24de3a3fb34de6cacba861c9d7e4bcabe633bd5"
                                + "0d294e6f42a5f47a51c7d19b36de3adf8833899d7f27beb16a9152cf765ee439" + "0cce",
                        "81c8000d4d617273" + "63e94885dcdab67ca727d7662f6b7e997ff5c0f76c06f32d"
                                + "c676a5f1730d6fda4ce09b4686303ded0bb9275bc84aa45896cf4d2fc5abf872"
                                + "45d9eade" + "800005d4"),
                Arguments.of("AEAD_AES_256_GCM", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
                        "8040f17b8041f8d35501a0b2" + "32b1de78a822fe12ef9f78fa332e33aab1801238"
                                + "9a58e2f3b50b2a0276ffae0f1ba63799b87b7aa3db36dfffd6b0f9bb7878d7a7" + "6c13",
                        "81c8000d4d617273" + "d50ae4d1f5ce5d304ba297e47d470c282c3ece5dbffe0a50"
                                + "a2eaa5c1110555be8415f658c61de0476f1b6fad1d1eb30c4446839f57ff6f6c"
                                + "b26ac3be" + "800005d4"));
    }

    /** The engine named at the end of {@code suite}. */
    private static SrtpTransform transform(String suite, String key) {
        byte[] k = Hex.bytes(key);
        SessionKeys keys = new SessionKeys(k, SALT, new byte[0], k, SALT, new byte[0]);
        SrtpProfile profile = SrtpProfile.valueOf(suite.split(" ")[0]);
        if (suite.endsWith("openssl")) {
            OpenSslEngine.assumeLoaded();
            return new OpenSslEngine(profile, keys, false);
        }
        if (suite.endsWith("ipsec-mb")) {
            OpenSslEngine.assumeIpsecMb();
            return new OpenSslEngine(profile, keys, true);
        }
        return new AesGcmTransform(keys, 64);
    }

    private static byte[] withRoom(String hex, int room) {
        byte[] bytes = Hex.bytes(hex);
        return Arrays.copyOf(bytes, bytes.length + room);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void protectsTheRfcRtpPacket(String suite, String key, String srtp, String srtcp) {
        byte[] packet = withRoom(RTP, 16);
        transform(suite, key).protectRtp(packet, 12, packet.length - 16, RTP_SSRC, RTP_INDEX);
        assertEquals(srtp, Hex.string(packet, 0, packet.length));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void unprotectsTheRfcSrtpPacket(String suite, String key, String srtp, String srtcp) {
        byte[] packet = Hex.bytes(srtp);
        assertTrue(transform(suite, key).unprotectRtp(packet, 12, packet.length - 16, RTP_SSRC, RTP_INDEX));
        assertEquals(RTP, Hex.string(packet, 0, packet.length - 16));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void protectsTheRfcRtcpPacket(String suite, String key, String srtp, String srtcp) {
        byte[] packet = withRoom(RTCP, 20);
        transform(suite, key).protectRtcp(packet, packet.length - 20, RTCP_SSRC, RTCP_INDEX);
        assertEquals(srtcp, Hex.string(packet, 0, packet.length));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void unprotectsTheRfcSrtcpPacket(String suite, String key, String srtp, String srtcp) {
        byte[] packet = Hex.bytes(srtcp);
        int length = packet.length - 20;
        SrtpTransform transform = transform(suite, key);
        assertEquals(length + 16, transform.rtcpIndexOffset(length));
        assertTrue(transform.unprotectRtcp(packet, length, RTCP_SSRC, 0x80000000 | RTCP_INDEX, true));
        assertEquals(RTCP, Hex.string(packet, 0, length));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void aWrongIndexDoesNotAuthenticate(String suite, String key, String srtp, String srtcp) {
        byte[] packet = Hex.bytes(srtp);
        assertFalse(transform(suite, key).unprotectRtp(packet, 12, packet.length - 16, RTP_SSRC, RTP_INDEX + 0x10000));
        assertEquals(srtp, Hex.string(packet, 0, packet.length), "a failed unprotect leaves the packet alone");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void anyFlippedBitOfAnSrtpPacketDoesNotAuthenticate(String suite, String key, String srtp, String srtcp) {
        SrtpTransform transform = transform(suite, key);
        byte[] packet = Hex.bytes(srtp);
        for (int bit = 0; bit < packet.length * 8; bit++) {
            packet[bit >>> 3] ^= (byte) (0x80 >>> (bit & 7));
            String tampered = Hex.string(packet, 0, packet.length);
            assertFalse(transform.unprotectRtp(packet, 12, packet.length - 16, RTP_SSRC, RTP_INDEX), "bit " + bit);
            assertEquals(tampered, Hex.string(packet, 0, packet.length), "a failed unprotect leaves the packet alone");
            packet[bit >>> 3] ^= (byte) (0x80 >>> (bit & 7));
        }
        assertTrue(transform.unprotectRtp(packet, 12, packet.length - 16, RTP_SSRC, RTP_INDEX));
    }

    /** The index word is checked as it stands in the packet, whatever the session read from it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void anyFlippedBitOfAnSrtcpPacketDoesNotAuthenticate(String suite, String key, String srtp, String srtcp) {
        SrtpTransform transform = transform(suite, key);
        byte[] packet = Hex.bytes(srtcp);
        int length = packet.length - 20;
        for (int bit = 0; bit < packet.length * 8; bit++) {
            packet[bit >>> 3] ^= (byte) (0x80 >>> (bit & 7));
            String tampered = Hex.string(packet, 0, packet.length);
            assertFalse(transform.unprotectRtcp(packet, length, RTCP_SSRC, 0x80000000 | RTCP_INDEX, true), "bit " + bit);
            assertEquals(tampered, Hex.string(packet, 0, packet.length), "a failed unprotect leaves the packet alone");
            packet[bit >>> 3] ^= (byte) (0x80 >>> (bit & 7));
        }
        assertTrue(transform.unprotectRtcp(packet, length, RTCP_SSRC, 0x80000000 | RTCP_INDEX, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void anUnencryptedSrtcpPacketIsAuthenticatedWhole(String suite, String key, String srtp, String srtcp)
            throws GeneralSecurityException {
        byte[] clear = Hex.bytes(RTCP);
        byte[] packet = Arrays.copyOf(clear, clear.length + 20);
        byte[] expected = jceTagOnly(key, clear, RTCP_INDEX);
        System.arraycopy(expected, 0, packet, clear.length, 16);
        SrtpTransform.putInt(packet, clear.length + 16, RTCP_INDEX);
        assertTrue(transform(suite, key).unprotectRtcp(packet, clear.length, RTCP_SSRC, RTCP_INDEX, false));
        assertEquals(RTCP, Hex.string(packet, 0, clear.length), "the payload stays clear");
        packet[20] ^= 1;
        assertFalse(transform(suite, key).unprotectRtcp(packet, clear.length, RTCP_SSRC, RTCP_INDEX, false));
    }

    /** The tag of RFC 7714 §9.2 for an SRTCP packet sent with E clear: the whole packet and index are associated data. */
    private static byte[] jceTagOnly(String key, byte[] rtcp, int index) throws GeneralSecurityException {
        byte[] iv = new byte[12];
        SrtpTransform.iv(iv, SALT, 2, RTCP_SSRC, index);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Hex.bytes(key), "AES"), new GCMParameterSpec(128, iv));
        gcm.updateAAD(rtcp);
        byte[] indexWord = new byte[4];
        SrtpTransform.putInt(indexWord, 0, index);
        gcm.updateAAD(indexWord);
        return gcm.doFinal();
    }
}
