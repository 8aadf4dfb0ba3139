package io.jmediasoup.rtp.srtp;

import io.netty.buffer.ByteBuf;
import io.netty.util.collection.IntObjectHashMap;

/**
 * One direction of SRTP/SRTCP (RFC 3711, RFC 7714) under one master key, as the C++ worker's
 * SrtpSession: an outbound session protects what we send, an inbound one unprotects what we
 * receive, each keeping per-SSRC state (ROC, replay list, SRTCP index) for any SSRC.
 *
 * <p>Packets are the readable bytes of a buffer and are rewritten in place: protecting appends
 * the trailer after the writer index (the caller keeps {@link SrtpProfile#maxTrailerLength()}
 * bytes writable, or the buffer must be able to grow), unprotecting removes it. A packet that
 * is malformed, replayed or does not authenticate makes the method return false, with
 * {@link #lastFailure()} saying why; nothing is thrown and, on an inbound session, no state
 * changes. One thread at a time: the session reuses its arrays and ciphers packet after packet.
 */
public final class SrtpSession {
    /** Why a packet was refused, in the words the C++ worker logs libsrtp's errors with. */
    public static final String BAD_PARAM = "unsupported parameter (srtp_err_status_bad_param)";
    public static final String AUTH_FAIL = "authentication failure (srtp_err_status_auth_fail)";
    public static final String REPLAY_FAIL = "replay check failed (bad index) (srtp_err_status_replay_fail)";
    public static final String REPLAY_OLD = "replay check failed (index too old) (srtp_err_status_replay_old)";

    private static final int RTP_HEADER_SIZE = 12;
    private static final int RTCP_HEADER_SIZE = 8;
    /** Larger than any datagram the worker reads; bigger packets grow the arrays once. */
    private static final int INITIAL_CAPACITY = 2048;

    private final SrtpProfile profile;
    private final boolean inbound;
    private final SrtpTransform transform;
    private final IntObjectHashMap<SrtpStream> streams = new IntObjectHashMap<>();
    /** The state an inbound SSRC not seen before starts from; kept only once a packet authenticates. */
    private SrtpStream candidate = new SrtpStream();
    /** The packet being worked on: the JCE is fastest and allocation-free on heap arrays. */
    private byte[] work = new byte[INITIAL_CAPACITY];
    private String lastFailure = "";

    private SrtpSession(SrtpProfile profile, byte[] keyingMaterial, boolean inbound) {
        this.profile = profile;
        this.inbound = inbound;
        SessionKeys keys = SessionKeys.derive(profile, keyingMaterial);
        transform = profile.isAead()
                ? new AesGcmTransform(keys, INITIAL_CAPACITY)
                : new AesCmTransform(profile, keys, INITIAL_CAPACITY);
    }

    /** A session that unprotects packets keyed by {@code keyingMaterial} (master key, then master salt). */
    public static SrtpSession inbound(SrtpProfile profile, byte[] keyingMaterial) {
        return new SrtpSession(profile, keyingMaterial, true);
    }

    /** A session that protects packets with {@code keyingMaterial} (master key, then master salt). */
    public static SrtpSession outbound(SrtpProfile profile, byte[] keyingMaterial) {
        return new SrtpSession(profile, keyingMaterial, false);
    }

    public SrtpProfile profile() {
        return profile;
    }

    /** Why the last call that returned false failed: one of the constants above. */
    public String lastFailure() {
        return lastFailure;
    }

    /** Forgets an SSRC's state, as when its stream closes (libsrtp's srtp_remove_stream). */
    public void removeStream(long ssrc) {
        streams.remove((int) ssrc);
    }

    /** Encrypts the RTP packet in {@code packet} and appends its tag. */
    public boolean protectRtp(ByteBuf packet) {
        requireDirection(false);
        int start = packet.readerIndex();
        int length = packet.readableBytes();
        int tagLength = profile.rtpAuthTagLength();
        if (!load(packet, length, tagLength)) {
            return false;
        }
        int headerLength = rtpHeaderLength(length);
        if (headerLength < 0) {
            return fail(BAD_PARAM);
        }
        int ssrc = readInt(work, 8);
        int seq = (work[2] & 0xFF) << 8 | work[3] & 0xFF;
        SrtpStream stream = streams.get(ssrc);
        if (stream == null) {
            stream = new SrtpStream();
            streams.put(ssrc, stream);
        }
        long index = stream.estimateRtpIndex(seq);
        if (index < 0) {
            return fail(REPLAY_OLD);
        }
        // A sender may resend an index (retransmission without RTX), as with libsrtp's allow_repeat_tx.
        stream.rtpWindow.accept(index);
        transform.protectRtp(work, headerLength, length, ssrc & 0xFFFFFFFFL, index);
        packet.setBytes(start + headerLength, work, headerLength, length - headerLength + tagLength);
        packet.writerIndex(start + length + tagLength);
        return true;
    }

    /** Authenticates and decrypts the SRTP packet in {@code packet}, removing its tag. */
    public boolean unprotectRtp(ByteBuf packet) {
        requireDirection(true);
        int start = packet.readerIndex();
        int tagLength = profile.rtpAuthTagLength();
        int length = packet.readableBytes() - tagLength;
        if (length < RTP_HEADER_SIZE) {
            return fail(BAD_PARAM);
        }
        load(packet, length + tagLength, 0);
        int headerLength = rtpHeaderLength(length);
        if (headerLength < 0) {
            return fail(BAD_PARAM);
        }
        int ssrc = readInt(work, 8);
        int seq = (work[2] & 0xFF) << 8 | work[3] & 0xFF;
        SrtpStream stream = streams.get(ssrc);
        boolean known = stream != null;
        if (!known) {
            stream = candidate;
        }
        long index = stream.estimateRtpIndex(seq);
        if (index < 0 || stream.rtpWindow.isTooOld(index)) {
            return fail(REPLAY_OLD);
        }
        if (!stream.rtpWindow.check(index)) {
            return fail(REPLAY_FAIL);
        }
        if (!transform.unprotectRtp(work, headerLength, length, ssrc & 0xFFFFFFFFL, index)) {
            return fail(AUTH_FAIL);
        }
        stream.rtpWindow.accept(index);
        if (!known) {
            streams.put(ssrc, stream);
            candidate = new SrtpStream();
        }
        packet.setBytes(start + headerLength, work, headerLength, length - headerLength);
        packet.writerIndex(start + length);
        return true;
    }

    /** Encrypts the RTCP (compound) packet in {@code packet} and appends the SRTCP index and tag. */
    public boolean protectRtcp(ByteBuf packet) {
        requireDirection(false);
        int start = packet.readerIndex();
        int length = packet.readableBytes();
        int trailerLength = profile.rtcpTrailerLength();
        if (length < RTCP_HEADER_SIZE) {
            return fail(BAD_PARAM);
        }
        if (!load(packet, length, trailerLength)) {
            return false;
        }
        int ssrc = readInt(work, 4);
        SrtpStream stream = streams.get(ssrc);
        if (stream == null) {
            stream = new SrtpStream();
            streams.put(ssrc, stream);
        }
        transform.protectRtcp(work, length, ssrc & 0xFFFFFFFFL, stream.nextSrtcpIndex());
        packet.setBytes(start + RTCP_HEADER_SIZE, work, RTCP_HEADER_SIZE, length - RTCP_HEADER_SIZE + trailerLength);
        packet.writerIndex(start + length + trailerLength);
        return true;
    }

    /** Authenticates and (unless its E flag is clear) decrypts the SRTCP packet in {@code packet}, removing its trailer. */
    public boolean unprotectRtcp(ByteBuf packet) {
        requireDirection(true);
        int start = packet.readerIndex();
        int length = packet.readableBytes() - profile.rtcpTrailerLength();
        if (length < RTCP_HEADER_SIZE) {
            return fail(BAD_PARAM);
        }
        load(packet, packet.readableBytes(), 0);
        int ssrc = readInt(work, 4);
        int indexWord = readInt(work, transform.rtcpIndexOffset(length));
        int index = indexWord & SrtpStream.MAX_SRTCP_INDEX;
        SrtpStream stream = streams.get(ssrc);
        boolean known = stream != null;
        if (!known) {
            stream = candidate;
        }
        if (stream.rtcpWindow.isTooOld(index)) {
            return fail(REPLAY_OLD);
        }
        if (!stream.rtcpWindow.check(index)) {
            return fail(REPLAY_FAIL);
        }
        if (!transform.unprotectRtcp(work, length, ssrc & 0xFFFFFFFFL, indexWord, indexWord < 0)) {
            return fail(AUTH_FAIL);
        }
        stream.rtcpWindow.accept(index);
        if (!known) {
            streams.put(ssrc, stream);
            candidate = new SrtpStream();
        }
        packet.setBytes(start + RTCP_HEADER_SIZE, work, RTCP_HEADER_SIZE, length - RTCP_HEADER_SIZE);
        packet.writerIndex(start + length);
        return true;
    }

    /**
     * Copies {@code length} readable bytes into the work array, making room for {@code trailer}
     * more there and, when protecting, in the buffer; false if the buffer cannot grow enough.
     */
    private boolean load(ByteBuf packet, int length, int trailer) {
        if (trailer > 0 && packet.writableBytes() < trailer && packet.ensureWritable(trailer, false) == 1) {
            return fail(BAD_PARAM);
        }
        if (work.length < length + trailer) {
            work = new byte[length + trailer];
        }
        packet.getBytes(packet.readerIndex(), work, 0, length);
        return true;
    }

    /** The length of the RTP header in the work array (fixed part, CSRCs, extension), or -1. */
    private int rtpHeaderLength(int length) {
        if (length < RTP_HEADER_SIZE || (work[0] & 0xC0) != 0x80) {
            return -1;
        }
        int headerLength = RTP_HEADER_SIZE + 4 * (work[0] & 0x0F);
        if ((work[0] & 0x10) != 0) {
            if (headerLength + 4 > length) {
                return -1;
            }
            headerLength += 4 + 4 * ((work[headerLength + 2] & 0xFF) << 8 | work[headerLength + 3] & 0xFF);
        }
        return headerLength <= length ? headerLength : -1;
    }

    private static int readInt(byte[] array, int offset) {
        return (array[offset] & 0xFF) << 24 | (array[offset + 1] & 0xFF) << 16
                | (array[offset + 2] & 0xFF) << 8 | array[offset + 3] & 0xFF;
    }

    private boolean fail(String reason) {
        lastFailure = reason;
        return false;
    }

    private void requireDirection(boolean unprotecting) {
        if (unprotecting != inbound) {
            throw new IllegalStateException("an " + (inbound ? "inbound" : "outbound") + " SRTP session cannot "
                    + (unprotecting ? "unprotect" : "protect"));
        }
    }
}
