package io.jmediasoup.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every channel method with each of its required arguments missing, of the wrong type and
 * out of range: each request is answered with the C++ worker's error ("Error" or
 * "TypeError", and its reason text where this table gives it), never with a Java exception's
 * text, and the worker answers a worker.dump afterwards.
 *
 * <p>A missing argument is also tried as JSON null, answered with the same kind of error (the
 * C++ worker's text then says either "missing" or "wrong"). The table starts from a request the worker accepts and changes one member of it per
 * case. One worker serves every case, set up once with an entity of each kind; a case that is
 * answered with an error changes nothing, so the cases do not depend on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelAbuseTest {
    private static final String LOOPBACK = "{\"ip\":\"127.0.0.1\"}";
    private static final String OPUS = "{\"mimeType\":\"audio/opus\",\"payloadType\":100,\"clockRate\":48000,\"channels\":2}";
    private static final String PRODUCE = "{\"kind\":\"audio\",\"rtpParameters\":{\"codecs\":[" + OPUS + "],"
            + "\"encodings\":[{\"ssrc\":1111}]},\"rtpMapping\":{\"codecs\":[{\"payloadType\":100,\"mappedPayloadType\":100}],"
            + "\"encodings\":[{\"ssrc\":1111,\"mappedSsrc\":5555}]}}";
    private static final String CONSUME = "{\"kind\":\"audio\",\"type\":\"simple\",\"rtpParameters\":{\"codecs\":[" + OPUS
            + "],\"encodings\":[{\"ssrc\":7777}]},\"consumableRtpEncodings\":[{\"ssrc\":5555}]}";
    private static final String TYPES = "{\"types\":[\"rtp\"]}";

    private ChannelPeer peer;

    /** The entities the cases aim at: r1 with a producer p1 on plain transport tp, its consumer c1 on tc, data on direct td. */
    @BeforeAll
    void start() {
        peer = new ChannelPeer(Settings.fromArgs(new String[] {"--logLevel=error"}), 1);
        setUp("worker.createRouter", "{\"routerId\":\"r1\"}", "{}");
        setUp("router.createWebRtcTransport", "{\"routerId\":\"r1\",\"transportId\":\"tw\"}", "{\"listenIps\":[" + LOOPBACK + "]}");
        setUp("router.createPlainTransport", "{\"routerId\":\"r1\",\"transportId\":\"tp\"}", "{\"listenIp\":" + LOOPBACK + "}");
        setUp("router.createPlainTransport", "{\"routerId\":\"r1\",\"transportId\":\"tc\"}", "{\"listenIp\":" + LOOPBACK + "}");
        setUp("router.createDirectTransport", "{\"routerId\":\"r1\",\"transportId\":\"td\"}", "{\"direct\":true,\"maxMessageSize\":262144}");
        setUp("transport.produce", "{\"routerId\":\"r1\",\"transportId\":\"tp\",\"producerId\":\"p1\"}", PRODUCE);
        setUp("transport.consume", "{\"routerId\":\"r1\",\"transportId\":\"tc\",\"producerId\":\"p1\",\"consumerId\":\"c1\"}", CONSUME);
        setUp("transport.produceData", "{\"routerId\":\"r1\",\"transportId\":\"td\",\"dataProducerId\":\"dp1\"}", "{\"type\":\"direct\"}");
        setUp("transport.consumeData", "{\"routerId\":\"r1\",\"transportId\":\"td\",\"dataProducerId\":\"dp1\","
                + "\"dataConsumerId\":\"dc1\"}", "{\"type\":\"direct\"}");
        setUp("router.createPlainTransport", "{\"routerId\":\"r1\",\"transportId\":\"ts\"}", "{\"listenIp\":" + LOOPBACK
                + ",\"enableSctp\":true,\"numSctpStreams\":{\"OS\":1024,\"MIS\":1024},\"maxSctpMessageSize\":262144}");
        setUp("transport.produceData", "{\"routerId\":\"r1\",\"transportId\":\"ts\",\"dataProducerId\":\"dps\"}",
                "{\"type\":\"sctp\",\"sctpStreamParameters\":{\"streamId\":1}}");
        setUp("transport.consumeData", "{\"routerId\":\"r1\",\"transportId\":\"ts\",\"dataProducerId\":\"dps\","
                + "\"dataConsumerId\":\"dcs\"}", "{\"type\":\"sctp\",\"sctpStreamParameters\":{\"streamId\":2}}");
        setUp("router.createAudioLevelObserver", "{\"routerId\":\"r1\",\"rtpObserverId\":\"ao1\"}",
                "{\"maxEntries\":1,\"threshold\":-80,\"interval\":1000}");
    }

    private void setUp(String method, String internal, String data) {
        JsonObject response = peer.request(method, internal, data);
        assertTrue(response.has("accepted"), method + ": " + response);
    }

    @AfterAll
    void stop() {
        peer.close();
    }

    /** One abusive request: {@code method} with {@code internal} and {@code data}, and the answer the C++ worker gives. */
    record Case(String method, String change, String internal, String data, String error, String reason) {
        @Override
        public String toString() {
            return method + " " + change;
        }
    }

    static Stream<Case> cases() {
        String router = "{\"routerId\":\"r1\"}";
        String plain = "{\"routerId\":\"r1\",\"transportId\":\"tp\"}";
        String direct = "{\"routerId\":\"r1\",\"transportId\":\"td\"}";
        String producer = "{\"routerId\":\"r1\",\"transportId\":\"tp\",\"producerId\":\"p1\"}";
        String consumer = "{\"routerId\":\"r1\",\"transportId\":\"tc\",\"producerId\":\"p1\",\"consumerId\":\"c1\"}";
        String dataProducer = "{\"routerId\":\"r1\",\"transportId\":\"td\",\"dataProducerId\":\"dp1\"}";
        String dataConsumer = "{\"routerId\":\"r1\",\"transportId\":\"td\",\"dataProducerId\":\"dp1\",\"dataConsumerId\":\"dc1\"}";
        String sctpDataConsumer = "{\"routerId\":\"r1\",\"transportId\":\"ts\",\"dataProducerId\":\"dps\",\"dataConsumerId\":\"dcs\"}";
        String observer = "{\"routerId\":\"r1\",\"rtpObserverId\":\"ao1\"}";
        List<Table> tables = List.of(
                new Table("worker.updateSettings", "{}", "{\"logLevel\":\"warn\"}")
                        .outOfRange("data.logLevel", "\"chicken\"", "TypeError", "invalid value 'chicken' for logLevel"),
                new Table("worker.createRouter", "{\"routerId\":\"r2\"}", "{}").newId("routerId", "a Router with same routerId already exists", "r1"),
                new Table("router.close", router, "{}").existing("routerId", "Router"),
                new Table("router.dump", router, "{}").existing("routerId", "Router"),
                new Table("router.createWebRtcTransport", "{\"routerId\":\"r1\",\"transportId\":\"t9\"}", "{\"listenIps\":[" + LOOPBACK + "]}")
                        .existing("routerId", "Router")
                        .newId("transportId", "a Transport with same transportId already exists", "tp")
                        .missing("data.listenIps", "TypeError", "missing listenIps")
                        .wrongType("data.listenIps", "\"127.0.0.1\"", "TypeError", "wrong listenIps (not an array)")
                        .outOfRange("data.listenIps", "[]", "TypeError", "wrong listenIps (empty array)")
                        .wrongType("data.enableUdp", "1", "TypeError", "wrong enableUdp (not a boolean)")
                        .outOfRange("data.port", "-1", "TypeError", "wrong port (not a positive number)"),
                new Table("router.createPlainTransport", "{\"routerId\":\"r1\",\"transportId\":\"t9\"}", "{\"listenIp\":" + LOOPBACK + "}")
                        .existing("routerId", "Router")
                        .newId("transportId", "a Transport with same transportId already exists", "tp")
                        .missing("data.listenIp", "TypeError", "missing listenIp")
                        .wrongType("data.listenIp", "\"127.0.0.1\"", "TypeError", "wrong listenIp (not an object)")
                        .missing("data.listenIp.ip", "TypeError", "missing listenIp.ip")
                        .outOfRange("data.listenIp.ip", "\"localhost\"", "TypeError", "invalid IP 'localhost'")
                        .wrongType("data.rtcpMux", "\"yes\"", "TypeError", "wrong rtcpMux (not a boolean)")
                        .wrongType("data.comedia", "1", "TypeError", "wrong comedia (not a boolean)")
                        .outOfRange("data.port", "-1", "TypeError", "wrong port (not a positive number)"),
                new Table("router.createPipeTransport", "{\"routerId\":\"r1\",\"transportId\":\"t9\"}", "{\"listenIp\":" + LOOPBACK + "}")
                        .existing("routerId", "Router")
                        .newId("transportId", "a Transport with same transportId already exists", "tp")
                        .missing("data.listenIp", "TypeError", "missing listenIp")
                        .wrongType("data.listenIp", "[]", "TypeError", "wrong listenIp (not an object)")
                        .wrongType("data.listenIp.ip", "7", "TypeError", null),
                new Table("router.createDirectTransport", "{\"routerId\":\"r1\",\"transportId\":\"t9\"}", "{\"direct\":true,\"maxMessageSize\":1000}")
                        .existing("routerId", "Router")
                        .newId("transportId", "a Transport with same transportId already exists", "td")
                        .missing("data.maxMessageSize", "TypeError", "wrong maxMessageSize (not a number)")
                        .wrongType("data.maxMessageSize", "\"big\"", "TypeError", "wrong maxMessageSize (not a number)"),
                new Table("router.createActiveSpeakerObserver", "{\"routerId\":\"r1\",\"rtpObserverId\":\"o9\"}", "{\"interval\":300}")
                        .existing("routerId", "Router")
                        .newId("rtpObserverId", "an RtpObserver with same rtpObserverId already exists", "ao1")
                        .missing("data.interval", "TypeError", "missing interval")
                        .wrongType("data.interval", "\"often\"", "TypeError", "missing interval"),
                new Table("router.createAudioLevelObserver", "{\"routerId\":\"r1\",\"rtpObserverId\":\"o9\"}",
                        "{\"maxEntries\":1,\"threshold\":-80,\"interval\":1000}")
                        .existing("routerId", "Router")
                        .newId("rtpObserverId", "an RtpObserver with same rtpObserverId already exists", "ao1")
                        .missing("data.maxEntries", "TypeError", "missing maxEntries")
                        .wrongType("data.maxEntries", "\"1\"", "TypeError", "missing maxEntries")
                        .outOfRange("data.maxEntries", "0", "TypeError", "invalid maxEntries value 0")
                        .missing("data.threshold", "TypeError", "missing threshold")
                        .outOfRange("data.threshold", "10", "TypeError", "invalid threshold value 10")
                        .missing("data.interval", "TypeError", "missing interval")
                        .wrongType("data.interval", "true", "TypeError", "missing interval"),
                transportTable("transport.close", plain, "{}"),
                transportTable("transport.dump", plain, "{}"),
                transportTable("transport.getStats", plain, "{}"),
                transportTable("transport.connect", "{\"routerId\":\"r1\",\"transportId\":\"tp\"}", "{\"ip\":\"127.0.0.1\",\"port\":9}")
                        .missing("data.ip", "TypeError", "missing ip")
                        .wrongType("data.ip", "5", "TypeError", "missing ip")
                        .outOfRange("data.ip", "\"chicken\"", "TypeError", "invalid IP 'chicken'")
                        .missing("data.port", "TypeError", "missing port")
                        .wrongType("data.port", "\"9\"", "TypeError", "missing port")
                        .outOfRange("data.port", "-9", "TypeError", "missing port"),
                transportTable("transport.setMaxIncomingBitrate", plain, "{\"bitrate\":100000}")
                        .missing("data.bitrate", "TypeError", "missing bitrate")
                        .wrongType("data.bitrate", "\"fast\"", "TypeError", "missing bitrate")
                        .outOfRange("data.bitrate", "-1", "TypeError", "missing bitrate"),
                transportTable("transport.setMaxOutgoingBitrate", plain, "{\"bitrate\":100000}")
                        .missing("data.bitrate", "TypeError", "missing bitrate")
                        .wrongType("data.bitrate", "[]", "TypeError", "missing bitrate")
                        .outOfRange("data.bitrate", "-1", "TypeError", "missing bitrate"),
                transportTable("transport.restartIce", "{\"routerId\":\"r1\",\"transportId\":\"tw\"}", "{}"),
                transportTable("transport.produce", "{\"routerId\":\"r1\",\"transportId\":\"tp\",\"producerId\":\"p9\"}", PRODUCE)
                        .newId("producerId", "a Producer with same producerId already exists", "p1")
                        .missing("data.kind", "TypeError", "missing kind")
                        .wrongType("data.kind", "5", "TypeError", "missing kind")
                        .outOfRange("data.kind", "\"chicken\"", "TypeError", null)
                        .missing("data.rtpParameters", "TypeError", "missing rtpParameters")
                        .wrongType("data.rtpParameters", "\"x\"", "TypeError", "missing rtpParameters")
                        .missing("data.rtpParameters.codecs", "TypeError", null)
                        .outOfRange("data.rtpParameters.codecs", "[]", "TypeError", null)
                        .wrongType("data.rtpParameters.encodings", "{}", "TypeError", null)
                        .missing("data.rtpMapping", "TypeError", "missing rtpMapping")
                        .missing("data.rtpMapping.codecs", "TypeError", "missing rtpMapping.codecs")
                        .missing("data.rtpMapping.encodings", "TypeError", "missing rtpMapping.encodings")
                        .wrongType("data.rtpMapping.codecs", "[5]", "TypeError", "wrong entry in rtpMapping.codecs (not an object)")
                        .outOfRange("data.rtpMapping.encodings", "[]", "TypeError",
                                "rtpParameters.encodings size does not match rtpMapping.encodings size"),
                transportTable("transport.consume", "{\"routerId\":\"r1\",\"transportId\":\"tc\",\"producerId\":\"p1\",\"consumerId\":\"c9\"}",
                        CONSUME)
                        .idArgument("producerId", "missing internal.producerId", "Producer not found [producerId:nope]")
                        .newId("consumerId", "a Consumer with same consumerId already exists", "c1")
                        .missing("data.type", "TypeError", "missing type")
                        .wrongType("data.type", "1", "TypeError", "missing type")
                        .outOfRange("data.type", "\"chicken\"", "TypeError", null)
                        .missing("data.kind", "TypeError", "missing kind")
                        .missing("data.rtpParameters", "TypeError", "missing rtpParameters")
                        .outOfRange("data.rtpParameters.encodings", "[]", "TypeError", "empty encodings")
                        .missing("data.consumableRtpEncodings", "TypeError", "missing consumableRtpEncodings")
                        .wrongType("data.consumableRtpEncodings", "{}", "TypeError", "missing consumableRtpEncodings")
                        .outOfRange("data.consumableRtpEncodings", "[]", "TypeError", "empty consumableRtpEncodings"),
                transportTable("transport.produceData", "{\"routerId\":\"r1\",\"transportId\":\"td\",\"dataProducerId\":\"dp9\"}",
                        "{\"type\":\"direct\"}")
                        .newId("dataProducerId", "a DataProducer with same dataProducerId already exists", "dp1")
                        .missing("data.type", "TypeError", "missing type")
                        .wrongType("data.type", "{}", "TypeError", "missing type")
                        .outOfRange("data.type", "\"chicken\"", "TypeError", "invalid type"),
                transportTable("transport.consumeData", "{\"routerId\":\"r1\",\"transportId\":\"td\",\"dataProducerId\":\"dp1\","
                        + "\"dataConsumerId\":\"dc9\"}", "{\"type\":\"direct\"}")
                        .idArgument("dataProducerId", "missing internal.dataProducerId", "DataProducer not found [dataProducerId:nope]")
                        .newId("dataConsumerId", "a DataConsumer with same dataConsumerId already exists", "dc1")
                        .missing("data.type", "TypeError", "missing type")
                        .outOfRange("data.type", "\"chicken\"", "TypeError", "invalid type"),
                traceEvents(transportTable("transport.enableTraceEvent", plain, TYPES)),
                producerTable("producer.close", producer, "{}"),
                producerTable("producer.dump", producer, "{}"),
                producerTable("producer.getStats", producer, "{}"),
                producerTable("producer.pause", producer, "{}"),
                producerTable("producer.resume", producer, "{}"),
                traceEvents(producerTable("producer.enableTraceEvent", producer, TYPES)),
                consumerTable("consumer.close", consumer, "{}"),
                consumerTable("consumer.dump", consumer, "{}"),
                consumerTable("consumer.getStats", consumer, "{}"),
                consumerTable("consumer.pause", consumer, "{}"),
                consumerTable("consumer.resume", consumer, "{}"),
                consumerTable("consumer.setPreferredLayers", consumer, "{\"spatialLayer\":0}"),
                consumerTable("consumer.setPriority", consumer, "{\"priority\":2}")
                        .missing("data.priority", "TypeError", "wrong priority (not a number)")
                        .wrongType("data.priority", "\"high\"", "TypeError", "wrong priority (not a number)")
                        .outOfRange("data.priority", "0", "TypeError", "wrong priority (must be higher than 0)"),
                consumerTable("consumer.requestKeyFrame", consumer, "{}"),
                traceEvents(consumerTable("consumer.enableTraceEvent", consumer, TYPES)),
                dataProducerTable("dataProducer.close", dataProducer, "{}"),
                dataProducerTable("dataProducer.dump", dataProducer, "{}"),
                dataProducerTable("dataProducer.getStats", dataProducer, "{}"),
                dataConsumerTable("dataConsumer.close", dataConsumer, "{}"),
                dataConsumerTable("dataConsumer.dump", dataConsumer, "{}"),
                dataConsumerTable("dataConsumer.getStats", dataConsumer, "{}"),
                dataConsumerTable("dataConsumer.getBufferedAmount", sctpDataConsumer, "{}"),
                dataConsumerTable("dataConsumer.setBufferedAmountLowThreshold", sctpDataConsumer, "{\"threshold\":10}")
                        .missing("data.threshold", "TypeError", "wrong bufferedAmountThreshold (not an unsigned number)")
                        .wrongType("data.threshold", "\"low\"", "TypeError", "wrong bufferedAmountThreshold (not an unsigned number)")
                        .outOfRange("data.threshold", "-1", "TypeError", "wrong bufferedAmountThreshold (not an unsigned number)"),
                observerTable("rtpObserver.close", observer, "{}"),
                observerTable("rtpObserver.pause", observer, "{}"),
                observerTable("rtpObserver.resume", observer, "{}"),
                observerTable("rtpObserver.addProducer", observer, "{\"producerId\":\"p1\"}")
                        .missing("data.producerId", "Error", "missing data.producerId")
                        .wrongType("data.producerId", "1", "Error", "missing data.producerId")
                        .outOfRange("data.producerId", "\"nope\"", "Error", "Producer not found"),
                observerTable("rtpObserver.removeProducer", observer, "{\"producerId\":\"p1\"}")
                        .missing("data.producerId", "Error", "missing data.producerId")
                        .outOfRange("data.producerId", "\"nope\"", "Error", "Producer not found"));
        return tables.stream().flatMap(table -> table.cases.stream());
    }

    private static Table transportTable(String method, String internal, String data) {
        return new Table(method, internal, data).existing("routerId", "Router").existing("transportId", "Transport");
    }

    private static Table producerTable(String method, String internal, String data) {
        return transportTable(method, internal, data).existing("producerId", "Producer");
    }

    private static Table consumerTable(String method, String internal, String data) {
        return new Table(method, internal, data).existing("routerId", "Router").existing("transportId", "Transport")
                .existing("consumerId", "Consumer");
    }

    private static Table dataProducerTable(String method, String internal, String data) {
        return transportTable(method, internal, data).existing("dataProducerId", "DataProducer");
    }

    private static Table dataConsumerTable(String method, String internal, String data) {
        return transportTable(method, internal, data).existing("dataConsumerId", "DataConsumer");
    }

    private static Table observerTable(String method, String internal, String data) {
        return new Table(method, internal, data).existing("routerId", "Router").existing("rtpObserverId", "RtpObserver");
    }

    private static Table traceEvents(Table table) {
        return table.missing("data.types", "TypeError", "wrong types (not an array)")
                .wrongType("data.types", "\"rtp\"", "TypeError", "wrong types (not an array)")
                .outOfRange("data.types", "[5]", "TypeError", "wrong type (not a string)");
    }

    /** The cases of one method, each a change to a request the worker would accept. */
    private static final class Table {
        private final String method;
        private final JsonObject internal;
        private final JsonObject data;
        final List<Case> cases = new ArrayList<>();

        Table(String method, String internal, String data) {
            this.method = method;
            this.internal = JsonParser.parseString(internal).getAsJsonObject();
            this.data = JsonParser.parseString(data).getAsJsonObject();
        }

        /** An internal id naming an existing entity: missing, not a string, or naming nothing. */
        Table existing(String id, String entity) {
            return idArgument(id, "missing internal." + id, entity + " not found");
        }

        Table idArgument(String id, String missingReason, String notFoundReason) {
            add("without internal." + id, "internal." + id, null, "Error", missingReason);
            add("with a null internal." + id, "internal." + id, "null", "Error", missingReason);
            add("with a numeric internal." + id, "internal." + id, "1", "Error", missingReason);
            return add("with an unknown internal." + id, "internal." + id, "\"nope\"", "Error", notFoundReason);
        }

        /** An internal id for the entity to create: missing, not a string, or already taken. */
        Table newId(String id, String takenReason, String taken) {
            add("without internal." + id, "internal." + id, null, "Error", "missing internal." + id);
            add("with a null internal." + id, "internal." + id, "null", "Error", "missing internal." + id);
            add("with a numeric internal." + id, "internal." + id, "[]", "Error", "missing internal." + id);
            return add("with a taken internal." + id, "internal." + id, "\"" + taken + "\"", "Error", takenReason);
        }

        Table missing(String path, String error, String reason) {
            add("without " + path, path, null, error, reason);
            return add("with " + path + "=null", path, "null", error, null);
        }

        Table wrongType(String path, String json, String error, String reason) {
            return add("with " + path + "=" + json + " (wrong type)", path, json, error, reason);
        }

        Table outOfRange(String path, String json, String error, String reason) {
            return add("with " + path + "=" + json + " (out of range)", path, json, error, reason);
        }

        private Table add(String change, String path, String json, String error, String reason) {
            JsonObject request = new JsonObject();
            request.add("internal", internal.deepCopy());
            request.add("data", data.deepCopy());
            String[] names = path.split("\\.");
            JsonObject parent = request;
            for (int i = 0; i < names.length - 1; i++) {
                parent = parent.getAsJsonObject(names[i]);
            }
            String last = names[names.length - 1];
            if (json == null) {
                assertTrue(parent.has(last), method + ": the accepted request has no " + path);
                parent.remove(last);
            } else {
                parent.add(last, JsonParser.parseString(json));
            }
            String fullReason = reason == null ? null
                    : method.equals("worker.updateSettings") ? reason : reason + " [method:" + method + "]";
            cases.add(new Case(method, change, request.get("internal").toString(), request.get("data").toString(), error,
                    fullReason));
            return this;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersWithAnErrorAndKeepsServing(Case abuse) {
        JsonObject response = peer.request(abuse.method(), abuse.internal(), abuse.data());
        assertFalse(response.has("accepted"), "accepted: " + response);
        String reason = response.get("reason").getAsString();
        assertFalse(reason.contains("java.") || reason.contains("Exception"), "a Java exception escaped: " + reason);
        assertEquals(abuse.error(), response.get("error").getAsString(), response.toString());
        if (abuse.reason() != null) {
            assertEquals(abuse.reason(), reason);
        }
        JsonElement dump = peer.request("worker.dump").get("data");
        assertTrue(dump.getAsJsonObject().has("routerIds"), "worker.dump answered");
    }
}
