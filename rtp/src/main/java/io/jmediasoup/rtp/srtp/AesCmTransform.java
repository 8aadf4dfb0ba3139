package io.jmediasoup.rtp.srtp;

/**
 * AES_CM_128_HMAC_SHA1_80 and _32 (RFC 3711): AES-CM encryption, then an HMAC-SHA1 tag over
 * the packet and, for SRTP, the ROC; for SRTCP over the packet and the E flag + index.
 */
final class AesCmTransform implements SrtpTransform {
    private static final int RTCP_HEADER_SIZE = 8;

    private final int rtpTagLength;
    private final int rtcpTagLength;
    private final AesCmKeystream rtpKeystream;
    private final AesCmKeystream rtcpKeystream;
    private final HmacSha1 rtpAuth;
    private final HmacSha1 rtcpAuth;
    private final byte[] rtpSalt;
    private final byte[] rtcpSalt;
    private final byte[] iv = new byte[AesCmKeystream.IV_LENGTH];
    private final byte[] mac = new byte[HmacSha1.LENGTH];

    AesCmTransform(SrtpProfile profile, SessionKeys keys, int capacity) {
        rtpTagLength = profile.rtpAuthTagLength();
        rtcpTagLength = profile.rtcpAuthTagLength();
        rtpKeystream = new AesCmKeystream(keys.rtpKey(), capacity);
        rtcpKeystream = new AesCmKeystream(keys.rtcpKey(), capacity);
        rtpAuth = new HmacSha1(keys.rtpAuthKey());
        rtcpAuth = new HmacSha1(keys.rtcpAuthKey());
        rtpSalt = keys.rtpSalt().clone();
        rtcpSalt = keys.rtcpSalt().clone();
    }

    @Override
    public void protectRtp(byte[] packet, int headerLength, int length, long ssrc, long index) {
        SrtpTransform.iv(iv, rtpSalt, 4, ssrc, index);
        rtpKeystream.apply(iv, packet, headerLength, length - headerLength);
        rtpTag(packet, length, index);
        System.arraycopy(mac, 0, packet, length, rtpTagLength);
    }

    @Override
    public boolean unprotectRtp(byte[] packet, int headerLength, int length, long ssrc, long index) {
        rtpTag(packet, length, index);
        if (!Tags.equal(mac, packet, length, rtpTagLength)) {
            return false;
        }
        SrtpTransform.iv(iv, rtpSalt, 4, ssrc, index);
        rtpKeystream.apply(iv, packet, headerLength, length - headerLength);
        return true;
    }

    private void rtpTag(byte[] packet, int length, long index) {
        rtpAuth.update(packet, 0, length);
        rtpAuth.updateInt(index >>> 16);
        rtpAuth.finish(mac, 0);
    }

    @Override
    public void protectRtcp(byte[] packet, int length, long ssrc, int index) {
        SrtpTransform.iv(iv, rtcpSalt, 4, ssrc, index);
        rtcpKeystream.apply(iv, packet, RTCP_HEADER_SIZE, length - RTCP_HEADER_SIZE);
        SrtpTransform.putInt(packet, length, 0x80000000 | index);
        rtcpAuth.update(packet, 0, length + SrtpProfile.SRTCP_INDEX_LENGTH);
        rtcpAuth.finish(mac, 0);
        System.arraycopy(mac, 0, packet, length + SrtpProfile.SRTCP_INDEX_LENGTH, rtcpTagLength);
    }

    @Override
    public boolean unprotectRtcp(byte[] packet, int length, long ssrc, int indexWord, boolean encrypted) {
        rtcpAuth.update(packet, 0, length + SrtpProfile.SRTCP_INDEX_LENGTH);
        rtcpAuth.finish(mac, 0);
        if (!Tags.equal(mac, packet, length + SrtpProfile.SRTCP_INDEX_LENGTH, rtcpTagLength)) {
            return false;
        }
        if (encrypted) {
            SrtpTransform.iv(iv, rtcpSalt, 4, ssrc, indexWord & SrtpStream.MAX_SRTCP_INDEX);
            rtcpKeystream.apply(iv, packet, RTCP_HEADER_SIZE, length - RTCP_HEADER_SIZE);
        }
        return true;
    }

    @Override
    public int rtcpIndexOffset(int length) {
        return length;
    }
}
