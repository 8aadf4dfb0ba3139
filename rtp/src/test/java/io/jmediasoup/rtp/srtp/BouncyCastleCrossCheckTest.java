package io.jmediasoup.rtp.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One AES_CM_128_HMAC_SHA1_80 packet computed a second time with BouncyCastle's lightweight
 * AES, CTR mode and HMAC, written from RFC 3711 §4 alone, and compared byte for byte.
 */
class BouncyCastleCrossCheckTest {
    private static final byte[] MASTER_KEY = Hex.bytes("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static final byte[] MASTER_SALT = Hex.bytes("0EC675AD498AFEEBB6960B3AABE6");

    /** The PRF of §4.3.3: AES-CTR under the master key from (salt XOR label << 48) << 16. */
    private static byte[] derive(int label, int length) {
        byte[] iv = new byte[16];
        System.arraycopy(MASTER_SALT, 0, iv, 0, 14);
        iv[7] ^= (byte) label;
        return ctr(MASTER_KEY, iv, new byte[length]);
    }

    private static byte[] ctr(byte[] key, byte[] iv, byte[] data) {
        SICBlockCipher ctr = new SICBlockCipher(AESEngine.newInstance());
        ctr.init(true, new ParametersWithIV(new KeyParameter(key), iv));
        byte[] out = new byte[data.length];
        ctr.processBytes(data, 0, data.length, out, 0);
        return out;
    }

    /** On a direct buffer (OpenSSL, where loaded) and on the heap (Java). */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void protectedPacketIsWhatBouncyCastleComputes(boolean direct) {
        long roc = 1;
        int seq = 0x0102;
        byte[] clear = SrtpSessionTest.rtp(seq, 1200);
        int headerLength = 28;
        long ssrc = 0x1234ABCDL;

        byte[] sessionKey = derive(0, 16);
        byte[] sessionSalt = derive(2, 14);
        byte[] authKey = derive(1, 20);
        byte[] iv = new byte[16];
        System.arraycopy(sessionSalt, 0, iv, 0, 14);
        for (int i = 0; i < 4; i++) {
            iv[4 + i] ^= (byte) (ssrc >>> (24 - 8 * i));
        }
        long index = roc << 16 | seq;
        for (int i = 0; i < 6; i++) {
            iv[8 + i] ^= (byte) (index >>> (40 - 8 * i));
        }
        byte[] expected = Arrays.copyOf(clear, clear.length + 10);
        byte[] payload = ctr(sessionKey, iv, Arrays.copyOfRange(clear, headerLength, clear.length));
        System.arraycopy(payload, 0, expected, headerLength, payload.length);
        HMac hmac = new HMac(new SHA1Digest());
        hmac.init(new KeyParameter(authKey));
        hmac.update(expected, 0, clear.length);
        hmac.update(new byte[] {0, 0, 0, (byte) roc}, 0, 4);
        byte[] tag = new byte[20];
        hmac.doFinal(tag, 0);
        System.arraycopy(tag, 0, expected, clear.length, 10);

        byte[] material = new byte[30];
        System.arraycopy(MASTER_KEY, 0, material, 0, 16);
        System.arraycopy(MASTER_SALT, 0, material, 16, 14);
        SrtpSession session = SrtpSession.outbound(SrtpProfile.AES_CM_128_HMAC_SHA1_80, material);
        ByteBuf buffer = direct ? PooledByteBufAllocator.DEFAULT.directBuffer(clear.length + 10)
                : PooledByteBufAllocator.DEFAULT.heapBuffer(clear.length + 10);
        try {
            // Walk the sender to ROC 1 by the same path a stream would take.
            for (int s : new int[] {65000, 65535, 1}) {
                buffer.clear().writeBytes(SrtpSessionTest.rtp(s, 10));
                assertTrue(session.protectRtp(buffer));
            }
            buffer.clear().writeBytes(clear);
            assertTrue(session.protectRtp(buffer));
            assertArrayEquals(expected, ByteBufUtil.getBytes(buffer));
        } finally {
            buffer.release();
        }
    }
}
