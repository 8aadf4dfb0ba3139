package io.jmediasoup.worker.messages;

import io.jmediasoup.worker.rtc.SrtpParameters;
import io.jmediasoup.worker.rtc.TransportTuple;

/** What a transport answers to connect() and restartIce(). */
public sealed interface TransportAnswer extends ChannelResponse {
    /** {@code tuple} and {@code rtcpTuple} are null until their remote end is known, {@code srtpParameters} without SRTP. */
    record Plain(TransportTuple tuple, TransportTuple rtcpTuple, SrtpParameters srtpParameters)
            implements TransportAnswer {}

    record Pipe(TransportTuple tuple) implements TransportAnswer {}

    /** The DTLS role it takes: "client" or "server". */
    record WebRtc(String dtlsLocalRole) implements TransportAnswer {}

    /** restartIce(): the new ICE credentials. */
    record IceRestarted(String usernameFragment, String password) implements TransportAnswer {}
}
