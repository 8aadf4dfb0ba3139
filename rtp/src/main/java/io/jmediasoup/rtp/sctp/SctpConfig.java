package io.jmediasoup.rtp.sctp;

/**
 * An association's settings: the streams it offers (OS, MIS), the largest message either way,
 * how many bytes it may hold unacknowledged (sctpSendBufferSize) and its packet size.
 */
public record SctpConfig(int outboundStreams, int inboundStreams, long maxMessageSize, long sendBufferSize, int mtu) {
    /** The C++ worker's SCTP packet size: DTLS and UDP headers fit in any path MTU. */
    public static final int DEFAULT_MTU = 1200;

    /** The window we advertise: room for two of the largest messages, at least 1 MiB. */
    long receiveWindow() {
        return Math.min(0xFFFFFFFFL, Math.max(1L << 20, 2 * maxMessageSize));
    }
}
