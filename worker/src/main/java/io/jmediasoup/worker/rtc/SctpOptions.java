package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.sctp.SctpConfig;

/**
 * The SCTP options of router.create*Transport (enableSctp), validated as the C++ worker does.
 * {@code defaultStreamBufferedAmountLowThreshold} is 3.32's: its data consumers watch the bytes
 * of their own stream, from that threshold on, and a stream serves one data consumer; null in
 * 3.8, whose watch the association's bytes from 0. {@code perStreamSendQueueLimit} is how many
 * bytes not yet sent a stream holds before refusing a message (3.32's sctpPerStreamSendQueueLimit;
 * {@link SctpConfig#NO_STREAM_LIMIT} in 3.8); {@code stack} the era's SCTP stack, whose ways the
 * association takes where the two differ (how sendBufferSize is counted, "connecting" told twice). {@code zeroChecksumMethod} is the RFC 9653 method 3.32 offers (sctpZeroChecksum),
 * {@link SctpConfig#NO_ZERO_CHECKSUM} in 3.8; {@code maxReceiverWindowBufferSize} the receive
 * window 3.32 advertises (0 in 3.8: derived from the largest message). With
 * {@code connectsWithDataEndpoints} (3.32) the association starts once the transport is connected
 * and has a data producer or consumer, lest a peer without SCTP (a browser without a data
 * channel) be sent INITs for nothing; 3.8's starts when the transport connects.
 */
public record SctpOptions(int os, int mis, long maxMessageSize, long sendBufferSize, boolean isDataChannel,
        Long defaultStreamBufferedAmountLowThreshold, long zeroChecksumMethod, long maxReceiverWindowBufferSize,
        boolean connectsWithDataEndpoints, long perStreamSendQueueLimit, SctpConfig.Stack stack) {
    /** The port SCTP uses on both ends over DTLS or UDP, as in the C++ worker. */
    public static final int PORT = 5000;
    public static final long DEFAULT_SEND_BUFFER_SIZE = 262_144;
    public static final long MAX_SEND_BUFFER_SIZE = 268_435_456;
    /** SCTP has 16-bit stream ids, and an INIT with no streams either way is refused (RFC 9260 §3.3.2). */
    public static final int MAX_STREAMS = 65_535;
    /**
     * Our limit, where the C++ worker has none: the largest message sets the receive window (two
     * of them), so it bounds what one association may hold. It is the Node library's default
     * for pipe transports, and the C++ worker's limit for sctpSendBufferSize.
     */
    public static final long MAX_MESSAGE_SIZE = 268_435_456;
}
