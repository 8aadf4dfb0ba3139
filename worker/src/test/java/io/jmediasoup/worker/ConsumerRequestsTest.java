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

/** transport.consume and consumer.* with the validation, dumps and events of the C++ worker. */
class ConsumerRequestsTest {
    private static final String ROUTER = "{\"routerId\":\"r1\"}";
    private static final String TRANSPORT = "{\"routerId\":\"r1\",\"transportId\":\"t1\"}";
    private static final String PRODUCER = "{\"routerId\":\"r1\",\"transportId\":\"t1\",\"producerId\":\"p1\"}";
    private static final String OPUS = "{\"mimeType\":\"audio/opus\",\"payloadType\":100,\"clockRate\":48000,"
            + "\"channels\":2,\"parameters\":{\"useinbandfec\":1}}";
    private static final String VP8 = "{\"mimeType\":\"video/VP8\",\"payloadType\":101,\"clockRate\":90000,"
            + "\"rtcpFeedback\":[{\"type\":\"nack\"},{\"type\":\"nack\",\"parameter\":\"pli\"},{\"type\":\"ccm\",\"parameter\":\"fir\"}]}";
    private static final String VP8_RTX = "{\"mimeType\":\"video/rtx\",\"payloadType\":102,\"clockRate\":90000,"
            + "\"parameters\":{\"apt\":101}}";
    private ChannelPeer peer;

    @BeforeEach
    void start() {
        peer = new ChannelPeer(Settings.fromArgs(new String[0]), 1);
        peer.request("worker.createRouter", ROUTER, "{}");
        peer.request("router.createPlainTransport", TRANSPORT, "{\"listenIp\":{\"ip\":\"127.0.0.1\"}}");
        peer.request("transport.produce", PRODUCER, "{\"kind\":\"audio\",\"rtpParameters\":{\"codecs\":[" + OPUS
                + "],\"encodings\":[{\"ssrc\":1111}]},\"rtpMapping\":{\"codecs\":[{\"payloadType\":100,"
                + "\"mappedPayloadType\":100}],\"encodings\":[{\"ssrc\":1111,\"mappedSsrc\":5555}]}}");
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    private static String consumer(String id, String producerId) {
        return "{\"routerId\":\"r1\",\"transportId\":\"t1\",\"consumerId\":\"" + id + "\",\"producerId\":\"" + producerId + "\"}";
    }

    private static String audio(long ssrc) {
        return "{\"kind\":\"audio\",\"type\":\"simple\",\"rtpParameters\":{\"mid\":\"0\",\"codecs\":[" + OPUS + "],"
                + "\"encodings\":[{\"ssrc\":" + ssrc + "}],\"rtcp\":{\"cname\":\"c\"}},"
                + "\"consumableRtpEncodings\":[{\"ssrc\":5555}]}";
    }

    /** A simulcast VP8 consumer of three streams, with RTX. */
    private static String simulcast(String preferredLayers) {
        return "{\"kind\":\"video\",\"type\":\"simulcast\",\"rtpParameters\":{\"codecs\":[" + VP8 + "," + VP8_RTX + "],"
                + "\"encodings\":[{\"ssrc\":2222,\"rtx\":{\"ssrc\":3333},\"scalabilityMode\":\"S3T3\"}]},"
                + "\"consumableRtpEncodings\":[{\"ssrc\":1},{\"ssrc\":2},{\"ssrc\":3}]"
                + (preferredLayers != null ? ",\"preferredLayers\":" + preferredLayers : "") + "}";
    }

    static Stream<Arguments> invalidConsumers() {
        String opus = "\"rtpParameters\":{\"codecs\":[" + OPUS + "],\"encodings\":[{\"ssrc\":1}]}";
        String vp8 = "\"rtpParameters\":{\"codecs\":[" + VP8 + "],\"encodings\":[{\"ssrc\":1,\"scalabilityMode\":\"S2T1\"}]}";
        return Stream.of(
                Arguments.of("{}", "missing type"),
                Arguments.of("{\"type\":\"foo\"}", "invalid RtpParameters type [type:foo]"),
                Arguments.of("{\"type\":\"none\"}", "invalid type 'none'"),
                Arguments.of("{\"type\":\"simple\"}", "missing kind"),
                Arguments.of("{\"type\":\"simple\",\"kind\":\"\"}", "invalid empty kind"),
                Arguments.of("{\"type\":\"simple\",\"kind\":\"audio\"}", "missing rtpParameters"),
                Arguments.of("{\"type\":\"simple\",\"kind\":\"audio\",\"rtpParameters\":{\"codecs\":[" + OPUS
                        + "],\"encodings\":[{}]}}", "invalid encoding in rtpParameters (missing ssrc)"),
                Arguments.of("{\"type\":\"simple\",\"kind\":\"audio\",\"rtpParameters\":{\"codecs\":[" + OPUS
                        + "],\"encodings\":[{\"ssrc\":1,\"rtx\":{}}]}}", "invalid encoding in rtpParameters (missing rtx.ssrc)"),
                Arguments.of("{\"type\":\"simple\",\"kind\":\"audio\"," + opus + "}", "missing consumableRtpEncodings"),
                Arguments.of("{\"type\":\"simple\",\"kind\":\"audio\"," + opus + ",\"consumableRtpEncodings\":[]}",
                        "empty consumableRtpEncodings"),
                Arguments.of("{\"type\":\"simple\",\"kind\":\"audio\"," + opus + ",\"consumableRtpEncodings\":[{}]}",
                        "wrong encoding in consumableRtpEncodings (missing ssrc)"),
                Arguments.of("{\"type\":\"simple\",\"kind\":\"audio\"," + opus
                        + ",\"consumableRtpEncodings\":[{\"ssrc\":1},{\"ssrc\":2}]}", "invalid consumableRtpEncodings with size != 1"),
                Arguments.of("{\"type\":\"simulcast\",\"kind\":\"video\"," + vp8 + ",\"consumableRtpEncodings\":[{\"ssrc\":1}]}",
                        "invalid consumableRtpEncodings with size <= 1"),
                Arguments.of("{\"type\":\"simulcast\",\"kind\":\"video\"," + vp8
                        + ",\"consumableRtpEncodings\":[{\"ssrc\":1},{\"ssrc\":2},{\"ssrc\":3}]}",
                        "encoding.spatialLayers does not match number of consumableRtpEncodings"),
                Arguments.of("{\"type\":\"simulcast\",\"kind\":\"video\"," + vp8
                        + ",\"consumableRtpEncodings\":[{\"ssrc\":1},{\"ssrc\":2}],\"preferredLayers\":{\"temporalLayer\":1}}",
                        "missing preferredLayers.spatialLayer"),
                Arguments.of("{\"type\":\"svc\",\"kind\":\"video\"," + vp8 + ",\"consumableRtpEncodings\":[{\"ssrc\":1}]}",
                        "video/VP8 codec not supported for svc"),
                Arguments.of("{\"type\":\"svc\",\"kind\":\"audio\"," + opus + ",\"consumableRtpEncodings\":[{\"ssrc\":1}]}",
                        "invalid number of layers"),
                Arguments.of("{\"type\":\"pipe\",\"kind\":\"audio\"," + opus
                        + ",\"consumableRtpEncodings\":[{\"ssrc\":1},{\"ssrc\":2}]}",
                        "number of rtpParameters.encodings and consumableRtpEncodings do not match"));
    }

    @ParameterizedTest
    @MethodSource("invalidConsumers")
    void rejectsInvalidConsumersWithATypeError(String data, String reason) {
        JsonObject response = peer.request("transport.consume", consumer("c", "p1"), data);
        assertEquals("TypeError", response.get("error").getAsString());
        assertEquals(reason + " [method:transport.consume]", response.get("reason").getAsString());
    }

    @Test
    void rejectsUnknownProducersAndDuplicatedIds() {
        assertEquals("missing internal.producerId [method:transport.consume]", peer.request("transport.consume",
                "{\"routerId\":\"r1\",\"transportId\":\"t1\",\"consumerId\":\"c\"}", audio(1)).get("reason").getAsString());
        assertEquals("Producer not found [producerId:p9] [method:transport.consume]",
                peer.request("transport.consume", consumer("c1", "p9"), audio(1)).get("reason").getAsString());
        peer.request("transport.consume", consumer("c1", "p1"), audio(1));
        assertEquals("a Consumer with same consumerId already exists [method:transport.consume]",
                peer.request("transport.consume", consumer("c1", "p1"), audio(2)).get("reason").getAsString());
        assertEquals("Consumer not found [method:consumer.dump]",
                peer.request("consumer.dump", consumer("c9", "p1"), "{}").get("reason").getAsString());
    }

    @Test
    void simpleConsumerAnswersWithItsStatusAndDumpsItsStream() {
        assertEquals("{\"paused\":false,\"producerPaused\":false,"
                + "\"score\":{\"score\":10,\"producerScore\":0,\"producerScores\":[0]}}",
                peer.request("transport.consume", consumer("c1", "p1"), audio(4444)).get("data").toString());
        JsonObject dump = peer.request("consumer.dump", consumer("c1", "p1"), "{}").getAsJsonObject("data");
        assertEquals("[{\"ssrc\":5555}]", dump.get("consumableRtpEncodings").toString());
        assertEquals("[100]", dump.get("supportedCodecPayloadTypes").toString());
        assertEquals("{\"params\":{\"encodingIdx\":0,\"ssrc\":4444,\"payloadType\":100,\"mimeType\":\"audio/opus\","
                + "\"clockRate\":48000,\"cname\":\"c\",\"useNack\":false,\"usePli\":false,\"useFir\":false,"
                + "\"useInBandFec\":true,\"useDtx\":false,\"spatialLayers\":1,\"temporalLayers\":1},\"score\":10}",
                dump.get("rtpStream").toString());
        JsonObject stats = peer.request("consumer.getStats", consumer("c1", "p1"), "{}").getAsJsonArray("data")
                .get(0).getAsJsonObject();
        assertEquals("outbound-rtp", stats.get("type").getAsString());
        assertEquals(4444, stats.get("ssrc").getAsLong());
        assertEquals("audio/opus", stats.get("mimeType").getAsString());
        JsonObject transport = peer.request("transport.dump", TRANSPORT, "{}").getAsJsonObject("data");
        assertEquals("{\"4444\":\"c1\"}", transport.get("mapSsrcConsumerId").toString());
        JsonObject router = peer.request("router.dump", ROUTER, "{}").getAsJsonObject("data");
        assertEquals("{\"p1\":[\"c1\"]}", router.get("mapProducerIdConsumerIds").toString());
        assertEquals("{\"c1\":\"p1\"}", router.get("mapConsumerIdProducerId").toString());
    }

    @Test
    void simulcastConsumerKeepsPreferredLayersWithinItsLayers() {
        JsonObject status = peer.request("transport.consume", consumer("c1", "p1"), simulcast("{\"spatialLayer\":7}"))
                .getAsJsonObject("data");
        assertEquals("{\"spatialLayer\":2,\"temporalLayer\":2}", status.get("preferredLayers").toString());
        assertEquals("{\"spatialLayer\":1,\"temporalLayer\":0}", peer.request("consumer.setPreferredLayers",
                consumer("c1", "p1"), "{\"spatialLayer\":1,\"temporalLayer\":0}").get("data").toString());
        assertEquals("missing spatialLayer [method:consumer.setPreferredLayers]", peer.request(
                "consumer.setPreferredLayers", consumer("c1", "p1"), "{\"temporalLayer\":0}").get("reason").getAsString());
        JsonObject dump = peer.request("consumer.dump", consumer("c1", "p1"), "{}").getAsJsonObject("data");
        assertEquals(1, dump.get("preferredSpatialLayer").getAsInt());
        assertEquals(-1, dump.get("currentSpatialLayer").getAsInt());
        assertEquals("{\"params\":{\"ssrc\":3333,\"payloadType\":102,\"mimeType\":\"video/rtx\",\"clockRate\":90000,"
                + "\"cname\":\"\"}}", dump.getAsJsonObject("rtpStream").get("rtxStream").toString());
        assertEquals("{\"3333\":\"c1\"}", peer.request("transport.dump", TRANSPORT, "{}").getAsJsonObject("data")
                .get("mapRtxSsrcConsumerId").toString());
    }

    static Stream<Arguments> priorities() {
        return Stream.of(
                Arguments.of("{\"priority\":2}", "{\"priority\":2}"),
                Arguments.of("{\"priority\":3.7}", "{\"priority\":3}"),
                Arguments.of("{\"priority\":-1}", "{\"priority\":255}"),
                Arguments.of("{\"priority\":0}", "wrong priority (must be higher than 0)"),
                Arguments.of("{\"priority\":256}", "wrong priority (must be higher than 0)"),
                Arguments.of("{\"priority\":\"1\"}", "wrong priority (not a number)"),
                Arguments.of("{}", "wrong priority (not a number)"));
    }

    @ParameterizedTest
    @MethodSource("priorities")
    void setPriorityNarrowsAnyNumberToEightBitsAsTheCxxWorker(String data, String expected) {
        peer.request("transport.consume", consumer("c1", "p1"), audio(1));
        JsonObject response = peer.request("consumer.setPriority", consumer("c1", "p1"), data);
        String answer = response.has("data") ? response.get("data").toString()
                : response.get("reason").getAsString().replace(" [method:consumer.setPriority]", "");
        assertEquals(expected, answer);
    }

    @Test
    void producerPauseResumeAndCloseReachTheConsumer() {
        peer.request("producer.pause", PRODUCER, "{}");
        assertEquals("{\"paused\":true,\"producerPaused\":true,"
                + "\"score\":{\"score\":10,\"producerScore\":0,\"producerScores\":[0]}}",
                peer.request("transport.consume", consumer("c1", "p1"), "{\"paused\":true," + audio(1).substring(1))
                        .get("data").toString());
        assertEquals("producerpause", peer.nextNotification().get("event").getAsString());
        peer.request("producer.resume", PRODUCER, "{}");
        assertEquals("producerresume", peer.nextNotification().get("event").getAsString());
        peer.request("producer.close", PRODUCER, "{}");
        JsonObject close = peer.nextNotification();
        assertEquals("c1", close.get("targetId").getAsString());
        assertEquals("producerclose", close.get("event").getAsString());
        JsonObject transport = peer.request("transport.dump", TRANSPORT, "{}").getAsJsonObject("data");
        assertEquals("[]", transport.get("consumerIds").toString());
        assertEquals("{}", transport.get("mapSsrcConsumerId").toString());
        assertEquals("{}", peer.request("router.dump", ROUTER, "{}").getAsJsonObject("data")
                .get("mapConsumerIdProducerId").toString());
    }

    @Test
    void closingConsumersLeavesNothingBehind() {
        for (int i = 0; i < 1000; i++) {
            peer.request("transport.consume", consumer("c" + i, "p1"), audio(10_000 + i));
            assertTrue(peer.request("consumer.close", consumer("c" + i, "p1"), "{}").get("accepted").getAsBoolean());
        }
        JsonObject router = peer.request("router.dump", ROUTER, "{}").getAsJsonObject("data");
        assertEquals("{\"p1\":[]}", router.get("mapProducerIdConsumerIds").toString());
        assertEquals("{}", router.get("mapConsumerIdProducerId").toString());
        JsonObject transport = peer.request("transport.dump", TRANSPORT, "{}").getAsJsonObject("data");
        assertEquals("[]", transport.get("consumerIds").toString());
        assertEquals("{}", transport.get("mapSsrcConsumerId").toString());
    }
}
