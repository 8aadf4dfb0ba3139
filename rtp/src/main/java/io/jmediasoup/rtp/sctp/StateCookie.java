package io.jmediasoup.rtp.sctp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an INIT ACK's state cookie carries so that the association is only created when it
 * comes back in a COOKIE ECHO (RFC 9260 §5.1.3): both tags and initial TSNs, the peer's window,
 * the negotiated stream counts and extensions (zero checksums among them), and when it was made,
 * under an HMAC-SHA256.
 */
record StateCookie(long myTag, long peerTag, long myInitialTsn, long peerInitialTsn, long peerArwnd,
        int outboundStreams, int inboundStreams, boolean forwardTsn, boolean reconfig, boolean zeroChecksum,
        long createdMs) {
    private static final int BODY_SIZE = 4 * 5 + 2 * 2 + 1 + 8;
    private static final int MAC_SIZE = 32;
    static final int SIZE = BODY_SIZE + MAC_SIZE;

    byte[] seal(byte[] key) {
        ByteBuffer body = ByteBuffer.allocate(SIZE);
        body.putInt((int) myTag).putInt((int) peerTag).putInt((int) myInitialTsn).putInt((int) peerInitialTsn)
                .putInt((int) peerArwnd).putShort((short) outboundStreams).putShort((short) inboundStreams)
                .put((byte) ((forwardTsn ? 1 : 0) | (reconfig ? 2 : 0) | (zeroChecksum ? 4 : 0))).putLong(createdMs);
        body.put(mac(key, body.array()));
        return body.array();
    }

    /** The cookie, or null when it is not one of ours (wrong size or MAC). */
    static StateCookie open(byte[] key, byte[] cookie) {
        if (cookie.length != SIZE) {
            return null;
        }
        byte[] expected = mac(key, cookie);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(cookie, BODY_SIZE, SIZE))) {
            return null;
        }
        ByteBuffer body = ByteBuffer.wrap(cookie);
        long myTag = body.getInt() & 0xFFFFFFFFL;
        long peerTag = body.getInt() & 0xFFFFFFFFL;
        long myTsn = body.getInt() & 0xFFFFFFFFL;
        long peerTsn = body.getInt() & 0xFFFFFFFFL;
        long arwnd = body.getInt() & 0xFFFFFFFFL;
        int os = body.getShort() & 0xFFFF;
        int mis = body.getShort() & 0xFFFF;
        int extensions = body.get();
        return new StateCookie(myTag, peerTag, myTsn, peerTsn, arwnd, os, mis, (extensions & 1) != 0,
                (extensions & 2) != 0, (extensions & 4) != 0, body.getLong());
    }

    private static byte[] mac(byte[] key, byte[] cookie) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(cookie, 0, BODY_SIZE);
            return mac.doFinal();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }
}
