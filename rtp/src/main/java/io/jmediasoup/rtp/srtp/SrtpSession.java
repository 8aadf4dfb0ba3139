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
 * bytes writable, or the buffer must be able to grow), unprotecting removes it. Protecting can
 * also write into another buffer, leaving the packet as it was. A packet that is malformed,
 * replayed or does not authenticate makes the method return false, with {@link #lastFailure()}
 * saying why; no packet makes it throw and, on an inbound session, such a packet changes no
 * state. One thread at a time: the session reuses its arrays and ciphers packet after packet.
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
        return protectRtp(packet, null);
    }

    /**
     * Writes the SRTP packet of the RTP packet in {@code source} at {@code destination}'s writer
     * index, leaving {@code source} as it was: for a packet that goes on to other consumers.
     */
    public boolean protectRtp(ByteBuf source, ByteBuf destination) {
        requireProtecting(source, destination);
        int length = source.readableBytes();
        int tagLength = profile.rtpAuthTagLength();
        if (!load(source, length, destination == null ? tagLength : 0, tagLength)) {
            return false;
        }
        int headerLength = rtpHeaderLength(length);
        if (headerLength < 0) {
            return fail(BAD_PARAM);
        }
        int ssrc = readInt(work, 8);
        int seq = (work[2] & 0xFF) << 8 | work[3] & 0xFF;
        SrtpStream stream = sendingStream(ssrc);
        long index = stream.estimateRtpIndex(seq);
        if (index < 0) {
            return fail(REPLAY_OLD);
        }
        // A sender may resend an index (retransmission without RTX), as with libsrtp's allow_repeat_tx.
        stream.rtpWindow.accept(index);
        transform.protectRtp(work, headerLength, length, ssrc & 0xFFFFFFFFL, index);
        store(source, destination, headerLength, length + tagLength);
        return true;
    }

    /** Authenticates and decrypts the SRTP packet in {@code packet}, removing its tag. */
    public boolean unprotectRtp(ByteBuf packet) {
        requireDirection(true);
        int tagLength = profile.rtpAuthTagLength();
        int length = packet.readableBytes() - tagLength;
        if (length < RTP_HEADER_SIZE) {
            return fail(BAD_PARAM);
        }
        load(packet, length + tagLength, 0, 0);
        int headerLength = rtpHeaderLength(length);
        if (headerLength < 0) {
            return fail(BAD_PARAM);
        }
        int ssrc = readInt(work, 8);
        int seq = (work[2] & 0xFF) << 8 | work[3] & 0xFF;
        SrtpStream stream = receivingStream(ssrc);
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
        adopt(ssrc, stream);
        store(packet, null, headerLength, length);
        return true;
    }

    /** Encrypts the RTCP (compound) packet in {@code packet} and appends the SRTCP index and tag. */
    public boolean protectRtcp(ByteBuf packet) {
        return protectRtcp(packet, null);
    }

    /** As {@link #protectRtp(ByteBuf, ByteBuf)}, for an RTCP (compound) packet. */
    public boolean protectRtcp(ByteBuf source, ByteBuf destination) {
        requireProtecting(source, destination);
        int length = source.readableBytes();
        int trailerLength = profile.rtcpTrailerLength();
        if (length < RTCP_HEADER_SIZE) {
            return fail(BAD_PARAM);
        }
        if (!load(source, length, destination == null ? trailerLength : 0, trailerLength)) {
            return false;
        }
        int ssrc = readInt(work, 4);
        SrtpStream stream = sendingStream(ssrc);
        transform.protectRtcp(work, length, ssrc & 0xFFFFFFFFL, stream.nextSrtcpIndex());
        store(source, destination, RTCP_HEADER_SIZE, length + trailerLength);
        return true;
    }

    /** Authenticates and (unless its E flag is clear) decrypts the SRTCP packet in {@code packet}, removing its trailer. */
    public boolean unprotectRtcp(ByteBuf packet) {
        requireDirection(true);
        int length = packet.readableBytes() - profile.rtcpTrailerLength();
        if (length < RTCP_HEADER_SIZE) {
            return fail(BAD_PARAM);
        }
        load(packet, packet.readableBytes(), 0, 0);
        int ssrc = readInt(work, 4);
        int indexWord = readInt(work, transform.rtcpIndexOffset(length));
        int index = indexWord & SrtpStream.MAX_SRTCP_INDEX;
        SrtpStream stream = receivingStream(ssrc);
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
        adopt(ssrc, stream);
        store(packet, null, RTCP_HEADER_SIZE, length);
        return true;
    }

    /** Protecting writes into another buffer (or appends in place when none is given) and needs an outbound session. */
    private void requireProtecting(ByteBuf source, ByteBuf destination) {
        if (source == destination) {
            throw new IllegalArgumentException("protecting in place takes one buffer");
        }
        requireDirection(false);
    }

    /** The SSRC's state on the sending side, made on its first packet (get then put: no boxing, no lambda per packet). */
    private SrtpStream sendingStream(int ssrc) {
        SrtpStream stream = streams.get(ssrc);
        if (stream == null) {
            stream = new SrtpStream();
            streams.put(ssrc, stream);
        }
        return stream;
    }

    /** The SSRC's state on the receiving side; for an unknown SSRC, a candidate kept only once a packet authenticates ({@link #adopt}). */
    private SrtpStream receivingStream(int ssrc) {
        SrtpStream stream = streams.get(ssrc);
        return stream != null ? stream : candidate;
    }

    /** A packet of {@code stream} authenticated: a candidate becomes the SSRC's state. */
    private void adopt(int ssrc, SrtpStream stream) {
        if (stream == candidate) {
            streams.put(ssrc, stream);
            candidate = new SrtpStream();
        }
    }

    /**
     * Copies {@code length} readable bytes of {@code packet} into the work array, keeping
     * {@code trailer} more bytes there; false if {@code packet} cannot grow by {@code room}.
     */
    private boolean load(ByteBuf packet, int length, int room, int trailer) {
        if (room > 0 && packet.writableBytes() < room && packet.ensureWritable(room, false) == 1) {
            return fail(BAD_PARAM);
        }
        if (work.length < length + trailer) {
            work = new byte[length + trailer];
        }
        // readBytes, unlike getBytes, copies through the buffer's cached NIO view: no allocation
        // even where Netty runs without Unsafe (JDK 24 and later).
        int start = packet.readerIndex();
        packet.readBytes(work, 0, length);
        packet.readerIndex(start);
        return true;
    }

    /**
     * Puts the processed packet, {@code length} bytes of which the first {@code from} are
     * unchanged, back in {@code packet}, or after what {@code destination} holds.
     */
    private void store(ByteBuf packet, ByteBuf destination, int from, int length) {
        if (destination != null) {
            destination.writeBytes(work, 0, length);
            return;
        }
        int start = packet.readerIndex();
        packet.setBytes(start + from, work, from, length - from);
        packet.writerIndex(start + length);
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
