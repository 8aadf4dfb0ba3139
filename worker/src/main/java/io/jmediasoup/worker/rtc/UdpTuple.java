package io.jmediasoup.worker.rtc;

import io.jmediasoup.worker.net.PortManager.Protocol;
import io.jmediasoup.worker.net.UdpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.util.NetUtil;
import java.net.InetSocketAddress;

/** A remote address reaching one of a WebRtcTransport's UDP sockets; equal when both are the same. */
record UdpTuple(UdpSocket socket, InetSocketAddress remoteAddress) implements IceTuple {
    /** Whether a datagram from {@code sender} on {@code from} belongs to this tuple (allocates nothing). */
    boolean matches(UdpSocket from, InetSocketAddress sender) {
        return socket == from && remoteAddress.equals(sender);
    }

    @Override
    public void send(ByteBuf data) {
        socket.send(data, remoteAddress);
    }

    @Override
    public TransportTuple toTransportTuple() {
        InetSocketAddress local = socket.localAddress();
        return new TransportTuple(NetUtil.toAddressString(local.getAddress()), local.getPort(),
                NetUtil.toAddressString(remoteAddress.getAddress()), remoteAddress.getPort(), Protocol.UDP);
    }
}
