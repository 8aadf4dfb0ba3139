package io.jmediasoup.worker.messages;

import io.jmediasoup.worker.rtc.TransportTuple;

/**
 * A transport's stats (transport.getStats): bytes and bitrates of everything it moved, then of
 * RTP media, retransmissions and probation; the congestion control parts are null while it
 * has none that way, the application's limits null while it set none.
 *
 * @param sctpState null without SCTP
 * @param incomingLimitApplies whether a producer made it estimate what it receives (transport-cc or
 *     REMB) and it has been connected since: when 3.32's worker reports its maxIncomingBitrate
 * @param sendsWithBwe whether a consumer made it estimate what it sends
 * @param roundTripTime the last round-trip time its streams' RTCP gave (ms, 3.32's), null before any
 */
public record TransportStats(String transportId, long timestamp, String sctpState, long bytesReceived,
        long recvBitrate, long bytesSent, long sendBitrate, long rtpBytesReceived, long rtpRecvBitrate,
        long rtpBytesSent, long rtpSendBitrate, long rtxBytesReceived, long rtxRecvBitrate, long rtxBytesSent,
        long rtxSendBitrate, long probationBytesSent, long probationSendBitrate, boolean incomingLimitApplies,
        boolean sendsWithBwe, Long availableOutgoingBitrate, Long availableIncomingBitrate, Long maxIncomingBitrate,
        Long maxOutgoingBitrate, Long minOutgoingBitrate, Double rtpPacketLossReceived, Double rtpPacketLossSent,
        Long roundTripTime, Kind kind) implements ChannelResponse {

    /** The part of one transport kind. */
    public sealed interface Kind {}

    /** {@code rtcpTuple} is null with rtcpMux or until its remote end is known. */
    public record Plain(boolean rtcpMux, boolean comedia, TransportTuple tuple, TransportTuple rtcpTuple)
            implements Kind {}

    /** {@code iceSelectedTuple} is null until ICE selects one. */
    public record WebRtc(String iceState, TransportTuple iceSelectedTuple, String dtlsState) implements Kind {}

    public record Pipe(TransportTuple tuple) implements Kind {}

    public record Direct() implements Kind {}
}
