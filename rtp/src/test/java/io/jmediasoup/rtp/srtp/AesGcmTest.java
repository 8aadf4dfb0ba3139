package io.jmediasoup.rtp.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** AES-GCM with our GHASH against the GCM specification's test cases and against the JCE's own GCM. */
class AesGcmTest {
    /** Test cases 2, 3, 4, 14, 15 and 16 of McGrew and Viega, "The Galois/Counter Mode of Operation": key, IV, AAD, plaintext, ciphertext, tag. */
    static Stream<Arguments> specification() {
        String p3 = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525"
                + "b16aedf5aa0de657ba637b391aafd255";
        String p4 = p3.substring(0, 120);
        String k128 = "feffe9928665731c6d6a8f9467308308";
        String k256 = k128 + k128;
        String iv = "cafebabefacedbaddecaf888";
        String aad = "feedfacedeadbeeffeedfacedeadbeefabaddad2";
        return Stream.of(
                Arguments.of("00000000000000000000000000000000", "000000000000000000000000", "",
                        "00000000000000000000000000000000", "0388dace60b6a392f328c2b971b2fe78",
                        "ab6e47d42cec13bdf53a67b21257bddf"),
                Arguments.of(k128, iv, "", p3,
                        "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa05"
                                + "1ba30b396a0aac973d58e091473f5985",
                        "4d5c2af327cd64a62cf35abd2ba6fab4"),
                Arguments.of(k128, iv, aad, p4,
                        "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa05"
                                + "1ba30b396a0aac973d58e091",
                        "5bc94fbc3221a5db94fae95ae7121a47"),
                Arguments.of("0000000000000000000000000000000000000000000000000000000000000000", "000000000000000000000000",
                        "", "00000000000000000000000000000000", "cea7403d4d606b6e074ec5d3baf39d18",
                        "d0d1c8a799996bf0265b98b5d48ab919"),
                Arguments.of(k256, iv, "", p3,
                        "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838"
                                + "c5f61e6393ba7a0abcc9f662898015ad",
                        "b094dac5d93471bdec1a502270e3cc6c"),
                Arguments.of(k256, iv, aad, p4,
                        "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838"
                                + "c5f61e6393ba7a0abcc9f662",
                        "76fc6ece0f4e1768cddf8853bb2d551b"));
    }

    @ParameterizedTest
    @MethodSource("specification")
    void matchesTheSpecification(String key, String iv, String aad, String plaintext, String ciphertext, String tag) {
        AesGcm gcm = new AesGcm(Hex.bytes(key), 16);
        byte[] data = Hex.bytes(plaintext);
        byte[] out = new byte[16];
        gcm.start(Hex.bytes(iv));
        gcm.aad(Hex.bytes(aad), 0, aad.length() / 2);
        gcm.encrypt(data, 0, data.length, out, 0);
        assertEquals(ciphertext, Hex.string(data, 0, data.length));
        assertEquals(tag, Hex.string(out, 0, 16));

        gcm.start(Hex.bytes(iv));
        gcm.aad(Hex.bytes(aad), 0, aad.length() / 2);
        assertTrue(gcm.decrypt(data, 0, data.length, out, 0));
        assertEquals(plaintext, Hex.string(data, 0, data.length));
    }

    /**
     * Random keys, IVs, associated data fed in two pieces at random offsets, data of every length
     * to 300 bytes and a few larger than the initial capacity (so the arrays grow): the same bytes
     * and tag as the JCE, and each side opens what the other sealed.
     */
    @ParameterizedTest
    @ValueSource(ints = {16, 32})
    void agreesWithTheJce(int keyLength) throws GeneralSecurityException {
        Random random = new Random(keyLength);
        byte[] key = new byte[keyLength];
        random.nextBytes(key);
        AesGcm gcm = new AesGcm(key, 64);
        Cipher jce = Cipher.getInstance("AES/GCM/NoPadding");
        SecretKeySpec jceKey = new SecretKeySpec(key, "AES");
        int[] lengths = new int[310];
        for (int i = 0; i < 301; i++) {
            lengths[i] = i;
        }
        for (int i = 301; i < lengths.length; i++) {
            lengths[i] = 1000 + random.nextInt(9000);
        }
        for (int length : lengths) {
            byte[] iv = new byte[AesGcm.IV_LENGTH];
            random.nextBytes(iv);
            byte[] aad = new byte[random.nextInt(70)];
            random.nextBytes(aad);
            int split = random.nextInt(aad.length + 1);
            byte[] clear = new byte[length];
            random.nextBytes(clear);
            int offset = random.nextInt(20);
            byte[] packet = new byte[offset + length + 16 + random.nextInt(4)];
            System.arraycopy(clear, 0, packet, offset, length);

            gcm.start(iv);
            gcm.aad(aad, 0, split);
            gcm.aad(aad, split, aad.length - split);
            gcm.encrypt(packet, offset, length, packet, offset + length);
            jce.init(Cipher.ENCRYPT_MODE, jceKey, new GCMParameterSpec(128, iv));
            jce.updateAAD(aad);
            byte[] expected = jce.doFinal(clear);
            assertArrayEquals(expected, Arrays.copyOfRange(packet, offset, offset + length + 16), "length " + length);

            jce.init(Cipher.DECRYPT_MODE, jceKey, new GCMParameterSpec(128, iv));
            jce.updateAAD(aad);
            assertArrayEquals(clear, jce.doFinal(packet, offset, length + 16));

            gcm.start(iv);
            gcm.aad(aad, 0, aad.length);
            assertTrue(gcm.decrypt(packet, offset, length, packet, offset + length));
            assertArrayEquals(clear, Arrays.copyOfRange(packet, offset, offset + length));

            System.arraycopy(expected, 0, packet, offset, expected.length);
            int flipped = random.nextInt((length + 16) * 8);
            packet[offset + (flipped >>> 3)] ^= (byte) (1 << (flipped & 7));
            byte[] tampered = packet.clone();
            gcm.start(iv);
            gcm.aad(aad, 0, aad.length);
            assertFalse(gcm.decrypt(packet, offset, length, packet, offset + length), "bit " + flipped);
            assertArrayEquals(tampered, packet, "a refused message is left alone");
        }
    }
}
