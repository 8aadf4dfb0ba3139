package io.jmediasoup.worker.messages;

import io.jmediasoup.worker.rtc.TransportTuple;

/** What a transport tells the application of itself. */
public sealed interface TransportEvent extends Event {
    /** A comedia PlainTransport learnt its remote RTP end from the first packet. */
    record Tuple(TransportTuple tuple) implements TransportEvent {}

    /** A comedia PlainTransport without rtcpMux learnt its remote RTCP end. */
    record RtcpTuple(TransportTuple tuple) implements TransportEvent {}

    record IceStateChange(String iceState) implements TransportEvent {}

    record IceSelectedTupleChange(TransportTuple tuple) implements TransportEvent {}

    /** {@code remoteCert} (PEM) only when connected. */
    record DtlsStateChange(String dtlsState, String remoteCert) implements TransportEvent {}

    record SctpStateChange(String sctpState) implements TransportEvent {}

    /**
     * The SCTP streams each way the association settled on, told as it connects, before its
     * state change (3.32; 3.8 has no such event).
     */
    record SctpNegotiatedCapabilities(int negotiatedMaxOutboundStreams, int negotiatedMaxInboundStreams)
            implements TransportEvent {}

    /**
     * A "bwe" trace: what the consumers want, the limits and padding of the send-side estimator
     * and its estimate, from transport-cc feedback or the receiver's REMB; 3.32 reports the
     * transport's {@code maxOutgoingBitrate} as its maximum.
     */
    record BweTrace(long timestamp, long desiredBitrate, long effectiveDesiredBitrate, long minBitrate,
            long maxBitrate, long startBitrate, long maxPaddingBitrate, long availableBitrate, boolean transportCc,
            long maxOutgoingBitrate) implements TransportEvent {}

    /** A "probation" trace: a probation packet that went out. */
    record ProbationTrace(long timestamp, RtpPacketDump packet) implements TransportEvent {}
}
