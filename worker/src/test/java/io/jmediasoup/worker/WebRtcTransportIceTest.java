package io.jmediasoup.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ICE-lite of a WebRtcTransport over loopback: real STUN Binding requests over UDP and ICE-TCP,
 * the exact bytes of the responses, and the icestatechange / iceselectedtuplechange
 * notifications, dump and stats, as the C++ worker of 3.8.4 gives them.
 */
class WebRtcTransportIceTest {
    private static final String ROUTER = "{\"routerId\":\"r1\"}";
    private static final String TRANSPORT = "{\"routerId\":\"r1\",\"transportId\":\"t1\"}";
    private static final byte[] LOOPBACK = {127, 0, 0, 1};
    private ChannelPeer peer;
    private String usernameFragment;
    private String password;
    private int udpPort;
    private int tcpPort;

    @BeforeEach
    void start() {
        peer = new ChannelPeer(Settings.fromArgs(new String[] {"--rtcMinPort=40100", "--rtcMaxPort=40199", "--logLevel=warn",
                "--logTag=ice"}), 1);
        peer.request("worker.createRouter", ROUTER, "{}");
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    private void createTransport(boolean udp, boolean tcp) {
        JsonObject data = peer.request("router.createWebRtcTransport", TRANSPORT,
                "{\"listenIps\":[{\"ip\":\"127.0.0.1\"}],\"enableUdp\":" + udp + ",\"enableTcp\":" + tcp + "}")
                .getAsJsonObject("data");
        usernameFragment = data.getAsJsonObject("iceParameters").get("usernameFragment").getAsString();
        password = data.getAsJsonObject("iceParameters").get("password").getAsString();
        for (JsonElement candidate : data.getAsJsonArray("iceCandidates")) {
            int port = candidate.getAsJsonObject().get("port").getAsInt();
            if (candidate.getAsJsonObject().get("protocol").getAsString().equals("udp")) {
                udpPort = port;
            } else {
                tcpPort = port;
            }
        }
    }

    private String username() {
        return usernameFragment + ":remoteufrag";
    }

    private static byte[] exchange(DatagramSocket socket, int port, byte[] request) throws IOException {
        socket.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), port));
        DatagramPacket response = new DatagramPacket(new byte[1500], 1500);
        socket.receive(response);
        return Arrays.copyOf(response.getData(), response.getLength());
    }

    private static String tuple(int localPort, int remotePort, String protocol) {
        return "{\"localIp\":\"127.0.0.1\",\"localPort\":" + localPort + ",\"remoteIp\":\"127.0.0.1\",\"remotePort\":"
                + remotePort + ",\"protocol\":\"" + protocol + "\"}";
    }

    private void expectNotification(String event, String data) {
        JsonObject notification = peer.nextNotification();
        assertEquals("t1", notification.get("targetId").getAsString());
        assertEquals(event, notification.get("event").getAsString());
        assertEquals(JsonParser.parseString(data), notification.get("data"));
    }

    @Test
    void answersBindingRequestsOverUdpAndSelectsTheNominatedTuple() throws IOException {
        createTransport(true, false);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.setSoTimeout(5000);
            int clientPort = socket.getLocalPort();
            assertArrayEquals(StunClient.errorResponse(401),
                    exchange(socket, udpPort, StunClient.bindingRequest(username(), "wrongpassword", false)));
            assertArrayEquals(StunClient.errorResponse(401),
                    exchange(socket, udpPort, StunClient.bindingRequest("other:remoteufrag", password, false)));
            assertEquals("W(ice) IceServer | wrong authentication in STUN Binding Request => 401", peer.nextLog('W'));

            byte[] success = StunClient.successResponse(LOOPBACK, clientPort, password);
            assertArrayEquals(success, exchange(socket, udpPort, StunClient.bindingRequest(username(), password, false)));
            expectNotification("iceselectedtuplechange", "{\"iceSelectedTuple\":" + tuple(udpPort, clientPort, "udp") + "}");
            expectNotification("icestatechange", "{\"iceState\":\"connected\"}");

            assertArrayEquals(success, exchange(socket, udpPort, StunClient.bindingRequest(username(), password, true)));
            expectNotification("icestatechange", "{\"iceState\":\"completed\"}");

            JsonObject dump = peer.request("transport.dump", TRANSPORT, "{}").getAsJsonObject("data");
            assertEquals("completed", dump.get("iceState").getAsString());
            assertEquals(JsonParser.parseString(tuple(udpPort, clientPort, "udp")), dump.get("iceSelectedTuple"));
            assertEquals("new", dump.get("dtlsState").getAsString());
            JsonObject stats = peer.request("transport.getStats", TRANSPORT, "{}").getAsJsonArray("data").get(0).getAsJsonObject();
            assertEquals("completed", stats.get("iceState").getAsString());
            assertEquals(JsonParser.parseString(tuple(udpPort, clientPort, "udp")), stats.get("iceSelectedTuple"));
            assertTrue(stats.get("bytesReceived").getAsLong() > 0);
            assertEquals(2 * StunClient.errorResponse(401).length + 2 * success.length, stats.get("bytesSent").getAsLong());
        }
    }

    @Test
    void newTupleTakesOverOnlyWhenNominated() throws IOException {
        createTransport(true, false);
        try (DatagramSocket first = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                DatagramSocket second = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            first.setSoTimeout(5000);
            second.setSoTimeout(5000);
            exchange(first, udpPort, StunClient.bindingRequest(username(), password, true));
            expectNotification("iceselectedtuplechange", "{\"iceSelectedTuple\":" + tuple(udpPort, first.getLocalPort(), "udp") + "}");
            expectNotification("icestatechange", "{\"iceState\":\"completed\"}");
            assertArrayEquals(StunClient.successResponse(LOOPBACK, second.getLocalPort(), password),
                    exchange(second, udpPort, StunClient.bindingRequest(username(), password, false)));
            exchange(second, udpPort, StunClient.bindingRequest(username(), password, true));
            expectNotification("iceselectedtuplechange", "{\"iceSelectedTuple\":" + tuple(udpPort, second.getLocalPort(), "udp") + "}");
        }
    }

    @Test
    void dtlsOnAValidTupleSelectsIt() throws IOException {
        createTransport(true, false);
        // A DTLS ClientHello's record header and a little of the handshake.
        byte[] dtls = {22, (byte) 0xFE, (byte) 0xFD, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 1, 0, 0, 0};
        try (DatagramSocket first = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                DatagramSocket second = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                DatagramSocket stranger = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            first.setSoTimeout(5000);
            second.setSoTimeout(5000);
            exchange(first, udpPort, StunClient.bindingRequest(username(), password, true));
            expectNotification("iceselectedtuplechange", "{\"iceSelectedTuple\":" + tuple(udpPort, first.getLocalPort(), "udp") + "}");
            expectNotification("icestatechange", "{\"iceState\":\"completed\"}");
            exchange(second, udpPort, StunClient.bindingRequest(username(), password, false));
            stranger.send(new DatagramPacket(dtls, dtls.length, InetAddress.getLoopbackAddress(), udpPort));
            second.send(new DatagramPacket(dtls, dtls.length, InetAddress.getLoopbackAddress(), udpPort));
            expectNotification("iceselectedtuplechange", "{\"iceSelectedTuple\":" + tuple(udpPort, second.getLocalPort(), "udp") + "}");
        }
    }

    @Test
    void restartIceKeepsTheOldCredentialsUntilTheNewOnesAreUsed() throws IOException {
        createTransport(true, false);
        String oldUsername = username();
        String oldPassword = password;
        JsonObject restarted = peer.request("transport.restartIce", TRANSPORT, "{}").getAsJsonObject("data")
                .getAsJsonObject("iceParameters");
        String newUsername = restarted.get("usernameFragment").getAsString() + ":remoteufrag";
        String newPassword = restarted.get("password").getAsString();
        assertFalse(newPassword.equals(oldPassword));
        assertTrue(restarted.get("iceLite").getAsBoolean());
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.setSoTimeout(5000);
            int port = socket.getLocalPort();
            assertArrayEquals(StunClient.successResponse(LOOPBACK, port, oldPassword),
                    exchange(socket, udpPort, StunClient.bindingRequest(oldUsername, oldPassword, false)));
            assertArrayEquals(StunClient.successResponse(LOOPBACK, port, newPassword),
                    exchange(socket, udpPort, StunClient.bindingRequest(newUsername, newPassword, false)));
            assertArrayEquals(StunClient.errorResponse(401),
                    exchange(socket, udpPort, StunClient.bindingRequest(oldUsername, oldPassword, false)));
        }
    }

    @Test
    void answersFramedBindingRequestsOverTcpAndDisconnectsWhenTheConnectionCloses() throws IOException {
        createTransport(false, true);
        byte[] request = StunClient.framed(StunClient.bindingRequest(username(), password, true));
        int clientPort;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), tcpPort)) {
            socket.setSoTimeout(5000);
            clientPort = socket.getLocalPort();
            OutputStream out = socket.getOutputStream();
            // A frame split across writes, then one merged with the start of the next.
            out.write(request, 0, 7);
            out.flush();
            sleep();
            out.write(request, 7, request.length - 7);
            out.write(request, 0, 3);
            out.flush();
            byte[] success = StunClient.framed(StunClient.successResponse(LOOPBACK, clientPort, password));
            assertArrayEquals(success, read(socket.getInputStream(), success.length));
            expectNotification("iceselectedtuplechange", "{\"iceSelectedTuple\":" + tuple(tcpPort, clientPort, "tcp") + "}");
            expectNotification("icestatechange", "{\"iceState\":\"completed\"}");
            out.write(request, 3, request.length - 3);
            out.flush();
            assertArrayEquals(success, read(socket.getInputStream(), success.length));
            JsonObject dump = peer.request("transport.dump", TRANSPORT, "{}").getAsJsonObject("data");
            assertEquals(JsonParser.parseString(tuple(tcpPort, clientPort, "tcp")), dump.get("iceSelectedTuple"));
        }
        expectNotification("icestatechange", "{\"iceState\":\"disconnected\"}");
        JsonObject dump = peer.request("transport.dump", TRANSPORT, "{}").getAsJsonObject("data");
        assertEquals("disconnected", dump.get("iceState").getAsString());
        assertFalse(dump.has("iceSelectedTuple"));
    }

    @Test
    void closesAConnectionWhoseFrameIsTooLong() throws IOException {
        createTransport(false, true);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), tcpPort)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(new byte[] {(byte) 0xFF, (byte) 0xFF, 0, 1});
            assertEquals(-1, socket.getInputStream().read());
        }
    }

    @Test
    void tenIdleConnectionsDoNotLockAPeerOut() throws IOException {
        createTransport(false, true);
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), tcpPort);
                socket.setSoTimeout(5000);
                sockets.add(socket);
            }
            Socket peerSocket = new Socket(InetAddress.getLoopbackAddress(), tcpPort);
            peerSocket.setSoTimeout(5000);
            sockets.add(peerSocket);
            assertTrue(peer.nextLog('W').startsWith("W(ice) TcpServer | too many connections, closing the oldest unauthenticated one"));
            assertEquals(-1, sockets.get(0).getInputStream().read());
            byte[] request = StunClient.framed(StunClient.bindingRequest(username(), password, false));
            peerSocket.getOutputStream().write(request);
            byte[] success = StunClient.framed(StunClient.successResponse(LOOPBACK, peerSocket.getLocalPort(), password));
            assertArrayEquals(success, read(peerSocket.getInputStream(), success.length));
            expectNotification("iceselectedtuplechange", "{\"iceSelectedTuple\":" + tuple(tcpPort, peerSocket.getLocalPort(), "tcp") + "}");
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    private static byte[] read(InputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        new DataInputStream(in).readFully(bytes);
        return bytes;
    }

    /** Lets the worker read the first part of a split frame on its own. */
    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
