package io.jmediasoup.worker.rtc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jmediasoup.channel.LocalRequest;
import io.jmediasoup.rtp.dtls.DtlsCertificate;
import io.jmediasoup.rtp.dtls.DtlsFingerprint;
import io.jmediasoup.rtp.dtls.DtlsRole;
import io.jmediasoup.rtp.dtls.DtlsTransport;
import io.jmediasoup.rtp.dtls.SrtpKeys;
import io.jmediasoup.rtp.srtp.SrtpSession;
import io.jmediasoup.worker.Logger;
import io.jmediasoup.worker.Settings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A router with a WebRtcTransport that a browser-like peer has connected to, in process: the
 * peer's ICE binding request (with USE-CANDIDATE) selects its tuple, our DtlsTransport in the
 * client role completes a real DTLS handshake with the transport (the transport's answers
 * reach the peer through a loopback socket), and the peer keeps the SRTP keys to protect
 * media with. The transport has a VP8 producer (NACK, RTX) consumed on a PlainTransport whose
 * sink is never read. {@link #receive} hands a datagram to the transport's whole receive path
 * (STUN, DTLS, SRTP and SRTCP demultiplexing) on the event loop, as if from the peer.
 */
final class WebRtcFixture implements AutoCloseable {
    static final long PRODUCER_SSRC = 1234;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    private final EventLoop loop = group.next();
    private final Shared shared;
    private final Router router;
    private final DatagramChannel peerSocket;
    private final DatagramChannel sink;
    private final InetSocketAddress peerAddress;
    private final WebRtcTransport transport;
    private final DtlsTransport peerDtls;
    private final CompletableFuture<SrtpKeys> peerKeys = new CompletableFuture<>();
    private final Thread peerReader;
    private final SrtpSession peerSrtp;

    WebRtcFixture() throws Exception {
        peerSocket = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        peerAddress = (InetSocketAddress) peerSocket.getLocalAddress();
        sink = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        sink.socket().setReceiveBufferSize(4096);
        int sinkPort = ((InetSocketAddress) sink.getLocalAddress()).getPort();
        Settings settings = Settings.fromArgs(new String[] {"--logLevel=error"});
        shared = new Shared(loop, settings, new Logger(settings));
        router = new Router("router", shared);
        shared.handlers().register(router.id(), router, false);
        DtlsCertificate peerCertificate = DtlsCertificate.generate();
        DtlsFingerprint peerFingerprint = peerCertificate.fingerprints().get(2);
        JsonObject created = onLoop(() -> request("router.createWebRtcTransport", "{\"transportId\":\"webrtc\"}",
                "{\"listenIps\":[{\"ip\":\"127.0.0.1\"}],\"enableUdp\":true}").getAsJsonObject());
        transport = (WebRtcTransport) router.transport("webrtc");
        onLoop(() -> setUpMedia(sinkPort, peerFingerprint));
        peerDtls = new DtlsTransport(peerCertificate, loop, new PeerListener());
        peerReader = new Thread(this::readPeerSocket, "webrtc-fixture-peer");
        peerReader.setDaemon(true);
        peerReader.start();

        JsonObject ice = created.getAsJsonObject("iceParameters");
        byte[] binding = bindingRequest(ice.get("usernameFragment").getAsString() + ":peer", ice.get("password").getAsString());
        receive(Unpooled.wrappedBuffer(binding));
        DtlsFingerprint transportFingerprint = null;
        for (JsonElement entry : created.getAsJsonObject("dtlsParameters").getAsJsonArray("fingerprints")) {
            if (entry.getAsJsonObject().get("algorithm").getAsString().equals("sha-256")) {
                transportFingerprint = new DtlsFingerprint("sha-256", entry.getAsJsonObject().get("value").getAsString());
            }
        }
        DtlsFingerprint expected = transportFingerprint;
        onLoop(() -> peerDtls.run(DtlsRole.CLIENT, expected));
        SrtpKeys keys = peerKeys.get(10, TimeUnit.SECONDS);
        peerSrtp = SrtpSession.outbound(keys.profile(), keys.localKeyAndSalt());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!dtlsState().equals("connected")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the transport's DTLS did not connect: " + dtlsState());
            }
            Thread.sleep(5);
        }
    }

    private void setUpMedia(int sinkPort, DtlsFingerprint peerFingerprint) {
        request("transport.connect", "{\"transportId\":\"webrtc\"}", "{\"dtlsParameters\":{\"role\":\"client\","
                + "\"fingerprints\":[{\"algorithm\":\"" + peerFingerprint.algorithm() + "\",\"value\":\""
                + peerFingerprint.value() + "\"}]}}");
        String codecs = "{\"mimeType\":\"video/VP8\",\"payloadType\":96,\"clockRate\":90000,\"rtcpFeedback\":"
                + "[{\"type\":\"nack\"},{\"type\":\"nack\",\"parameter\":\"pli\"}]},"
                + "{\"mimeType\":\"video/rtx\",\"payloadType\":97,\"clockRate\":90000,\"parameters\":{\"apt\":96}}";
        request("transport.produce", "{\"transportId\":\"webrtc\",\"producerId\":\"p\"}", "{\"kind\":\"video\","
                + "\"rtpParameters\":{\"mid\":\"0\",\"codecs\":[" + codecs + "],\"headerExtensions\":[{\"uri\":"
                + "\"urn:ietf:params:rtp-hdrext:sdes:mid\",\"id\":1}],\"encodings\":[{\"ssrc\":" + PRODUCER_SSRC
                + ",\"rtx\":{\"ssrc\":" + (PRODUCER_SSRC + 1) + "}}]},\"rtpMapping\":{\"codecs\":["
                + "{\"payloadType\":96,\"mappedPayloadType\":96},{\"payloadType\":97,\"mappedPayloadType\":97}],"
                + "\"encodings\":[{\"ssrc\":" + PRODUCER_SSRC + ",\"mappedSsrc\":1000}]}}");
        request("router.createPlainTransport", "{\"transportId\":\"out\"}",
                "{\"listenIp\":{\"ip\":\"127.0.0.1\"},\"rtcpMux\":true}");
        request("transport.connect", "{\"transportId\":\"out\"}", "{\"ip\":\"127.0.0.1\",\"port\":" + sinkPort + "}");
        request("transport.consume", "{\"transportId\":\"out\",\"consumerId\":\"c\",\"producerId\":\"p\"}",
                "{\"kind\":\"video\",\"type\":\"simple\",\"rtpParameters\":{\"mid\":\"0\",\"codecs\":[" + codecs
                + "],\"encodings\":[{\"ssrc\":2000,\"rtx\":{\"ssrc\":2001}}],\"rtcp\":{\"cname\":\"fuzz\"}},"
                + "\"consumableRtpEncodings\":[{\"ssrc\":1000}]}");
    }

    /** A datagram from the peer's address through the transport's receive path, on the event loop. */
    void receive(ByteBuf datagram) throws Exception {
        onLoop(() -> transport.onUdpPacket(transport.udpSocket(), datagram, peerAddress));
    }

    /** A datagram from an address ICE never validated. */
    void receiveFromStranger(ByteBuf datagram) throws Exception {
        onLoop(() -> transport.onUdpPacket(transport.udpSocket(), datagram, new InetSocketAddress("127.0.0.1", 9)));
    }

    /** The peer's SRTP protection of {@code packet} (RTP or RTCP), in place; false if refused. */
    boolean protect(ByteBuf packet, boolean rtcp) {
        return rtcp ? peerSrtp.protectRtcp(packet) : peerSrtp.protectRtp(packet);
    }

    /** The transport's DTLS state as its dump tells it. */
    String dtlsState() throws Exception {
        return onLoop(() -> request("transport.dump", "{\"transportId\":\"webrtc\"}", "{}")
                .getAsJsonObject().get("dtlsState").getAsString());
    }

    /** The producer's stream stats (packetCount, byteCount, ...); an empty array before its first packet. */
    JsonElement producerStats() throws Exception {
        return onLoop(() -> request("producer.getStats", "{\"transportId\":\"webrtc\",\"producerId\":\"p\"}", "{}"));
    }

    private JsonElement request(String method, String internal, String data) {
        LocalRequest holder = LocalRequest.holder();
        JsonObject fullInternal = JsonParser.parseString(internal).getAsJsonObject();
        fullInternal.addProperty("routerId", "router");
        LocalChannel.request(shared, LocalRequest.create(holder, method, fullInternal.toString(), data));
        return holder.dataOf(method);
    }

    /** What the transport sends to the peer: DTLS goes to the peer's DtlsTransport, the rest (STUN answers, RTCP) is dropped. */
    private void readPeerSocket() {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        try {
            while (true) {
                buffer.clear();
                peerSocket.receive(buffer);
                buffer.flip();
                byte[] datagram = new byte[buffer.remaining()];
                buffer.get(datagram);
                int first = datagram.length > 0 ? datagram[0] & 0xFF : 0;
                if (first >= 20 && first <= 63) {
                    loop.execute(() -> peerDtls.handleDatagram(Unpooled.wrappedBuffer(datagram)));
                }
            }
        } catch (ClosedChannelException closed) {
            // The fixture closed.
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private final class PeerListener implements DtlsTransport.Listener {
        @Override
        public void onDtlsConnecting() {}

        @Override
        public void onDtlsConnected(SrtpKeys srtpKeys, String remoteCertificatePem) {
            peerKeys.complete(srtpKeys);
        }

        @Override
        public void onDtlsFailed(String reason) {
            peerKeys.completeExceptionally(new IllegalStateException(reason));
        }

        @Override
        public void onDtlsClosed() {}

        @Override
        public void onDtlsSendData(byte[] datagram) {
            transport.onUdpPacket(transport.udpSocket(), Unpooled.wrappedBuffer(datagram), peerAddress);
        }

        @Override
        public void onDtlsApplicationData(byte[] data) {}
    }

    /** A browser's binding request: USERNAME, PRIORITY, ICE-CONTROLLING, USE-CANDIDATE, MESSAGE-INTEGRITY, FINGERPRINT. */
    static byte[] bindingRequest(String username, String password) throws GeneralSecurityException {
        ByteArrayOutputStream attributes = new ByteArrayOutputStream();
        attribute(attributes, 0x0006, username.getBytes(StandardCharsets.UTF_8));
        attribute(attributes, 0x0024, new byte[] {0x6e, 0x00, 0x01, (byte) 0xff});
        attribute(attributes, 0x802A, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        attribute(attributes, 0x0025, new byte[0]);
        byte[] body = attributes.toByteArray();
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        byte[] integrity = mac.doFinal(concat(header(body.length + 24), body));
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        signed.writeBytes(body);
        attribute(signed, 0x0008, integrity);
        body = signed.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(concat(header(body.length + 8), body));
        long fingerprint = crc.getValue() ^ 0x5354554eL;
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.writeBytes(body);
        attribute(whole, 0x8028, new byte[] {(byte) (fingerprint >> 24), (byte) (fingerprint >> 16), (byte) (fingerprint >> 8), (byte) fingerprint});
        body = whole.toByteArray();
        return concat(header(body.length), body);
    }

    private static byte[] header(int length) {
        byte[] header = {0x00, 0x01, (byte) (length >> 8), (byte) length, 0x21, 0x12, (byte) 0xa4, 0x42,
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        return header;
    }

    private static void attribute(ByteArrayOutputStream out, int type, byte[] value) {
        out.write(type >> 8);
        out.write(type);
        out.write(value.length >> 8);
        out.write(value.length);
        out.writeBytes(value);
        out.writeBytes(new byte[(4 - value.length % 4) % 4]);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    private <T> T onLoop(Callable<T> task) throws Exception {
        return loop.submit(task).get(10, TimeUnit.SECONDS);
    }

    private void onLoop(Runnable task) throws Exception {
        loop.submit(task).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        onLoop(() -> {
            peerDtls.close();
            router.close();
        });
        group.shutdownGracefully().syncUninterruptibly();
        peerSocket.close();
        sink.close();
        peerReader.join(1000);
    }
}
