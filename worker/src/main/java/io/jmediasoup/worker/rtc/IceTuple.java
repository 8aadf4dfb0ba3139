package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.ice.IceServer;
import io.netty.buffer.ByteBuf;

/**
 * A media path of a WebRtcTransport, as its IceServer validates and selects them: a UDP socket
 * and a remote address ({@link UdpTuple}), or an ICE-TCP connection ({@link TcpTuple}).
 */
sealed interface IceTuple extends IceServer.Tuple permits UdpTuple, TcpTuple {
    /** Sends the readable bytes of {@code data}, which stays the caller's. */
    void send(ByteBuf data);

    /** Its ends, for dumps and notifications (the local IP is the bound one, as in 3.8.4). */
    TransportTuple toTransportTuple();
}
