package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.ice.Rfc4571Decoder;
import io.jmediasoup.worker.rtc.PortManager.Protocol;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.NetUtil;
import java.net.InetSocketAddress;

/**
 * An ICE-TCP connection a peer opened to one of a WebRtcTransport's TCP servers: packets
 * framed by RFC 4571 both ways, on the worker's event loop. It is its own ICE tuple: two
 * connections are never the same path.
 */
final class TcpConnection implements IceTuple {
    /** Told of every packet and of the end of the connection. */
    interface Listener {
        /** {@code packet} is only valid during the call. */
        void onTcpConnectionPacket(TcpConnection connection, ByteBuf packet);

        /** Closed by the peer, by an error, or for a frame too long; not when closed by {@link #close}. */
        void onTcpConnectionClosed(TcpConnection connection);
    }

    /**
     * The C++ worker reads into 64 KiB per connection, length prefix included, and drops a
     * connection whose frame does not fit.
     */
    private static final int MAX_FRAME_LENGTH = 65536 - 2;

    private final Channel channel;
    private final InetSocketAddress localAddress;
    private final InetSocketAddress remoteAddress;
    private final Rfc4571Decoder decoder;
    private Listener listener;

    /** {@code channel} is an accepted connection already registered on the worker's loop. */
    TcpConnection(Channel channel, Listener listener) {
        this.channel = channel;
        this.listener = listener;
        this.localAddress = (InetSocketAddress) channel.localAddress();
        this.remoteAddress = (InetSocketAddress) channel.remoteAddress();
        this.decoder = new Rfc4571Decoder(channel.alloc(), MAX_FRAME_LENGTH);
        // Made once: a lambda built in channelRead would be allocated per read.
        Rfc4571Decoder.Listener frames = packet -> TcpConnection.this.listener.onTcpConnectionPacket(TcpConnection.this, packet);
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ByteBuf chunk = (ByteBuf) msg;
                try {
                    if (!decoder.feed(chunk, frames)) {
                        channel.close();
                    }
                } finally {
                    chunk.release();
                }
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                decoder.release();
                Listener closedListener = TcpConnection.this.listener;
                TcpConnection.this.listener = null;
                if (closedListener != null) {
                    closedListener.onTcpConnectionClosed(TcpConnection.this);
                }
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                // A reset or a read error ends the connection like a close by the peer.
                channel.close();
            }
        });
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /** Sends {@code data} in one RFC 4571 frame; a copy is queued, {@code data} stays the caller's. */
    @Override
    public void send(ByteBuf data) {
        int length = data.readableBytes();
        ByteBuf frame = channel.alloc().directBuffer(2 + length);
        frame.writeShort(length);
        frame.writeBytes(data, data.readerIndex(), length);
        channel.writeAndFlush(frame, channel.voidPromise());
    }

    @Override
    public TransportTuple toTransportTuple() {
        return new TransportTuple(NetUtil.toAddressString(localAddress.getAddress()), localAddress.getPort(),
                NetUtil.toAddressString(remoteAddress.getAddress()), remoteAddress.getPort(), Protocol.TCP);
    }

    /** Closes the connection without telling the listener. */
    void close() {
        listener = null;
        channel.close();
    }
}
