package io.jmediasoup.rtp.srtp;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * The OpenSSL engine seen as an array {@link SrtpTransform}, so the transform tests run the
 * same vectors on every engine: each call copies the array into a direct buffer and back.
 * {@code ipsecMb} runs AES on ipsec-mb, else on OpenSSL's EVP.
 */
final class OpenSslEngine implements SrtpTransform {
    private final OpenSslTransform openssl;
    private final SrtpTransform layout;

    OpenSslEngine(SrtpProfile profile, SessionKeys keys, boolean ipsecMb) {
        openssl = new OpenSslTransform(profile, keys, ipsecMb);
        layout = profile.isAead() ? new AesGcmTransform(keys, 64) : new AesCmTransform(profile, keys, 64);
    }

    /**
     * Skips a test where the build had nothing to compile the shim with (no resource in the
     * classes), and fails it where the shim is there but does not load.
     */
    static void assumeLoaded() {
        String reason = OpenSslLibrary.unavailableReason();
        assumeTrue(reason == null || !reason.startsWith("no "), "the build made no OpenSSL shim: " + reason);
        assertNull(reason, "the OpenSSL shim does not load");
        assumeTrue(OpenSslLibrary.available(), "OpenSSL turned off by -D" + OpenSslLibrary.PROPERTY);
    }

    /** Skips a test where the shim was built without ipsec-mb or this CPU has no variant of it. */
    static void assumeIpsecMb() {
        assumeLoaded();
        assumeTrue(OpenSslTransform.ipsecMbLibrary() != null, "the OpenSSL shim runs AES on EVP only");
    }

    boolean usesIpsecMb() {
        return openssl.usesIpsecMb();
    }

    private interface Call {
        boolean on(long address);
    }

    private static boolean run(byte[] packet, Call call) {
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(packet.length);
        try {
            buffer.writeBytes(packet);
            boolean result = call.on(buffer.memoryAddress());
            buffer.getBytes(0, packet);
            return result;
        } finally {
            buffer.release();
        }
    }

    @Override
    public void protectRtp(byte[] packet, int headerLength, int length, long ssrc, long index) {
        run(packet, address -> openssl.protectRtp(address, headerLength, length, (int) ssrc, index));
    }

    @Override
    public boolean unprotectRtp(byte[] packet, int headerLength, int length, long ssrc, long index) {
        return run(packet, address -> openssl.unprotectRtp(address, headerLength, length, (int) ssrc, index));
    }

    @Override
    public void protectRtcp(byte[] packet, int length, long ssrc, int index) {
        run(packet, address -> openssl.protectRtcp(address, length, (int) ssrc, index));
    }

    /** The OpenSSL side reads the E flag from {@code indexWord}, as the session passes it as found. */
    @Override
    public boolean unprotectRtcp(byte[] packet, int length, long ssrc, int indexWord, boolean encrypted) {
        int word = encrypted ? indexWord | 0x80000000 : indexWord & SrtpStream.MAX_SRTCP_INDEX;
        return run(packet, address -> openssl.unprotectRtcp(address, length, (int) ssrc, word));
    }

    @Override
    public int rtcpIndexOffset(int length) {
        return layout.rtcpIndexOffset(length);
    }
}
