package io.jmediasoup.rtp.sctp;

/**
 * An association's settings: the streams it offers (OS, MIS), the largest message either way,
 * how many bytes it may hold (sctpSendBufferSize, counted as {@code stack} counts it), its packet size, the
 * alternate error detection method it offers for zero checksums (RFC 9653; {@link #NO_ZERO_CHECKSUM}: none),
 * the receive window it advertises (3.32's sctpMaxReceiverWindowBufferSize; 0: derived from
 * the largest message), and how many bytes one outbound stream may hold not yet sent before a
 * new message on it is refused (3.32's sctpPerStreamSendQueueLimit; {@link #NO_STREAM_LIMIT}: none).
 */
public record SctpConfig(int outboundStreams, int inboundStreams, long maxMessageSize, long sendBufferSize, int mtu,
        long zeroChecksumMethod, long maxReceiverWindow, long perStreamSendQueueLimit, Stack stack) {
    /** The SCTP stack of the era whose behaviour the association takes where the two differ. */
    public enum Stack {
        /**
         * usrsctp, as mediasoup 3.8 runs it: the bytes not yet acknowledged, with a new message,
         * must fit in the send buffer; "connecting" is told once.
         */
        USRSCTP,
        /**
         * mediasoup 3.32's own: a message is refused once the bytes not yet sent reach the send
         * buffer; "connecting" is told when the INIT goes out and again when its INIT ACK comes back.
         */
        MEDIASOUP_3_32
    }

    /** The C++ worker's SCTP packet size: DTLS and UDP headers fit in any path MTU. */
    public static final int DEFAULT_MTU = 1200;
    /** RFC 9653's error detection method identifiers: none, SCTP over DTLS, and the private "trusted network". */
    public static final long NO_ZERO_CHECKSUM = 0;
    public static final long ZERO_CHECKSUM_SCTP_OVER_DTLS = 1;
    public static final long ZERO_CHECKSUM_TRUSTED_NETWORK = 0xFFFFFFFEL;
    /** No limit on a stream's queue but the association's send buffer (usrsctp's, in mediasoup 3.8). */
    public static final long NO_STREAM_LIMIT = Long.MAX_VALUE;

    /** Without zero checksums nor a limit per stream. */
    public SctpConfig(int outboundStreams, int inboundStreams, long maxMessageSize, long sendBufferSize, int mtu) {
        this(outboundStreams, inboundStreams, maxMessageSize, sendBufferSize, mtu, NO_ZERO_CHECKSUM, 0, NO_STREAM_LIMIT,
                Stack.USRSCTP);
    }

    /** The window we advertise: the configured one, else room for two of the largest messages, at least 1 MiB. */
    long receiveWindow() {
        if (maxReceiverWindow != 0) {
            return Math.min(0xFFFFFFFFL, maxReceiverWindow);
        }
        return Math.min(0xFFFFFFFFL, Math.max(1L << 20, 2 * maxMessageSize));
    }
}
