package io.jmediasoup.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** router.create*Transport and transport.* with the validation and errors of the C++ worker. */
class TransportRequestsTest {
    private static final String ROUTER = "{\"routerId\":\"r1\"}";
    private static final String TRANSPORT = "{\"routerId\":\"r1\",\"transportId\":\"t1\"}";
    private static final String LOOPBACK = "{\"ip\":\"127.0.0.1\"}";
    private ChannelPeer peer;

    @BeforeEach
    void start() {
        peer = new ChannelPeer(Settings.fromArgs(new String[] {"--rtcMinPort=40000", "--rtcMaxPort=40009"}), 1);
        peer.request("worker.createRouter", ROUTER, "{}");
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    private static final String STREAMS_RANGE = "wrong numSctpStreams.OS and/or numSctpStreams.MIS (must be from 1 to 65535)";

    private static String sctpFields(String streams, String maxMessageSize) {
        return "\"enableSctp\":true,\"numSctpStreams\":" + streams + ",\"maxSctpMessageSize\":" + maxMessageSize + "}";
    }

    /** Plain or pipe transport options with SCTP enabled. */
    private static String sctp(String streams, String maxMessageSize) {
        return "{\"listenIp\":" + LOOPBACK + "," + sctpFields(streams, maxMessageSize);
    }

    static Stream<Arguments> invalidTransports() {
        String webRtc = "router.createWebRtcTransport";
        String plain = "router.createPlainTransport";
        String pipe = "router.createPipeTransport";
        String direct = "router.createDirectTransport";
        return Stream.of(
                Arguments.of(webRtc, "{}", "TypeError", "missing listenIps"),
                Arguments.of(webRtc, "{\"listenIps\":[]}", "TypeError", "wrong listenIps (empty array)"),
                Arguments.of(webRtc, "{\"listenIps\":\"127.0.0.1\"}", "TypeError", "wrong listenIps (not an array)"),
                Arguments.of(webRtc, "{\"listenIps\":[123]}", "TypeError", "wrong listenIp (not an object)"),
                Arguments.of(webRtc, "{\"listenIps\":[{}]}", "TypeError", "missing listenIp.ip"),
                Arguments.of(webRtc, "{\"listenIps\":[{\"ip\":\"localhost\"}]}", "TypeError", "invalid IP 'localhost'"),
                Arguments.of(webRtc, "{\"listenIps\":[" + LOOPBACK + "],\"enableTcp\":1}", "TypeError", "wrong enableTcp (not a boolean)"),
                Arguments.of(webRtc, "{\"listenIps\":[" + LOOPBACK + "],\"port\":-1}", "TypeError", "wrong port (not a positive number)"),
                Arguments.of(webRtc, "{\"listenIps\":[" + LOOPBACK + "],\"enableSctp\":true,\"numSctpStreams\":\"foo\"}",
                        "TypeError", "wrong numSctpStreams (not an object)"),
                Arguments.of(webRtc, "{\"listenIps\":[{\"ip\":\"8.8.8.8\"}]}", "Error", null),
                Arguments.of(plain, "{}", "TypeError", "missing listenIp"),
                Arguments.of(plain, "{\"listenIp\":" + LOOPBACK + ",\"rtcpMux\":\"yes\"}", "TypeError", "wrong rtcpMux (not a boolean)"),
                Arguments.of(plain, "{\"listenIp\":" + LOOPBACK + ",\"enableSrtp\":true}", "TypeError", "missing srtpCryptoSuite"),
                Arguments.of(plain, "{\"listenIp\":" + LOOPBACK + ",\"enableSrtp\":true,\"srtpCryptoSuite\":\"FOO\"}",
                        "TypeError", "invalid/unsupported srtpCryptoSuite"),
                Arguments.of(pipe, "{\"listenIp\":\"127.0.0.1\"}", "TypeError", "wrong listenIp (not an object)"),
                Arguments.of(webRtc, "{\"listenIps\":[" + LOOPBACK + "],\"port\":70000}", "TypeError", "wrong port (greater than 65535)"),
                Arguments.of(plain, "{\"listenIp\":" + LOOPBACK + ",\"port\":65536}", "TypeError", "wrong port (greater than 65535)"),
                Arguments.of(pipe, "{\"listenIp\":" + LOOPBACK + ",\"port\":70000}", "TypeError", "wrong port (greater than 65535)"),
                Arguments.of(plain, sctp("{\"OS\":70000,\"MIS\":16}", "262144"), "TypeError", STREAMS_RANGE),
                Arguments.of(plain, sctp("{\"OS\":16,\"MIS\":70000}", "262144"), "TypeError", STREAMS_RANGE),
                Arguments.of(webRtc, "{\"listenIps\":[" + LOOPBACK + "]," + sctpFields("{\"OS\":16,\"MIS\":0}", "262144"),
                        "TypeError", STREAMS_RANGE),
                Arguments.of(pipe, sctp("{\"OS\":0,\"MIS\":16}", "262144"), "TypeError", STREAMS_RANGE),
                Arguments.of(plain, sctp("{\"OS\":16,\"MIS\":16}", "9007199254740992"), "TypeError",
                        "wrong maxSctpMessageSize (maximum value exceeded)"),
                Arguments.of(pipe, sctp("{\"OS\":16,\"MIS\":16}", "268435457"), "TypeError",
                        "wrong maxSctpMessageSize (maximum value exceeded)"),
                Arguments.of(direct, "{\"direct\":true}", "TypeError", "wrong maxMessageSize (not a number)"),
                Arguments.of(direct, "{\"direct\":true,\"maxMessageSize\":1,\"enableSctp\":true}", "TypeError",
                        "cannot enable SCTP in a direct Transport"));
    }

    @ParameterizedTest
    @MethodSource("invalidTransports")
    void rejectsInvalidOptions(String method, String data, String error, String reason) {
        JsonObject response = peer.request(method, TRANSPORT, data);
        assertEquals(error, response.get("error").getAsString(), response.toString());
        if (reason != null) {
            assertEquals(reason + " [method:" + method + "]", response.get("reason").getAsString());
        }
        assertEquals("[]", peer.request("router.dump", ROUTER, "{}").getAsJsonObject("data").get("transportIds").toString());
    }

    @Test
    void connectsAPlainTransportOnce() {
        JsonObject created = peer.request("router.createPlainTransport", TRANSPORT,
                "{\"listenIp\":{\"ip\":\"127.0.0.1\",\"announcedIp\":\"9.9.9.9\"},\"rtcpMux\":false}").getAsJsonObject("data");
        assertEquals("9.9.9.9", created.getAsJsonObject("tuple").get("localIp").getAsString());
        assertEquals("missing rtcpPort (required with rtcpMux disabled) [method:transport.connect]",
                peer.request("transport.connect", TRANSPORT, "{\"ip\":\"127.0.0.2\",\"port\":9998}").get("reason").getAsString());
        JsonObject connected = peer.request("transport.connect", TRANSPORT,
                "{\"ip\":\"127.0.0.2\",\"port\":9998,\"rtcpPort\":9999}").getAsJsonObject("data");
        assertEquals("127.0.0.2", connected.getAsJsonObject("tuple").get("remoteIp").getAsString());
        assertEquals(9999, connected.getAsJsonObject("rtcpTuple").get("remotePort").getAsInt());
        assertEquals("connect() already called [method:transport.connect]",
                peer.request("transport.connect", TRANSPORT, "{\"ip\":\"127.0.0.2\",\"port\":9998,\"rtcpPort\":9999}")
                        .get("reason").getAsString());
    }

    static Stream<Arguments> portsOfConnect() {
        return Stream.of(
                Arguments.of("{\"ip\":\"127.0.0.2\",\"port\":70000}", "wrong port (greater than 65535)"),
                Arguments.of("{\"ip\":\"127.0.0.2\",\"port\":9998,\"rtcpPort\":65536}", "wrong rtcpPort (greater than 65535)"),
                Arguments.of("{\"ip\":\"127.0.0.2\",\"port\":65535,\"rtcpPort\":1}", null));
    }

    @ParameterizedTest
    @MethodSource("portsOfConnect")
    void connectRefusesPortsOver65535(String data, String reason) {
        peer.request("router.createPlainTransport", TRANSPORT, "{\"listenIp\":" + LOOPBACK + ",\"rtcpMux\":false}");
        JsonObject response = peer.request("transport.connect", TRANSPORT, data);
        if (reason == null) {
            assertTrue(response.has("accepted"), response.toString());
        } else {
            assertEquals("TypeError", response.get("error").getAsString());
            assertEquals(reason + " [method:transport.connect]", response.get("reason").getAsString());
        }
    }

    static Stream<Arguments> maxMessageSizes() {
        return Stream.of(
                Arguments.of("router.createPlainTransport", "{\"listenIp\":" + LOOPBACK + "}", 262_144),
                Arguments.of("router.createPipeTransport", "{\"listenIp\":" + LOOPBACK + "}", 262_144),
                Arguments.of("router.createWebRtcTransport", "{\"listenIps\":[" + LOOPBACK + "]}", 262_144),
                Arguments.of("router.createDirectTransport", "{\"direct\":true,\"maxMessageSize\":1000}", 1000),
                Arguments.of("router.createPlainTransport", sctp("{\"OS\":16,\"MIS\":16}", "4000"), 4000),
                Arguments.of("router.createPipeTransport", sctp("{\"OS\":65535,\"MIS\":1}", "268435456"), 268_435_456));
    }

    /** As the C++ worker: a transport without SCTP (not direct) carries messages of 256 KiB, and dumps so. */
    @ParameterizedTest
    @MethodSource("maxMessageSizes")
    void dumpsTheMaxMessageSizeOfEachKind(String method, String data, long expected) {
        assertTrue(peer.request(method, TRANSPORT, data).has("accepted"));
        assertEquals(expected, peer.request("transport.dump", TRANSPORT, "{}").getAsJsonObject("data")
                .get("maxMessageSize").getAsLong());
    }

    @Test
    void rejectsABadDtlsRemoteFingerprint() {
        peer.request("router.createWebRtcTransport", TRANSPORT, "{\"listenIps\":[" + LOOPBACK + "]}");
        assertEquals("invalid fingerprint.algorithm value [method:transport.connect]", peer.request("transport.connect",
                TRANSPORT, "{\"dtlsParameters\":{\"fingerprints\":[{\"algorithm\":\"sha-256000\",\"value\":\"AB\"}]}}")
                .get("reason").getAsString());
        JsonObject connected = peer.request("transport.connect", TRANSPORT,
                "{\"dtlsParameters\":{\"role\":\"client\",\"fingerprints\":[{\"algorithm\":\"sha-256\",\"value\":\"AB\"}]}}");
        assertEquals("server", connected.getAsJsonObject("data").get("dtlsLocalRole").getAsString());
    }

    @Test
    void releasesPortsOfClosedTransports() {
        // Ten ports, each transport holds one: a thousand cycles work only if every close frees its port.
        for (int i = 0; i < 1000; i++) {
            String transport = "{\"routerId\":\"r1\",\"transportId\":\"t" + i + "\"}";
            JsonObject created = peer.request("router.createPlainTransport", transport, "{\"listenIp\":" + LOOPBACK + "}");
            assertTrue(created.has("accepted"), created.toString());
            int port = created.getAsJsonObject("data").getAsJsonObject("tuple").get("localPort").getAsInt();
            assertTrue(port >= 40000 && port <= 40009, "port " + port);
            assertTrue(peer.request("transport.close", transport, "{}").has("accepted"));
        }
    }

    @Test
    void runsOutOfPortsWithAClearError() {
        for (int i = 0; i < 10; i++) {
            peer.request("router.createPlainTransport", "{\"routerId\":\"r1\",\"transportId\":\"t" + i + "\"}",
                    "{\"listenIp\":" + LOOPBACK + "}");
        }
        assertEquals("no more available ports [transport:udp, ip:'127.0.0.1', numAttempt:10] [method:router.createPlainTransport]",
                peer.request("router.createPlainTransport", "{\"routerId\":\"r1\",\"transportId\":\"t10\"}",
                        "{\"listenIp\":" + LOOPBACK + "}").get("reason").getAsString());
    }
}
