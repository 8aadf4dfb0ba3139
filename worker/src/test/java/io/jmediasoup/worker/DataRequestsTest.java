package io.jmediasoup.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** transport.produceData/consumeData and the data producer/consumer requests. */
class DataRequestsTest {
    private static final String ROUTER = "{\"routerId\":\"r1\"}";
    private static final String SCTP_TRANSPORT = "{\"routerId\":\"r1\",\"transportId\":\"sctp\"}";
    private static final String PLAIN_TRANSPORT = "{\"routerId\":\"r1\",\"transportId\":\"plain\"}";
    private ChannelPeer peer;

    @BeforeEach
    void start() {
        peer = new ChannelPeer(Settings.fromArgs(new String[0]), 1);
        peer.request("worker.createRouter", ROUTER, "{}");
        peer.request("router.createPlainTransport", SCTP_TRANSPORT, "{\"listenIp\":{\"ip\":\"127.0.0.1\"},"
                + "\"enableSctp\":true,\"numSctpStreams\":{\"OS\":1024,\"MIS\":1024},\"maxSctpMessageSize\":262144}");
        peer.request("router.createPlainTransport", PLAIN_TRANSPORT, "{\"listenIp\":{\"ip\":\"127.0.0.1\"}}");
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    private static String dataProducer(String transport, String id) {
        return transport.replace("}", ",\"dataProducerId\":\"" + id + "\"}");
    }

    static Stream<Arguments> invalidDataProducers() {
        return Stream.of(
                Arguments.of(SCTP_TRANSPORT, "{}", "TypeError", "missing type"),
                Arguments.of(SCTP_TRANSPORT, "{\"type\":\"foo\"}", "TypeError", "invalid type"),
                Arguments.of(SCTP_TRANSPORT, "{\"type\":\"sctp\"}", "TypeError", "missing sctpStreamParameters"),
                Arguments.of(SCTP_TRANSPORT, "{\"type\":\"sctp\",\"sctpStreamParameters\":{\"streamId\":65535}}",
                        "TypeError", "streamId must not be greater than 65534"),
                Arguments.of(SCTP_TRANSPORT, "{\"type\":\"sctp\",\"sctpStreamParameters\":{\"streamId\":1,"
                        + "\"maxPacketLifeTime\":10,\"maxRetransmits\":2}}", "TypeError",
                        "cannot provide both maxPacketLifeTime and maxRetransmits"),
                Arguments.of(SCTP_TRANSPORT, "{\"type\":\"sctp\",\"sctpStreamParameters\":{\"streamId\":1,\"ordered\":true,"
                        + "\"maxRetransmits\":2}}", "TypeError", "cannot be ordered with maxPacketLifeTime or maxRetransmits"),
                Arguments.of(SCTP_TRANSPORT, "{\"type\":\"direct\"}", "TypeError",
                        "cannot create a DataProducer of type 'direct', not a direct Transport"),
                Arguments.of(PLAIN_TRANSPORT, "{\"type\":\"sctp\"}", "Error", "SCTP not enabled and not a direct Transport"));
    }

    @ParameterizedTest
    @MethodSource("invalidDataProducers")
    void rejectsInvalidDataProducers(String transport, String data, String error, String reason) {
        JsonObject response = peer.request("transport.produceData", dataProducer(transport, "dp"), data);
        assertEquals(error, response.get("error").getAsString());
        assertEquals(reason + " [method:transport.produceData]", response.get("reason").getAsString());
    }

    @Test
    void routesDataConsumersToTheirProducerAndClosesThemWithIt() {
        JsonObject produced = peer.request("transport.produceData", dataProducer(SCTP_TRANSPORT, "dp"),
                "{\"type\":\"sctp\",\"sctpStreamParameters\":{\"streamId\":3,\"maxRetransmits\":2},\"label\":\"chat\"}")
                .getAsJsonObject("data");
        assertEquals("{\"streamId\":3,\"ordered\":false,\"maxRetransmits\":2}",
                produced.get("sctpStreamParameters").toString());
        assertEquals("streamId already exists in SCTP listener [streamId:3] [method:transport.produceData]",
                peer.request("transport.produceData", dataProducer(SCTP_TRANSPORT, "dp2"),
                        "{\"type\":\"sctp\",\"sctpStreamParameters\":{\"streamId\":3}}").get("reason").getAsString());
        String consumer = "{\"routerId\":\"r1\",\"transportId\":\"sctp\",\"dataProducerId\":\"dp\",\"dataConsumerId\":\"dc\"}";
        assertTrue(peer.request("transport.consumeData", consumer,
                "{\"type\":\"sctp\",\"sctpStreamParameters\":{\"streamId\":4}}").has("accepted"));
        JsonObject routerDump = peer.request("router.dump", ROUTER, "{}").getAsJsonObject("data");
        assertEquals("{\"dp\":[\"dc\"]}", routerDump.get("mapDataProducerIdDataConsumerIds").toString());
        assertEquals("{\"dc\":\"dp\"}", routerDump.get("mapDataConsumerIdDataProducerId").toString());
        assertTrue(peer.request("dataProducer.close", dataProducer(SCTP_TRANSPORT, "dp"), "{}").has("accepted"));
        JsonObject notification = peer.nextNotification();
        assertEquals("dc", notification.get("targetId").getAsString());
        assertEquals("dataproducerclose", notification.get("event").getAsString());
        assertEquals("DataConsumer not found [method:dataConsumer.dump]",
                peer.request("dataConsumer.dump", consumer, "{}").get("reason").getAsString());
    }

    /** 3.8.4 lets SCTP data consumers share a stream (3.32 refuses the second one). */
    @Test
    void sctpDataConsumersMayShareAStream() {
        peer.request("transport.produceData", dataProducer(SCTP_TRANSPORT, "dp"),
                "{\"type\":\"sctp\",\"sctpStreamParameters\":{\"streamId\":3}}");
        for (String id : new String[] {"dc1", "dc2"}) {
            String consumer = "{\"routerId\":\"r1\",\"transportId\":\"sctp\",\"dataProducerId\":\"dp\",\"dataConsumerId\":\""
                    + id + "\"}";
            assertTrue(peer.request("transport.consumeData", consumer,
                    "{\"type\":\"sctp\",\"sctpStreamParameters\":{\"streamId\":4}}").has("accepted"), id);
        }
    }

    @Test
    void directDataProducerMessagesReachEveryDirectDataConsumerOverThePayloadChannel() {
        String direct = "{\"routerId\":\"r1\",\"transportId\":\"direct\"}";
        peer.request("router.createDirectTransport", direct, "{\"direct\":true,\"maxMessageSize\":8}");
        peer.request("transport.produceData", dataProducer(direct, "dp"), "{\"type\":\"direct\"}");
        for (String id : new String[] {"dc1", "dc2"}) {
            peer.request("transport.consumeData", direct.replace("}", ",\"dataProducerId\":\"dp\",\"dataConsumerId\":\""
                    + id + "\"}"), "{\"type\":\"direct\"}");
        }
        String send = "{\"event\":\"dataProducer.send\",\"internal\":" + dataProducer(direct, "dp") + ",\"data\":{\"ppid\":%s}}";
        peer.writePayloadFrame(String.format(send, "51").getBytes(StandardCharsets.UTF_8));
        peer.writePayloadFrame("hello".getBytes(StandardCharsets.UTF_8));
        // Dropped: larger than maxMessageSize, then without a ppid.
        peer.writePayloadFrame(String.format(send, "53").getBytes(StandardCharsets.UTF_8));
        peer.writePayloadFrame("123456789".getBytes(StandardCharsets.UTF_8));
        peer.writePayloadFrame(String.format(send, "\"x\"").getBytes(StandardCharsets.UTF_8));
        peer.writePayloadFrame("bad".getBytes(StandardCharsets.UTF_8));
        for (String id : new String[] {"dc1", "dc2"}) {
            assertEquals("{\"targetId\":\"" + id + "\",\"event\":\"message\",\"data\":{\"ppid\":51}}", peer.nextPayloadFrame());
            assertEquals("hello", peer.nextPayloadFrame());
        }
        JsonObject producerStats = peer.request("dataProducer.getStats", dataProducer(direct, "dp"), "{}")
                .getAsJsonArray("data").get(0).getAsJsonObject();
        assertEquals(1, producerStats.get("messagesReceived").getAsLong());
        assertEquals(5, producerStats.get("bytesReceived").getAsLong());
        JsonObject transportStats = peer.request("transport.getStats", direct, "{}").getAsJsonArray("data").get(0)
                .getAsJsonObject();
        assertEquals(5, transportStats.get("bytesReceived").getAsLong());
        assertEquals(10, transportStats.get("bytesSent").getAsLong());
    }
}
