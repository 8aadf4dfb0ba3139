package io.jmediasoup.rtp.sctp;

/** What became of a message given to {@link SctpAssociation#send}. */
public enum SendResult {
    QUEUED,
    /**
     * sctpSendBufferSize would be exceeded, or the stream already holds its limit of bytes not
     * yet sent: mediasoup's "sctpsendbufferfull".
     */
    BUFFER_FULL,
    NOT_CONNECTED,
    TOO_LARGE,
    /** SCTP has no empty DATA: WebRTC sends one byte with PPID 56 or 57 instead (RFC 8831 §6.6). */
    EMPTY,
    /** The stream id is beyond the outbound streams negotiated. */
    INVALID_STREAM
}
