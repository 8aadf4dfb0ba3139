package io.jmediasoup.rtp.dtls;

import io.jmediasoup.rtp.srtp.SrtpProfile;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RFC 5764 §4.2 split of keying material numbered 0, 1, 2, ...: client key, server key,
 * client salt, server salt; each side sends with its own key and salt.
 */
class SrtpKeysTest {
    static Stream<Arguments> splits() {
        return Stream.of(
                Arguments.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80, DtlsRole.CLIENT, range(0, 16, 32, 46), range(16, 32, 46, 60)),
                Arguments.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80, DtlsRole.SERVER, range(16, 32, 46, 60), range(0, 16, 32, 46)),
                Arguments.of(SrtpProfile.AES_CM_128_HMAC_SHA1_32, DtlsRole.CLIENT, range(0, 16, 32, 46), range(16, 32, 46, 60)),
                Arguments.of(SrtpProfile.AEAD_AES_128_GCM, DtlsRole.CLIENT, range(0, 16, 32, 44), range(16, 32, 44, 56)),
                Arguments.of(SrtpProfile.AEAD_AES_128_GCM, DtlsRole.SERVER, range(16, 32, 44, 56), range(0, 16, 32, 44)),
                Arguments.of(SrtpProfile.AEAD_AES_256_GCM, DtlsRole.CLIENT, range(0, 32, 64, 76), range(32, 64, 76, 88)),
                Arguments.of(SrtpProfile.AEAD_AES_256_GCM, DtlsRole.SERVER, range(32, 64, 76, 88), range(0, 32, 64, 76)));
    }

    @ParameterizedTest
    @MethodSource("splits")
    void splitsKeyingMaterialPerRole(SrtpProfile profile, DtlsRole role, byte[] local, byte[] remote) {
        byte[] material = range(0, 2 * profile.keyingMaterialLength(), 0, 0);

        SrtpKeys keys = SrtpKeys.fromKeyingMaterial(profile, material, role);

        assertEquals(profile, keys.profile());
        assertArrayEquals(local, keys.localKeyAndSalt());
        assertArrayEquals(remote, keys.remoteKeyAndSalt());
    }

    @ParameterizedTest
    @MethodSource("splits")
    void refusesMaterialOfTheWrongLength(SrtpProfile profile, DtlsRole role) {
        assertThrows(IllegalArgumentException.class,
                () -> SrtpKeys.fromKeyingMaterial(profile, new byte[2 * profile.keyingMaterialLength() - 1], role));
    }

    /** The bytes keyStart..keyEnd-1 followed by saltStart..saltEnd-1, each byte its own index. */
    private static byte[] range(int keyStart, int keyEnd, int saltStart, int saltEnd) {
        int[] values = IntStream.concat(IntStream.range(keyStart, keyEnd), IntStream.range(saltStart, saltEnd)).toArray();
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
