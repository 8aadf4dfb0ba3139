package io.jmediasoup.rtp.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our AEAD transform against the one over the JCE's AES/GCM cipher, on random packets of many
 * sizes with keys derived as a session does: the same protected bytes both ways, and each
 * unprotects what the other protected.
 */
class AesGcmTransformCrossCheckTest {
    private static final int CAPACITY = 256;

    private static SessionKeys keys(SrtpProfile profile, Random random) {
        byte[] material = new byte[profile.keyingMaterialLength()];
        random.nextBytes(material);
        return SessionKeys.derive(profile, material);
    }

    /** Payload lengths 0 to 300, then some beyond the initial capacity. */
    private static int[] lengths(Random random) {
        int[] lengths = new int[320];
        for (int i = 0; i < 301; i++) {
            lengths[i] = i;
        }
        for (int i = 301; i < lengths.length; i++) {
            lengths[i] = CAPACITY + random.nextInt(1500);
        }
        return lengths;
    }

    @ParameterizedTest
    @EnumSource(value = SrtpProfile.class, names = {"AEAD_AES_128_GCM", "AEAD_AES_256_GCM"})
    void srtpAgreesWithTheJce(SrtpProfile profile) {
        Random random = new Random(profile.ordinal());
        SessionKeys keys = keys(profile, random);
        AesGcmTransform ours = new AesGcmTransform(keys, CAPACITY);
        JceAesGcmTransform jce = new JceAesGcmTransform(keys, CAPACITY);
        for (int payloadLength : lengths(random)) {
            int headerLength = 12 + 4 * random.nextInt(6);
            byte[] clear = new byte[headerLength + payloadLength];
            random.nextBytes(clear);
            long ssrc = random.nextInt() & 0xFFFFFFFFL;
            long index = random.nextLong() & 0xFFFFFFFFFFFFL;
            int length = clear.length;

            byte[] byOurs = Arrays.copyOf(clear, length + 16);
            byte[] byJce = byOurs.clone();
            ours.protectRtp(byOurs, headerLength, length, ssrc, index);
            jce.protectRtp(byJce, headerLength, length, ssrc, index);
            assertArrayEquals(byJce, byOurs, "payload " + payloadLength);

            assertTrue(jce.unprotectRtp(byOurs, headerLength, length, ssrc, index));
            assertArrayEquals(clear, Arrays.copyOf(byOurs, length));
            assertTrue(ours.unprotectRtp(byJce, headerLength, length, ssrc, index));
            assertArrayEquals(clear, Arrays.copyOf(byJce, length));
        }
    }

    @ParameterizedTest
    @EnumSource(value = SrtpProfile.class, names = {"AEAD_AES_128_GCM", "AEAD_AES_256_GCM"})
    void srtcpAgreesWithTheJce(SrtpProfile profile) {
        Random random = new Random(profile.ordinal() + 100);
        SessionKeys keys = keys(profile, random);
        AesGcmTransform ours = new AesGcmTransform(keys, CAPACITY);
        JceAesGcmTransform jce = new JceAesGcmTransform(keys, CAPACITY);
        for (int payloadLength : lengths(random)) {
            byte[] clear = new byte[8 + payloadLength];
            random.nextBytes(clear);
            long ssrc = random.nextInt() & 0xFFFFFFFFL;
            int index = random.nextInt() & SrtpStream.MAX_SRTCP_INDEX;
            int length = clear.length;

            byte[] byOurs = Arrays.copyOf(clear, length + 20);
            byte[] byJce = byOurs.clone();
            ours.protectRtcp(byOurs, length, ssrc, index);
            jce.protectRtcp(byJce, length, ssrc, index);
            assertArrayEquals(byJce, byOurs, "payload " + payloadLength);

            int indexWord = 0x80000000 | index;
            assertTrue(jce.unprotectRtcp(byOurs, length, ssrc, indexWord, true));
            assertArrayEquals(clear, Arrays.copyOf(byOurs, length));
            assertTrue(ours.unprotectRtcp(byJce, length, ssrc, indexWord, true));
            assertArrayEquals(clear, Arrays.copyOf(byJce, length));
        }
    }
}
