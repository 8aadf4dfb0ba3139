package io.jmediasoup.worker.net;

import io.jmediasoup.rtp.PacketDemux;
import io.jmediasoup.rtp.ice.Rfc4571Decoder;
import io.jmediasoup.worker.LogTag;
import io.jmediasoup.worker.Logger;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.WriteBufferWaterMark;
import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An ICE-TCP connection a peer opened to one of a WebRtcTransport's TCP servers: packets
 * framed by RFC 4571 both ways, on the worker's event loop.
 *
 * <p>The peer decides how fast it reads, so what waits to be written is bounded (the C++
 * worker queues without a limit): while more than the high water mark waits, RTP and RTCP
 * are dropped (media is worth nothing late), and STUN and DTLS, which the peer needs to
 * connect, are still queued up to a hard bound past which the connection is closed. A
 * connection must authenticate (a Binding request the IceServer accepts) soon after it
 * opens, and is closed once nothing arrived on it for a longer while.
 */
public final class TcpConnection {
    /** Told of every packet and of the end of the connection. */
    public interface Listener {
        /** {@code packet} is only valid during the call. */
        void onTcpConnectionPacket(TcpConnection connection, ByteBuf packet);

        /**
         * The connection ended, once whatever ended it: the peer, an error, a frame too long, a
         * write queue past its bound, a timeout, or {@link #close} ({@link #closedLocally}).
         */
        void onTcpConnectionClosed(TcpConnection connection);
    }

    /**
     * What a connection may cost: bytes waiting to be written (media is dropped above
     * {@code highWaterMark} until the queue drains below {@code lowWaterMark}; past
     * {@code maxPendingBytes} the connection is closed), and how long it may stay
     * unauthenticated, then idle.
     */
    public record Limits(int lowWaterMark, int highWaterMark, int maxPendingBytes, long authenticationTimeoutMs,
            long idleTimeoutMs) {
        /**
         * A quarter of a second of 8 Mbit/s video may wait; a browser sends its first check
         * right after connecting and a consent check every few seconds (RFC 7675 expires
         * consent after 30 s).
         */
        public static final Limits DEFAULT = new Limits(128 * 1024, 256 * 1024, 1024 * 1024, 5_000, 30_000);
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
    private final Limits limits;
    private final Logger logger;
    private final Listener listener;
    /** Set once it is closing: no packet is handed out any more. */
    private boolean closing;
    private boolean closedLocally;
    private boolean authenticated;
    private long lastReadNanos;
    /** The next look at the timeouts; cancelled on close, so that a closed connection is not kept. */
    private ScheduledFuture<?> timeoutCheck;
    private long droppedMediaPackets;

    /** {@code channel} is an accepted connection already registered on the worker's loop. */
    TcpConnection(Channel channel, Listener listener, Limits limits, Logger logger) {
        this.channel = channel;
        this.listener = listener;
        this.limits = limits;
        this.logger = logger;
        this.localAddress = (InetSocketAddress) channel.localAddress();
        this.remoteAddress = (InetSocketAddress) channel.remoteAddress();
        this.decoder = new Rfc4571Decoder(channel.alloc(), MAX_FRAME_LENGTH);
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(limits.lowWaterMark(), limits.highWaterMark()));
        lastReadNanos = System.nanoTime();
        timeoutCheck = channel.eventLoop().schedule(this::checkTimeouts, limits.authenticationTimeoutMs(),
                TimeUnit.MILLISECONDS);
        // Made once: a lambda built in channelRead would be allocated per read.
        Rfc4571Decoder.Listener frames = packet -> {
            if (!closing) {
                listener.onTcpConnectionPacket(TcpConnection.this, packet);
            }
        };
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ByteBuf chunk = (ByteBuf) msg;
                lastReadNanos = System.nanoTime();
                try {
                    if (!decoder.feed(chunk, frames)) {
                        end();
                    }
                } finally {
                    chunk.release();
                }
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                closing = true;
                timeoutCheck.cancel(false);
                decoder.release();
                listener.onTcpConnectionClosed(TcpConnection.this);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                // A reset or a read error ends the connection like a close by the peer.
                end();
            }
        });
    }

    public InetSocketAddress localAddress() {
        return localAddress;
    }

    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /** The IceServer accepted a Binding request on this connection. */
    public void authenticated() {
        authenticated = true;
    }

    boolean isAuthenticated() {
        return authenticated;
    }

    /** RTP and RTCP packets dropped because the peer did not read fast enough. */
    long droppedMediaPackets() {
        return droppedMediaPackets;
    }

    /** Bytes queued and not yet taken by the socket. */
    long pendingWriteBytes() {
        ChannelOutboundBuffer outbound = channel.unsafe().outboundBuffer();
        return outbound == null ? 0 : outbound.totalPendingWriteBytes();
    }

    /**
     * Sends {@code data} in one RFC 4571 frame; a copy is queued, {@code data} stays the
     * caller's. Dropped when it is media and the peer is behind.
     */
    public void send(ByteBuf data) {
        if (closing) {
            return;
        }
        if (!channel.isWritable() && (PacketDemux.isRtp(data) || PacketDemux.isRtcp(data))) {
            droppedMediaPackets++;
            return;
        }
        int length = data.readableBytes();
        ByteBuf frame = channel.alloc().directBuffer(2 + length);
        frame.writeShort(length);
        frame.writeBytes(data, data.readerIndex(), length);
        channel.writeAndFlush(frame, channel.voidPromise());
        if (pendingWriteBytes() > limits.maxPendingBytes()) {
            logger.warn(LogTag.ICE, "TcpConnection", "peer does not read, closing the connection from " + remoteAddress);
            end();
        }
    }

    /** Closes an unauthenticated connection once its time is up, and an idle one; then looks again later. */
    private void checkTimeouts() {
        if (closing) {
            return;
        }
        if (!authenticated) {
            logger.warn(LogTag.ICE, "TcpConnection", "no valid STUN Binding Request in time, closing the connection from "
                    + remoteAddress);
            end();
            return;
        }
        long idleMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastReadNanos);
        if (idleMs >= limits.idleTimeoutMs()) {
            logger.warn(LogTag.ICE, "TcpConnection", "nothing received for " + idleMs + " ms, closing the connection from "
                    + remoteAddress);
            end();
            return;
        }
        timeoutCheck = channel.eventLoop().schedule(this::checkTimeouts, limits.idleTimeoutMs() - idleMs,
                TimeUnit.MILLISECONDS);
    }

    /** Whether it was closed by {@link #close}. */
    boolean closedLocally() {
        return closedLocally;
    }

    /** Closes the connection; the listener hears of it with {@link #closedLocally} set. */
    public void close() {
        closedLocally = true;
        end();
    }

    private void end() {
        closing = true;
        channel.close();
    }
}
