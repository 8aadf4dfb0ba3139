package io.jmediasoup.rtp.srtp;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;

/**
 * The transforms of a suite (the same layout as {@link AesCmTransform} and
 * {@link AesGcmTransform}) over OpenSSL's libcrypto, on a packet in native memory at
 * {@code address}: one JNI call per packet, nothing copied or allocated. AES-GCM and
 * AES-CTR go through ipsec-mb instead where the shim was built with it, the CPU runs it and
 * {@code ipsecMb} asks for it ({@link #ipsecMbLibrary()}). The caller has checked
 * that the packet and its trailer lie within the buffer at {@code address}; the C side trusts
 * the lengths it is given. The native state is freed when the transform is unreachable, and
 * each call keeps the transform reachable until OpenSSL is done with that state.
 */
final class OpenSslTransform {
    private static final Cleaner CLEANER = Cleaner.create();

    private final long handle;

    OpenSslTransform(SrtpProfile profile, SessionKeys keys, boolean ipsecMb) {
        long created = create(profile.isAead(), ipsecMb, profile.rtpAuthTagLength(), profile.rtcpAuthTagLength(),
                keys.rtpKey(), keys.rtpSalt(), keys.rtpAuthKey(), keys.rtcpKey(), keys.rtcpSalt(), keys.rtcpAuthKey());
        if (created == 0) {
            throw new IllegalStateException("OpenSSL refused the " + profile.mediasoupName() + " keys");
        }
        handle = created;
        CLEANER.register(this, () -> free(created));
    }

    /** Whether this transform's AES runs on ipsec-mb. */
    boolean usesIpsecMb() {
        try {
            return usesIpsecMb(handle);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** As {@link SrtpTransform#protectRtp}; false only if OpenSSL fails. */
    boolean protectRtp(long address, int headerLength, int length, int ssrc, long index) {
        try {
            return protectRtp(handle, address, headerLength, length, ssrc, index);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    boolean unprotectRtp(long address, int headerLength, int length, int ssrc, long index) {
        try {
            return unprotectRtp(handle, address, headerLength, length, ssrc, index);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    boolean protectRtcp(long address, int length, int ssrc, int index) {
        try {
            return protectRtcp(handle, address, length, ssrc, index);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** {@code indexWord} is the E flag and SRTCP index as found in the packet. */
    boolean unprotectRtcp(long address, int length, int ssrc, int indexWord) {
        try {
            return unprotectRtcp(handle, address, length, ssrc, indexWord);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** The library and CPU variant AES runs on when asked for, or null where the shim has only EVP's. */
    static native String ipsecMbLibrary();

    private static native long create(boolean aead, boolean ipsecMb, int rtpTagLength, int rtcpTagLength,
            byte[] rtpKey, byte[] rtpSalt, byte[] rtpAuthKey, byte[] rtcpKey, byte[] rtcpSalt, byte[] rtcpAuthKey);

    private static native void free(long handle);

    private static native boolean usesIpsecMb(long handle);

    private static native boolean protectRtp(long handle, long address, int headerLength, int length, int ssrc,
            long index);

    private static native boolean unprotectRtp(long handle, long address, int headerLength, int length, int ssrc,
            long index);

    private static native boolean protectRtcp(long handle, long address, int length, int ssrc, int index);

    private static native boolean unprotectRtcp(long handle, long address, int length, int ssrc, int indexWord);
}
