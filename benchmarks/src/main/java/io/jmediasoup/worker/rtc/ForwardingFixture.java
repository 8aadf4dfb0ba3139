package io.jmediasoup.worker.rtc;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jmediasoup.channel.LocalRequest;
import io.jmediasoup.worker.Logger;
import io.jmediasoup.worker.Settings;
import io.jmediasoup.worker.net.UdpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

/**
 * A router as the Node library would set it up for one producer fanned out to N consumers:
 * a comedia PlainTransport receiving, and one PlainTransport per consumer connected to a
 * sink socket on loopback that is never read (the kernel drops what overflows it, so every
 * send is a real sendto). {@link #receive} hands one datagram to the receiving transport, on
 * the caller's thread, as the event loop would after recvmmsg; {@link #receiveFromProducerPeer}
 * and {@link #receiveFromConsumerPeer} run a transport's whole receive path on the loop.
 */
public final class ForwardingFixture implements AutoCloseable {
    private static final InetSocketAddress PRODUCER_PEER = new InetSocketAddress("127.0.0.1", 9);
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    private final EventLoop loop = group.next();
    private final Shared shared;
    private final Router router;
    private final DatagramChannel sink;
    private final InetSocketAddress sinkAddress;
    private Transport receiving;
    private UdpSocket sinkSender;
    /** Lets the loop go after {@link #holdLoop}. */
    private final Promise<Void> release = ImmediateEventExecutor.INSTANCE.newPromise();

    /**
     * {@code codec} is "opus" (audio), "vp8" (video with NACK and RTX: every packet is kept for
     * retransmission) or "vp9svc" (the same with VP9 L3T3 to SVC consumers, which read each
     * packet's payload descriptor, as the producer stream does to count it per layer).
     */
    public ForwardingFixture(String codec, int consumers, long producerSsrc) throws IOException {
        sink = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        sink.socket().setReceiveBufferSize(4096);
        sinkAddress = (InetSocketAddress) sink.getLocalAddress();
        int sinkPort = sinkAddress.getPort();
        Settings settings = Settings.fromArgs(new String[] {"--logLevel=error"});
        shared = new Shared(loop, settings, new Logger(settings));
        router = new Router("router", shared);
        shared.handlers().register(router.id(), router, false);
        onLoop(() -> setUp(codec, consumers, producerSsrc, sinkPort));
    }

    private void setUp(String codec, int consumers, long producerSsrc, int sinkPort) {
        boolean svc = codec.equals("vp9svc");
        boolean video = svc || codec.equals("vp8");
        String kind = video ? "video" : "audio";
        String layers = svc ? ",\"scalabilityMode\":\"L3T3\"" : "";
        String mediaCodec = video
                ? "{\"mimeType\":\"video/" + (svc ? "VP9" : "VP8") + "\",\"payloadType\":96,\"clockRate\":90000,\"rtcpFeedback\":"
                        + "[{\"type\":\"nack\"},{\"type\":\"nack\",\"parameter\":\"pli\"}]}"
                : "{\"mimeType\":\"audio/opus\",\"payloadType\":100,\"clockRate\":48000,\"channels\":2}";
        String codecs = video ? mediaCodec + ",{\"mimeType\":\"video/rtx\",\"payloadType\":97,\"clockRate\":90000,"
                + "\"parameters\":{\"apt\":96}}" : mediaCodec;
        int payloadType = video ? 96 : 100;
        request("router.createPlainTransport", "{\"transportId\":\"in\"}",
                "{\"listenIp\":{\"ip\":\"127.0.0.1\"},\"comedia\":true,\"rtcpMux\":true}");
        request("transport.produce", "{\"transportId\":\"in\",\"producerId\":\"p\"}", "{\"kind\":\"" + kind
                + "\",\"rtpParameters\":{\"codecs\":[" + codecs + "],\"encodings\":[{\"ssrc\":" + producerSsrc
                + (video ? ",\"rtx\":{\"ssrc\":" + (producerSsrc + 1) + "}" : "") + layers + "}]},\"rtpMapping\":{\"codecs\":["
                + "{\"payloadType\":" + payloadType + ",\"mappedPayloadType\":" + payloadType + "}"
                + (video ? ",{\"payloadType\":97,\"mappedPayloadType\":97}" : "") + "],\"encodings\":[{\"ssrc\":"
                + producerSsrc + ",\"mappedSsrc\":1000}]}}");
        receiving = router.transport("in");
        for (int i = 0; i < consumers; i++) {
            String transportId = "out" + i;
            request("router.createPlainTransport", "{\"transportId\":\"" + transportId + "\"}",
                    "{\"listenIp\":{\"ip\":\"127.0.0.1\"},\"rtcpMux\":true}");
            request("transport.connect", "{\"transportId\":\"" + transportId + "\"}",
                    "{\"ip\":\"127.0.0.1\",\"port\":" + sinkPort + "}");
            long ssrc = 2000 + 2L * i;
            request("transport.consume", "{\"transportId\":\"" + transportId + "\",\"consumerId\":\"c" + i
                    + "\",\"producerId\":\"p\"}", "{\"kind\":\"" + kind + "\",\"type\":\"" + (svc ? "svc" : "simple")
                    + "\",\"rtpParameters\":"
                    + "{\"mid\":\"" + i + "\",\"codecs\":[" + codecs + "],\"encodings\":[{\"ssrc\":" + ssrc
                    + (video ? ",\"rtx\":{\"ssrc\":" + (ssrc + 1) + "}" : "") + layers + "}],\"rtcp\":{\"cname\":\"bench\"}},"
                    + "\"consumableRtpEncodings\":[{\"ssrc\":1000}]}");
        }
        sinkSender = ((PlainTransport) router.transport("out0")).udpSocket();
    }

    /**
     * Writes a VP9 packet of spatial layer {@code spatialLayer} (payload type 96, marker on
     * layer 2, which ends a picture): a non-flexible descriptor with I, L, B, E, a 15-bit picture
     * id and TL0PICIDX from the timestamp, inter-layer dependency (D) above layer 0, and a key
     * picture (P=0) every time, so that a consumer forwards from the first one on.
     */
    public static void writeVp9(ByteBuf buffer, int seq, long timestamp, long ssrc, int spatialLayer, int payloadSize) {
        int picture = (int) (timestamp / 3000);
        buffer.writeByte(0x80);
        buffer.writeByte((spatialLayer == 2 ? 0x80 : 0) | 96);
        buffer.writeShort(seq);
        buffer.writeInt((int) timestamp);
        buffer.writeInt((int) ssrc);
        buffer.writeByte(0x80 | 0x20 | 0x08 | 0x04);
        buffer.writeShort(0x8000 | picture & 0x7FFF);
        buffer.writeByte(spatialLayer << 1 | (spatialLayer > 0 ? 1 : 0));
        buffer.writeByte(picture & 0xFF);
        buffer.writeZero(payloadSize - 5);
    }

    private void request(String method, String internal, String data) {
        LocalRequest holder = LocalRequest.holder();
        JsonObject fullInternal = JsonParser.parseString(internal).getAsJsonObject();
        fullInternal.addProperty("routerId", "router");
        LocalChannel.request(shared, LocalRequest.create(holder, method, fullInternal.toString(), data));
        holder.dataOf(method);
    }

    /**
     * The worker's path for one received RTP datagram: parse, route to the producer, forward to
     * every consumer. Outside {@link #beginRead}/{@link #endRead} each send is its own system call.
     */
    public void receive(ByteBuf datagram) {
        receiving.dataReceived(datagram.readableBytes());
        receiving.receiveRtpPacket(datagram);
    }

    /**
     * The start of a read batch, as when the event loop's recvmmsg returns: the sends of the
     * {@link #receive} calls that follow are held (copied) until {@link #endRead}.
     */
    public void beginRead() {
        shared.udpSendBatch().begin();
    }

    /**
     * Keeps the event loop busy until {@link #close}, so that its timers (RTCP reports) do not
     * touch the router while the caller's thread drives it with {@link #receive}.
     */
    public void holdLoop() {
        CountDownLatch held = new CountDownLatch(1);
        loop.execute(() -> {
            held.countDown();
            release.awaitUninterruptibly();
        });
        try {
            held.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** The end of a read batch: every held datagram goes out, with one sendmmsg per socket. */
    public void endRead() {
        shared.udpSendBatch().end();
    }

    /**
     * A datagram from the producer's peer through the receiving transport's whole path (RTP or
     * RTCP demultiplexed, the first sender learnt as the comedia tuple), on the event loop.
     */
    public void receiveFromProducerPeer(ByteBuf datagram) {
        PlainTransport producerTransport = (PlainTransport) receiving;
        onLoop(() -> producerTransport.onUdpPacket(producerTransport.udpSocket(), datagram, PRODUCER_PEER));
    }

    /** A datagram from the first consumer's peer (RTCP feedback: RR, NACK, PLI, FIR) through its transport, on the event loop. */
    public void receiveFromConsumerPeer(ByteBuf datagram) {
        PlainTransport consumerTransport = (PlainTransport) router.transport("out0");
        onLoop(() -> consumerTransport.onUdpPacket(consumerTransport.udpSocket(), datagram, sinkAddress));
    }

    /** The floor: {@code times} sends of the datagram to the sink from one transport's socket, no RTP work. */
    public void sendRaw(ByteBuf datagram, int times) {
        for (int i = 0; i < times; i++) {
            sinkSender.send(datagram, sinkAddress);
        }
    }

    /** Runs {@code task} on the event loop and waits; what it throws is thrown here. */
    private void onLoop(Runnable task) {
        try {
            loop.submit(task).get();
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Override
    public void close() throws IOException {
        release.trySuccess(null);
        onLoop(router::close);
        group.shutdownGracefully().syncUninterruptibly();
        sink.close();
    }
}
