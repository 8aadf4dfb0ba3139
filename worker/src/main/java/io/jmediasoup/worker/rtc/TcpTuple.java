package io.jmediasoup.worker.rtc;

import io.jmediasoup.worker.net.PortManager.Protocol;
import io.jmediasoup.worker.net.TcpConnection;
import io.netty.buffer.ByteBuf;
import io.netty.util.NetUtil;
import java.net.InetSocketAddress;

/** An ICE-TCP connection as a media path: equal only for the same connection, so two connections are never one path. */
record TcpTuple(TcpConnection connection) implements IceTuple {
    @Override
    public InetSocketAddress remoteAddress() {
        return connection.remoteAddress();
    }

    @Override
    public void send(ByteBuf data) {
        connection.send(data);
    }

    @Override
    public TransportTuple toTransportTuple() {
        InetSocketAddress local = connection.localAddress();
        InetSocketAddress remote = connection.remoteAddress();
        return new TransportTuple(NetUtil.toAddressString(local.getAddress()), local.getPort(),
                NetUtil.toAddressString(remote.getAddress()), remote.getPort(), Protocol.TCP);
    }
}
