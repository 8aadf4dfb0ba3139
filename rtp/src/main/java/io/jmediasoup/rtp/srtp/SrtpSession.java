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

    public static final String KEY_EXPIRED = "can\u2019t use key any more (srtp_err_status_key_expired)";

    private static final int RTP_HEADER_SIZE = 12;
    private static final int RTCP_HEADER_SIZE = 8;
    /** Larger than any datagram the worker reads; bigger packets grow the arrays once. */
    private static final int INITIAL_CAPACITY = 2048;

    private final SrtpProfile profile;
    private final boolean inbound;
    /** The suite over OpenSSL, for packets in native memory; null where the shim is not loaded. */
    private final OpenSslTransform openssl;
    /** The suite in Java, for packets in heap buffers and where OpenSSL is not loaded. */
    private final SrtpTransform transform;
    private final IntObjectHashMap<SrtpStream> streams = new IntObjectHashMap<>();
    /** The state an inbound SSRC not seen before starts from; kept only once a packet authenticates. */
    private SrtpStream candidate = new SrtpStream();
    /** The packet being worked on by {@link #transform}: the JCE is fastest and allocation-free on heap arrays. */
    private byte[] work = new byte[INITIAL_CAPACITY];
    private String lastFailure = "";

    private SrtpSession(SrtpProfile profile, byte[] keyingMaterial, boolean inbound) {
        this.profile = profile;
        this.inbound = inbound;
        SessionKeys keys = SessionKeys.derive(profile, keyingMaterial);
        openssl = OpenSslLibrary.available() ? new OpenSslTransform(profile, keys, OpenSslLibrary.ipsecMb()) : null;
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

    /** Whether packets in native memory go through OpenSSL (else everything runs in Java). */
    public static boolean usesOpenSsl() {
        return OpenSslLibrary.available();
    }

    /** What AES runs on for packets in native memory: ipsec-mb and its CPU variant, or OpenSSL's EVP. */
    public static String aesLibrary() {
        String fast = OpenSslLibrary.available() && OpenSslLibrary.ipsecMb() ? OpenSslTransform.ipsecMbLibrary() : null;
        return fast != null ? fast : OpenSslLibrary.available() ? "OpenSSL EVP" : "the JCE";
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

    /** Sets the SRTCP index an SSRC last sent, as if that many packets had gone: the key-lifetime limit without 2^31 packets. */
    void startSrtcpAt(long ssrc, int lastIndex) {
        streams.put((int) ssrc, new SrtpStream(lastIndex));
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
        if (destination == null && !makeRoom(source, tagLength)) {
            return fail(BAD_PARAM);
        }
        int start = source.readerIndex();
        int headerLength = rtpHeaderLength(source, start, length);
        if (headerLength < 0) {
            return fail(BAD_PARAM);
        }
        int ssrc = source.getInt(start + 8);
        SrtpStream stream = sendingStream(ssrc);
        long index = stream.estimateRtpIndex(source.getUnsignedShort(start + 2));
        if (index < 0) {
            return fail(REPLAY_OLD);
        }
        if (index > SrtpStream.MAX_RTP_INDEX) {
            return fail(KEY_EXPIRED);
        }
        ByteBuf packet = destination == null ? source : copy(source, length, destination, tagLength);
        int at = destination == null ? start : packet.writerIndex() - length;
        boolean sealed;
        if (openssl != null && packet.hasMemoryAddress()) {
            sealed = openssl.protectRtp(packet.memoryAddress() + at, headerLength, length, ssrc, index);
        } else {
            load(packet, at, length, tagLength);
            transform.protectRtp(work, headerLength, length, ssrc & 0xFFFFFFFFL, index);
            packet.setBytes(at + headerLength, work, headerLength, length + tagLength - headerLength);
            sealed = true;
        }
        if (!sealed) {
            packet.writerIndex(at + (destination == null ? length : 0));
            return fail(BAD_PARAM);
        }
        // A sender may resend an index (retransmission without RTX), as with libsrtp's allow_repeat_tx.
        stream.rtpWindow.accept(index);
        packet.writerIndex(at + length + tagLength);
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
        int start = packet.readerIndex();
        int headerLength = rtpHeaderLength(packet, start, length);
        if (headerLength < 0) {
            return fail(BAD_PARAM);
        }
        int ssrc = packet.getInt(start + 8);
        SrtpStream stream = receivingStream(ssrc);
        long index = stream.estimateRtpIndex(packet.getUnsignedShort(start + 2));
        if (index < 0 || stream.rtpWindow.isTooOld(index)) {
            return fail(REPLAY_OLD);
        }
        if (index > SrtpStream.MAX_RTP_INDEX) {
            return fail(KEY_EXPIRED);
        }
        if (!stream.rtpWindow.check(index)) {
            return fail(REPLAY_FAIL);
        }
        boolean authentic;
        if (openssl != null && packet.hasMemoryAddress()) {
            authentic = openssl.unprotectRtp(packet.memoryAddress() + start, headerLength, length, ssrc, index);
        } else {
            load(packet, start, length + tagLength, 0);
            authentic = transform.unprotectRtp(work, headerLength, length, ssrc & 0xFFFFFFFFL, index);
            if (authentic) {
                packet.setBytes(start + headerLength, work, headerLength, length - headerLength);
            }
        }
        if (!authentic) {
            return fail(AUTH_FAIL);
        }
        stream.rtpWindow.accept(index);
        adopt(ssrc, stream);
        packet.writerIndex(start + length);
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
        if (destination == null && !makeRoom(source, trailerLength)) {
            return fail(BAD_PARAM);
        }
        int start = source.readerIndex();
        int ssrc = source.getInt(start + 4);
        SrtpStream stream = sendingStream(ssrc);
        if (stream.srtcpIndexExhausted()) {
            return fail(KEY_EXPIRED);
        }
        int index = stream.nextSrtcpIndex();
        ByteBuf packet = destination == null ? source : copy(source, length, destination, trailerLength);
        int at = destination == null ? start : packet.writerIndex() - length;
        if (openssl != null && packet.hasMemoryAddress()) {
            if (!openssl.protectRtcp(packet.memoryAddress() + at, length, ssrc, index)) {
                packet.writerIndex(at + (destination == null ? length : 0));
                return fail(BAD_PARAM);
            }
        } else {
            load(packet, at, length, trailerLength);
            transform.protectRtcp(work, length, ssrc & 0xFFFFFFFFL, index);
            packet.setBytes(at + RTCP_HEADER_SIZE, work, RTCP_HEADER_SIZE, length + trailerLength - RTCP_HEADER_SIZE);
        }
        packet.writerIndex(at + length + trailerLength);
        return true;
    }

    /** Authenticates and (unless its E flag is clear) decrypts the SRTCP packet in {@code packet}, removing its trailer. */
    public boolean unprotectRtcp(ByteBuf packet) {
        requireDirection(true);
        int length = packet.readableBytes() - profile.rtcpTrailerLength();
        if (length < RTCP_HEADER_SIZE) {
            return fail(BAD_PARAM);
        }
        int start = packet.readerIndex();
        int ssrc = packet.getInt(start + 4);
        int indexWord = packet.getInt(start + transform.rtcpIndexOffset(length));
        int index = indexWord & SrtpStream.MAX_SRTCP_INDEX;
        SrtpStream stream = receivingStream(ssrc);
        if (stream.rtcpWindow.isTooOld(index)) {
            return fail(REPLAY_OLD);
        }
        if (!stream.rtcpWindow.check(index)) {
            return fail(REPLAY_FAIL);
        }
        boolean authentic;
        if (openssl != null && packet.hasMemoryAddress()) {
            authentic = openssl.unprotectRtcp(packet.memoryAddress() + start, length, ssrc, indexWord);
        } else {
            load(packet, start, packet.readableBytes(), 0);
            authentic = transform.unprotectRtcp(work, length, ssrc & 0xFFFFFFFFL, indexWord, indexWord < 0);
            if (authentic) {
                packet.setBytes(start + RTCP_HEADER_SIZE, work, RTCP_HEADER_SIZE, length - RTCP_HEADER_SIZE);
            }
        }
        if (!authentic) {
            return fail(AUTH_FAIL);
        }
        stream.rtcpWindow.accept(index);
        adopt(ssrc, stream);
        packet.writerIndex(start + length);
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

    /** Whether {@code packet} has, or can grow to have, {@code room} writable bytes for the trailer. */
    private static boolean makeRoom(ByteBuf packet, int room) {
        return packet.writableBytes() >= room || packet.ensureWritable(room, false) != 1;
    }

    /** Appends the {@code length} readable bytes of {@code source} to {@code destination}, with room for the trailer after them. */
    private static ByteBuf copy(ByteBuf source, int length, ByteBuf destination, int trailer) {
        destination.ensureWritable(length + trailer);
        destination.writeBytes(source, source.readerIndex(), length);
        return destination;
    }

    /** Copies {@code packet[start..start+length)} into the work array, keeping {@code trailer} more bytes there. */
    private void load(ByteBuf packet, int start, int length, int trailer) {
        if (work.length < length + trailer) {
            work = new byte[length + trailer];
        }
        // readBytes, unlike getBytes, copies through the buffer's cached NIO view: no allocation
        // even where Netty runs without Unsafe (JDK 24 and later).
        int reader = packet.readerIndex();
        int writer = packet.writerIndex();
        packet.setIndex(start, start + length);
        packet.readBytes(work, 0, length);
        packet.setIndex(reader, writer);
    }

    /** The length of the RTP header of the packet at {@code start} (fixed part, CSRCs, extension), or -1. */
    private static int rtpHeaderLength(ByteBuf packet, int start, int length) {
        if (length < RTP_HEADER_SIZE) {
            return -1;
        }
        int first = packet.getByte(start);
        if ((first & 0xC0) != 0x80) {
            return -1;
        }
        int headerLength = RTP_HEADER_SIZE + 4 * (first & 0x0F);
        if ((first & 0x10) != 0) {
            if (headerLength + 4 > length) {
                return -1;
            }
            headerLength += 4 + 4 * packet.getUnsignedShort(start + headerLength + 2);
        }
        return headerLength <= length ? headerLength : -1;
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
