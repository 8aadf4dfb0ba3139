package io.jmediasoup.worker.net;

import io.jmediasoup.worker.LogTag;
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
 * that keeps up to {@link #MAX_CONNECTIONS} connections at a time, as the C++ worker does.
 * Anyone can connect, so when it is full a new connection takes the place of the oldest one
 * that has not authenticated yet (the C++ worker refuses it, so ten idle connections locked
 * every peer out); only when all are authenticated is it refused.
 */
public final class TcpServer implements TcpConnection.Listener {
    static final int MAX_CONNECTIONS = 10;

    private final Channel channel;
    private final InetSocketAddress localAddress;
    private final TcpConnection.Listener listener;
    private final Logger logger;
    private final TcpConnection.Limits limits;
    /** The open connections, the oldest first. */
    private final Set<TcpConnection> connections = new LinkedHashSet<>();

    /** {@code channel} is a bound, registered server socket that does not read yet. */
    public TcpServer(Channel channel, TcpConnection.Listener listener, TcpConnection.Limits limits, Logger logger) {
        this.channel = channel;
        this.limits = limits;
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
        if (connections.size() >= MAX_CONNECTIONS && !evictOldestUnauthenticated()) {
            logger.error("TcpServer", "cannot handle more than " + MAX_CONNECTIONS + " connections");
            child.unsafe().closeForcibly();
            return;
        }
        // On the loop thread the registration is done when register() returns.
        if (!channel.eventLoop().register(child).isSuccess()) {
            child.unsafe().closeForcibly();
            return;
        }
        connections.add(new TcpConnection(child, this, limits, logger));
    }

    private boolean evictOldestUnauthenticated() {
        for (TcpConnection connection : connections) {
            if (!connection.isAuthenticated()) {
                logger.warn(LogTag.ICE, "TcpServer", "too many connections, closing the oldest unauthenticated one from "
                        + connection.remoteAddress());
                connections.remove(connection);
                connection.close();
                return true;
            }
        }
        return false;
    }

    /** The open connections, the oldest first. */
    List<TcpConnection> connections() {
        return List.copyOf(connections);
    }

    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public void onTcpConnectionPacket(TcpConnection connection, ByteBuf packet) {
        listener.onTcpConnectionPacket(connection, packet);
    }

    @Override
    public void onTcpConnectionClosed(TcpConnection connection) {
        connections.remove(connection);
        if (!connection.closedLocally()) {
            listener.onTcpConnectionClosed(connection);
        }
    }

    /** Closes the server and its connections without telling the listener. */
    public void close() {
        for (TcpConnection connection : List.copyOf(connections)) {
            connection.close();
        }
        connections.clear();
        channel.close();
    }
}
