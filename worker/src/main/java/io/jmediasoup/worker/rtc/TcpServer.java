package io.jmediasoup.worker.rtc;

import io.jmediasoup.worker.Logger;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A passive ICE-TCP candidate of a WebRtcTransport: a listening socket on the worker's loop
 * that accepts up to {@link #MAX_CONNECTIONS} connections at a time, as the C++ worker does.
 */
final class TcpServer implements TcpConnection.Listener {
    static final int MAX_CONNECTIONS = 10;

    private final Channel channel;
    private final InetSocketAddress localAddress;
    private final TcpConnection.Listener listener;
    private final Logger logger;
    private final Set<TcpConnection> connections = new LinkedHashSet<>();

    /** {@code channel} is a bound, registered server socket that does not read yet. */
    TcpServer(Channel channel, TcpConnection.Listener listener, Logger logger) {
        this.channel = channel;
        this.localAddress = (InetSocketAddress) channel.localAddress();
        this.listener = listener;
        this.logger = logger;
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                accept((Channel) msg);
            }
        });
        channel.config().setAutoRead(true);
    }

    private void accept(Channel child) {
        if (connections.size() >= MAX_CONNECTIONS) {
            logger.error("TcpServer", "cannot handle more than " + MAX_CONNECTIONS + " connections");
            child.unsafe().closeForcibly();
            return;
        }
        // On the loop thread the registration is done when register() returns.
        if (!channel.eventLoop().register(child).isSuccess()) {
            child.unsafe().closeForcibly();
            return;
        }
        connections.add(new TcpConnection(child, this));
    }

    InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public void onTcpConnectionPacket(TcpConnection connection, ByteBuf packet) {
        listener.onTcpConnectionPacket(connection, packet);
    }

    @Override
    public void onTcpConnectionClosed(TcpConnection connection) {
        connections.remove(connection);
        listener.onTcpConnectionClosed(connection);
    }

    /** Closes the server and its connections without telling the listener. */
    void close() {
        for (TcpConnection connection : List.copyOf(connections)) {
            connection.close();
        }
        connections.clear();
        channel.close();
    }
}
