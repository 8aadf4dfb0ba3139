package io.jmediasoup.worker.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.Socket;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * A transport's UDP socket on the worker's event loop. Datagrams are read in batches
 * (recvmmsg) into pooled direct buffers and lent to the listener for the duration of the
 * call. A send takes the bytes at once, as in the C++ worker, so a caller may rewrite a packet
 * in place for one consumer, send it and restore it for the next: within a read batch the
 * {@link UdpSendBatch} copies them and sends them, with those of every other socket, when the
 * batch ends. Only when the kernel's buffer is full is a copy queued in Netty, and only up to
 * {@link #QUEUE_LIMIT}: past it datagrams are dropped and counted, as the kernel would.
 */
public final class UdpSocket {
    /** Receives every datagram; {@code data} is only valid during the call. */
    public interface Listener {
        void onUdpPacket(UdpSocket socket, ByteBuf data, InetSocketAddress remote);
    }

    /** Large enough for any RTP packet on an Ethernet path, with room for SRTP's tag. */
    private static final int MAX_DATAGRAM_SIZE = 2048;
    /** Datagrams read per recvmmsg call. */
    private static final int DATAGRAMS_PER_READ = 16;
    /**
     * SO_RCVBUF asked for (the kernel caps it at net.core.rmem_max): the default 208 KiB holds
     * ~10 ms of a 20,000 packets/s input, less than a busy machine may keep the loop waiting.
     */
    private static final int RECEIVE_BUFFER_SIZE = 1 << 20;
    /**
     * Bytes Netty may hold for a socket whose kernel send buffer is full (a link slower than the
     * media sent into it): beyond the high mark new datagrams are dropped until it drains to the low.
     * The high mark is about the kernel's default send buffer again, ~200 video packets.
     */
    static final WriteBufferWaterMark QUEUE_LIMIT = new WriteBufferWaterMark(128 << 10, 256 << 10);

    private final Channel channel;
    private final InetSocketAddress localAddress;
    private final UdpSendBatch batch;
    private final UdpSendBatch.Sender sender;
    private long packetsDropped;

    public UdpSocket(Channel channel, Listener listener, UdpSendBatch batch) {
        this.channel = channel;
        this.batch = batch;
        batch.prepare(channel.eventLoop());
        this.localAddress = (InetSocketAddress) channel.localAddress();
        Socket socket = (Socket) ((io.netty.channel.unix.UnixChannel) channel).fd();
        this.sender = new UdpSendBatch.Sender(socket.intValue(), localAddress.getAddress() instanceof Inet6Address, this);
        channel.config().setOption(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM_SIZE);
        channel.config().setOption(ChannelOption.SO_RCVBUF, RECEIVE_BUFFER_SIZE);
        channel.config().setWriteBufferWaterMark(QUEUE_LIMIT);
        channel.config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(MAX_DATAGRAM_SIZE * DATAGRAMS_PER_READ));
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                DatagramPacket packet = (DatagramPacket) msg;
                batch.begin();
                try {
                    listener.onUdpPacket(UdpSocket.this, packet.content(), packet.sender());
                } finally {
                    packet.release();
                }
            }

            @Override
            public void channelReadComplete(ChannelHandlerContext ctx) {
                batch.end();
            }
        });
        channel.config().setAutoRead(true);
    }

    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** Sends the readable bytes of {@code data} to {@code remote}; {@code data} stays the caller's. */
    public void send(ByteBuf data, InetSocketAddress remote) {
        batch.send(sender, data, remote);
    }

    /** A copy of the readable bytes of {@code data}, as {@link #queue(ByteBuffer, InetSocketAddress)}. */
    void queue(ByteBuf data, InetSocketAddress remote) {
        queue(data.nioBuffer(), remote);
    }

    /**
     * A copy of the remaining bytes of {@code data} for Netty to send when the kernel's buffer
     * drains, or a drop past the limit.
     */
    void queue(ByteBuffer data, InetSocketAddress remote) {
        if (!channel.isWritable()) {
            countDropped();
            return;
        }
        ByteBuf copy = channel.alloc().directBuffer(data.remaining());
        copy.writeBytes(data);
        channel.writeAndFlush(new DatagramPacket(copy, remote), channel.voidPromise());
    }

    void countDropped() {
        packetsDropped++;
    }

    /** Datagrams the kernel refused to send, or that found the socket's queue full. */
    long packetsDropped() {
        return packetsDropped;
    }

    public void close() {
        batch.flush(sender);
        channel.close();
    }
}
