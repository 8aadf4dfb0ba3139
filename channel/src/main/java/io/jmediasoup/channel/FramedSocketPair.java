package io.jmediasoup.channel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import java.util.function.BiFunction;

/**
 * Two inherited AF_UNIX stream sockets, one read and one written, carrying frames (netstrings
 * or size-prefixed messages, as the decoder cuts them).
 * Both are registered on the worker's event loop; every method runs on that loop.
 */
final class FramedSocketPair {
    interface Listener extends FrameDecoder.Listener {
        /** The reading side reached EOF or failed: the parent is gone. */
        void onClosed();
    }

    private final EventLoop loop;
    private final EpollDomainSocketChannel in;
    private final EpollDomainSocketChannel out;
    private final FrameDecoder decoder;
    private final Listener listener;
    private boolean closed;

    FramedSocketPair(EventLoop loop, int readFd, int writeFd, Listener listener) {
        this(loop, readFd, writeFd, listener, NetstringDecoder::new);
    }

    FramedSocketPair(EventLoop loop, int readFd, int writeFd, Listener listener,
            BiFunction<ByteBufAllocator, FrameDecoder.Listener, FrameDecoder> decoderFactory) {
        this.loop = loop;
        this.listener = listener;
        this.in = new EpollDomainSocketChannel(readFd, true);
        this.out = new EpollDomainSocketChannel(writeFd, true);
        this.decoder = decoderFactory.apply(in.alloc(), listener);
        out.config().setAutoRead(false);
        in.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ByteBuf data = (ByteBuf) msg;
                try {
                    if (!closed) {
                        decoder.feed(data);
                    }
                } finally {
                    data.release();
                }
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                remoteClosed();
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                ctx.close();
            }
        });
    }

    /** Registers both sockets on the loop and starts reading. */
    void open() {
        loop.register(in).syncUninterruptibly();
        loop.register(out).syncUninterruptibly();
    }

    ByteBufAllocator alloc() {
        return out.alloc();
    }

    /** Writes a whole frame; takes ownership of it. */
    void send(ByteBuf frame) {
        if (closed) {
            frame.release();
            return;
        }
        out.writeAndFlush(frame, out.voidPromise());
    }

    private void remoteClosed() {
        if (closed) {
            return;
        }
        close();
        listener.onClosed();
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        decoder.close();
        in.close();
        out.close();
    }
}
