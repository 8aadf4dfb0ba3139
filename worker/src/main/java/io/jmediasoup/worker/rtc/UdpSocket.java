package io.jmediasoup.worker.rtc;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A transport's UDP socket on the worker's event loop. Datagrams are read in batches
 * (recvmmsg) into pooled direct buffers and lent to the listener for the duration of the
 * call. Sending is synchronous, as in the C++ worker: the bytes are in the kernel when
 * {@link #send} returns, so a caller may rewrite a packet in place for one consumer, send it
 * and restore it for the next. Only when the kernel's buffer is full is a copy queued.
 */
final class UdpSocket {
    /** Receives every datagram; {@code data} is only valid during the call. */
    interface Listener {
        void onUdpPacket(UdpSocket socket, ByteBuf data, InetSocketAddress remote);
    }

    /** Large enough for any RTP packet on an Ethernet path, with room for SRTP's tag. */
    private static final int MAX_DATAGRAM_SIZE = 2048;
    /** Datagrams read per recvmmsg call. */
    private static final int DATAGRAMS_PER_READ = 16;

    private final Channel channel;
    private final Socket socket;
    private final InetSocketAddress localAddress;
    private long packetsDropped;

    UdpSocket(Channel channel, Listener listener) {
        this.channel = channel;
        this.socket = (Socket) ((io.netty.channel.unix.UnixChannel) channel).fd();
        this.localAddress = (InetSocketAddress) channel.localAddress();
        channel.config().setOption(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM_SIZE);
        channel.config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(MAX_DATAGRAM_SIZE * DATAGRAMS_PER_READ));
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                DatagramPacket packet = (DatagramPacket) msg;
                try {
                    listener.onUdpPacket(UdpSocket.this, packet.content(), packet.sender());
                } finally {
                    packet.release();
                }
            }
        });
        channel.config().setAutoRead(true);
    }

    InetSocketAddress localAddress() {
        return localAddress;
    }

    /** Sends the readable bytes of {@code data} to {@code remote}; {@code data} stays the caller's. */
    void send(ByteBuf data, InetSocketAddress remote) {
        if (!data.hasMemoryAddress()) {
            queue(data, remote);
            return;
        }
        try {
            int sent = socket.sendToAddress(data.memoryAddress(), data.readerIndex(), data.writerIndex(),
                    remote.getAddress(), remote.getPort());
            if (sent == 0) {
                // The kernel's send buffer is full (EAGAIN): Netty sends the copy when it drains.
                queue(data, remote);
            }
        } catch (IOException failed) {
            // An unreachable or refused peer (ICMP) must not stop the transport: the datagram is lost.
            packetsDropped++;
        }
    }

    private void queue(ByteBuf data, InetSocketAddress remote) {
        channel.writeAndFlush(new DatagramPacket(data.copy(), remote), channel.voidPromise());
    }

    /** Datagrams the kernel refused to send. */
    long packetsDropped() {
        return packetsDropped;
    }

    void close() {
        channel.close();
    }
}
