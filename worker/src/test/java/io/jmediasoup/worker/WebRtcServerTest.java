package io.jmediasoup.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.flatbuffers.FlatBufferBuilder;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** mediasoup 3.32's WebRtcServer: WebRtcTransports sharing its sockets, STUN routed by username fragment. */
class WebRtcServerTest {
    private static final byte[] LOOPBACK = {127, 0, 0, 1};
    private FbsChannelPeer peer;

    @BeforeEach
    void start() {
        peer = new FbsChannelPeer(Settings.fromArgs(new String[] {"--logLevel=error"}), 4242);
        assertTrue(peer.createRouter("r1").accepted());
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    @Test
    void routesBindingRequestsToTheTransportOfTheirUsernameFragment() throws IOException {
        assertTrue(createServer("s1").accepted());
        FBS.WebRtcTransport.DumpResponse t1 = createTransport("t1", "s1");
        FBS.WebRtcTransport.DumpResponse t2 = createTransport("t2", "s1");
        assertEquals(2, t1.iceCandidatesLength(), "a UDP and a TCP candidate of the server's sockets");
        assertTrue(t1.iceCandidates(0).priority() > t1.iceCandidates(1).priority());

        FBS.WebRtcServer.DumpResponse server = serverDump("s1");
        assertEquals(1, server.udpSocketsLength());
        assertEquals(1, server.tcpServersLength());
        assertEquals(2, server.webRtcTransportIdsLength());
        assertEquals(2, server.localIceUsernameFragmentsLength());
        int udpPort = server.udpSockets(0).port();
        assertEquals(udpPort, t1.iceCandidates(0).port());

        // Each transport answers with its own password: the server found it by the USERNAME's first part.
        for (FBS.WebRtcTransport.DumpResponse transport : new FBS.WebRtcTransport.DumpResponse[] {t2, t1}) {
            String password = transport.iceParameters().password();
            String username = transport.iceParameters().usernameFragment() + ":remote";
            try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                socket.setSoTimeout(5000);
                assertArrayEquals(StunClient.successResponse(LOOPBACK, socket.getLocalPort(), password),
                        exchange(socket, udpPort, StunClient.bindingRequest(username, password, true)));
            }
        }
    }

    @Test
    void closingTheServerClosesItsTransports() {
        createServer("s1");
        createTransport("t1", "s1");
        assertTrue(peer.request(FBS.Request.Method.WORKER_WEBRTCSERVER_CLOSE, "", FBS.Request.Body.Worker_CloseWebRtcServerRequest,
                builder -> FBS.Worker.CloseWebRtcServerRequest.createCloseWebRtcServerRequest(builder,
                        builder.createString("s1"))).accepted());
        FBS.Response.Response routerDump = peer.request(FBS.Request.Method.ROUTER_DUMP, "r1", FBS.Request.Body.NONE, null);
        assertEquals(0, ((FBS.Router.DumpResponse) routerDump.body(new FBS.Router.DumpResponse())).transportIdsLength());
        FBS.Response.Response missing = peer.request(FBS.Request.Method.WEBRTCSERVER_DUMP, "s1", FBS.Request.Body.NONE, null);
        assertFalse(missing.accepted());
        assertEquals("NotFoundError", missing.error());
    }

    @Test
    void refusesATransportOfAnUnknownServerAndADuplicatedServer() {
        createServer("s1");
        FBS.Response.Response duplicate = createServer("s1");
        assertEquals("a WebRtcServer with same webRtcServerId already exists [method:worker.createWebRtcServer]",
                duplicate.reason());
        FBS.Response.Response unknown = createTransportResponse("t1", "nope");
        assertEquals("Error", unknown.error());
        assertEquals("wrong webRtcServerId (no associated WebRtcServer found)", unknown.reason());
    }

    private FBS.Response.Response createServer(String id) {
        return peer.request(FBS.Request.Method.WORKER_CREATE_WEBRTCSERVER, "", FBS.Request.Body.Worker_CreateWebRtcServerRequest,
                builder -> {
                    int udp = listenInfo(builder, FBS.Transport.Protocol.UDP);
                    int tcp = listenInfo(builder, FBS.Transport.Protocol.TCP);
                    return FBS.Worker.CreateWebRtcServerRequest.createCreateWebRtcServerRequest(builder,
                            builder.createString(id),
                            FBS.Worker.CreateWebRtcServerRequest.createListenInfosVector(builder, new int[] {udp, tcp}));
                });
    }

    private static int listenInfo(FlatBufferBuilder builder, int protocol) {
        int ip = builder.createString("127.0.0.1");
        int range = FBS.Transport.PortRange.createPortRange(builder, 0, 0);
        int flags = FBS.Transport.SocketFlags.createSocketFlags(builder, false, false);
        return FBS.Transport.ListenInfo.createListenInfo(builder, protocol, ip, 0, false, 0, range, flags, 0, 0);
    }

    private FBS.WebRtcTransport.DumpResponse createTransport(String transportId, String serverId) {
        FBS.Response.Response response = createTransportResponse(transportId, serverId);
        assertTrue(response.accepted(), response.reason());
        return (FBS.WebRtcTransport.DumpResponse) response.body(new FBS.WebRtcTransport.DumpResponse());
    }

    private FBS.Response.Response createTransportResponse(String transportId, String serverId) {
        return peer.request(FBS.Request.Method.ROUTER_CREATE_WEBRTCTRANSPORT_WITH_SERVER, "r1",
                FBS.Request.Body.Router_CreateWebRtcTransportRequest, builder -> {
                    int base = FBS.Transport.Options.createOptions(builder, false, true, 0, 0, 0, 0, false, 262144, 262144,
                            0, 0, 0, 0, 0, false);
                    int listen = FBS.WebRtcTransport.ListenServer.createListenServer(builder, builder.createString(serverId));
                    int options = FBS.WebRtcTransport.WebRtcTransportOptions.createWebRtcTransportOptions(builder, base,
                            FBS.WebRtcTransport.Listen.ListenServer, listen, true, true, false, false, 30);
                    return FBS.Router.CreateWebRtcTransportRequest.createCreateWebRtcTransportRequest(builder,
                            builder.createString(transportId), options);
                });
    }

    private FBS.WebRtcServer.DumpResponse serverDump(String id) {
        FBS.Response.Response response = peer.request(FBS.Request.Method.WEBRTCSERVER_DUMP, id, FBS.Request.Body.NONE, null);
        return (FBS.WebRtcServer.DumpResponse) response.body(new FBS.WebRtcServer.DumpResponse());
    }

    private static byte[] exchange(DatagramSocket socket, int port, byte[] request) throws IOException {
        socket.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), port));
        DatagramPacket response = new DatagramPacket(new byte[1500], 1500);
        socket.receive(response);
        return Arrays.copyOf(response.getData(), response.getLength());
    }
}
