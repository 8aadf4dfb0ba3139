package io.jmediasoup.rtp.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shim with ipsec-mb against the shim with OpenSSL's EVP on the same packets, every suite,
 * at every payload length around the 16-byte block and the variants' wider strides (up to
 * 8 × 16 bytes, and 48 × 16 with VAES): the same SRTP and SRTCP bytes, each engine opening what
 * the other sealed, a flipped bit refused with the packet left alone.
 */
class IpsecMbCrossCheckTest {
    private static final int MAX_PAYLOAD = 1_600;
    private static final int ROOM = 20;

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void protectsAndUnprotectsAsEvpDoes(SrtpProfile profile) {
        OpenSslEngine.assumeIpsecMb();
        SplittableRandom random = new SplittableRandom(profile.ordinal());
        byte[] material = new byte[profile.keyingMaterialLength()];
        random.nextBytes(material);
        SessionKeys keys = SessionKeys.derive(profile, material);
        OpenSslEngine evp = new OpenSslEngine(profile, keys, false);
        OpenSslEngine fast = new OpenSslEngine(profile, keys, true);
        assertFalse(evp.usesIpsecMb());
        assertTrue(fast.usesIpsecMb());
        for (int payload = 0; payload <= MAX_PAYLOAD; payload += payload < 300 ? 1 : 7) {
            int header = 12 + 4 * random.nextInt(16);
            byte[] clear = new byte[header + payload + ROOM];
            random.nextBytes(clear);
            long ssrc = random.nextInt() & 0xFFFFFFFFL;
            long index = random.nextLong() >>> 16;
            int length = header + payload;

            byte[] byEvp = clear.clone();
            byte[] byFast = clear.clone();
            evp.protectRtp(byEvp, header, length, ssrc, index);
            fast.protectRtp(byFast, header, length, ssrc, index);
            assertArrayEquals(byEvp, byFast, "SRTP with a " + header + "-byte header and " + payload + " bytes");
            assertTrue(fast.unprotectRtp(byEvp, header, length, ssrc, index));
            assertArrayEquals(Arrays.copyOf(clear, length), Arrays.copyOf(byEvp, length));
            byFast[random.nextInt(length + profile.rtpAuthTagLength())] ^= 1;
            byte[] tampered = byFast.clone();
            assertFalse(fast.unprotectRtp(byFast, header, length, ssrc, index));
            assertArrayEquals(tampered, byFast, "a failed unprotect leaves the packet alone");

            int rtcpLength = 8 + payload;
            int srtcpIndex = random.nextInt() & SrtpStream.MAX_SRTCP_INDEX;
            byEvp = Arrays.copyOf(clear, rtcpLength + ROOM);
            byFast = byEvp.clone();
            evp.protectRtcp(byEvp, rtcpLength, ssrc, srtcpIndex);
            fast.protectRtcp(byFast, rtcpLength, ssrc, srtcpIndex);
            assertArrayEquals(byEvp, byFast, "SRTCP with " + payload + " bytes after the first 8");
            assertTrue(evp.unprotectRtcp(byFast, rtcpLength, ssrc, srtcpIndex, true));
            assertTrue(fast.unprotectRtcp(byEvp, rtcpLength, ssrc, srtcpIndex, true));
            assertArrayEquals(byEvp, byFast);
        }
    }
}
