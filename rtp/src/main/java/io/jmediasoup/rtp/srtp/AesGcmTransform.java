package io.jmediasoup.rtp.srtp;

/**
 * AEAD_AES_128_GCM and AEAD_AES_256_GCM (RFC 7714): the RTP header, or the first 8 bytes of
 * RTCP with the E flag + SRTCP index, is the associated data; the 16-byte tag follows the
 * ciphertext, and in SRTCP comes before the index. Nothing is allocated per packet (see
 * {@link AesGcm}), and a packet may be protected twice under one index, as a retransmission
 * without RTX is (libsrtp's allow_repeat_tx).
 */
final class AesGcmTransform implements SrtpTransform {
    private static final int TAG_LENGTH = AesGcm.TAG_LENGTH;
    private static final int RTCP_HEADER_SIZE = 8;

    private final AesGcm rtp;
    private final AesGcm rtcp;
    private final byte[] rtpSalt;
    private final byte[] rtcpSalt;
    private final byte[] iv = new byte[AesGcm.IV_LENGTH];
    private final byte[] indexWord = new byte[SrtpProfile.SRTCP_INDEX_LENGTH];

    AesGcmTransform(SessionKeys keys, int capacity) {
        rtp = new AesGcm(keys.rtpKey(), capacity);
        rtcp = new AesGcm(keys.rtcpKey(), capacity);
        rtpSalt = keys.rtpSalt().clone();
        rtcpSalt = keys.rtcpSalt().clone();
    }

    @Override
    public void protectRtp(byte[] packet, int headerLength, int length, long ssrc, long index) {
        SrtpTransform.iv(iv, rtpSalt, 2, ssrc, index);
        rtp.start(iv);
        rtp.aad(packet, 0, headerLength);
        rtp.encrypt(packet, headerLength, length - headerLength, packet, length);
    }

    @Override
    public boolean unprotectRtp(byte[] packet, int headerLength, int length, long ssrc, long index) {
        SrtpTransform.iv(iv, rtpSalt, 2, ssrc, index);
        rtp.start(iv);
        rtp.aad(packet, 0, headerLength);
        return rtp.decrypt(packet, headerLength, length - headerLength, packet, length);
    }

    @Override
    public void protectRtcp(byte[] packet, int length, long ssrc, int index) {
        SrtpTransform.iv(iv, rtcpSalt, 2, ssrc, index);
        SrtpTransform.putInt(indexWord, 0, 0x80000000 | index);
        rtcp.start(iv);
        rtcp.aad(packet, 0, RTCP_HEADER_SIZE);
        rtcp.aad(indexWord, 0, indexWord.length);
        rtcp.encrypt(packet, RTCP_HEADER_SIZE, length - RTCP_HEADER_SIZE, packet, length);
        System.arraycopy(indexWord, 0, packet, length + TAG_LENGTH, indexWord.length);
    }

    @Override
    public boolean unprotectRtcp(byte[] packet, int length, long ssrc, int indexWord, boolean encrypted) {
        SrtpTransform.iv(iv, rtcpSalt, 2, ssrc, indexWord & SrtpStream.MAX_SRTCP_INDEX);
        int aadLength = encrypted ? RTCP_HEADER_SIZE : length;
        rtcp.start(iv);
        rtcp.aad(packet, 0, aadLength);
        rtcp.aad(packet, length + TAG_LENGTH, SrtpProfile.SRTCP_INDEX_LENGTH);
        return rtcp.decrypt(packet, aadLength, length - aadLength, packet, length);
    }

    @Override
    public int rtcpIndexOffset(int length) {
        return length + TAG_LENGTH;
    }
}
