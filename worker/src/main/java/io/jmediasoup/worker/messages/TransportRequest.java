package io.jmediasoup.worker.messages;

import io.jmediasoup.rtp.dtls.DtlsFingerprint;
import io.jmediasoup.worker.rtc.SrtpParameters;
import java.util.List;

/**
 * The requests about transports: their creation and closure, which a router answers (handler
 * id: the router's), and those a transport answers itself.
 */
public interface TransportRequest extends ChannelRequest {
    record CreatePlain(String handlerId, String transportId, TransportOptions.Plain options) implements TransportRequest {}

    record CreateWebRtc(String handlerId, String transportId, TransportOptions.WebRtc options) implements TransportRequest {}

    /** 3.32's router.createWebRtcTransport with a webRtcServer. */
    record CreateWebRtcWithServer(String handlerId, String transportId, TransportOptions.WebRtcWithServer options)
            implements TransportRequest {}

    record CreatePipe(String handlerId, String transportId, TransportOptions.Pipe options) implements TransportRequest {}

    record CreateDirect(String handlerId, String transportId, TransportOptions.Direct options) implements TransportRequest {}

    record Close(String handlerId, String transportId) implements TransportRequest {}

    record Dump(String handlerId) implements TransportRequest {}

    record GetStats(String handlerId) implements TransportRequest {}

    /**
     * A Plain or Pipe transport's remote end, as given: each part null when absent (or not of
     * its type), for the transport checks them against its mode (comedia, rtcpMux, SRTP) as the
     * C++ worker does. {@code srtpParameters}' parts may be null too.
     */
    record ConnectUdp(String handlerId, String ip, Long port, Long rtcpPort, SrtpParameters srtpParameters)
            implements TransportRequest {}

    /** A WebRtcTransport's remote DTLS: the fingerprint it will check (the first given) and its role. */
    record ConnectWebRtc(String handlerId, DtlsFingerprint fingerprint, String role) implements TransportRequest {}

    /** 0 lifts the limit. */
    record SetMaxIncomingBitrate(String handlerId, long bitrate) implements TransportRequest {}

    /** 0 lifts the cap. */
    record SetMaxOutgoingBitrate(String handlerId, long bitrate) implements TransportRequest {}

    /** 0 restores the default floor. */
    record SetMinOutgoingBitrate(String handlerId, long bitrate) implements TransportRequest {}

    record RestartIce(String handlerId) implements TransportRequest {}

    /** The trace event types to enable ("probation", "bwe"), all others off; unknown names are ignored. */
    record EnableTraceEvent(String handlerId, List<String> types) implements TransportRequest {}
}
