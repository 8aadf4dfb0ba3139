package io.jmediasoup.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** transport.produce and producer.* with the validation and errors of the C++ worker. */
class ProducerRequestsTest {
    private static final String ROUTER = "{\"routerId\":\"r1\"}";
    private static final String TRANSPORT = "{\"routerId\":\"r1\",\"transportId\":\"t1\"}";
    private static final String OPUS = "{\"mimeType\":\"audio/opus\",\"payloadType\":111,\"clockRate\":48000,\"channels\":2}";
    private ChannelPeer peer;

    @BeforeEach
    void start() {
        peer = new ChannelPeer(Settings.fromArgs(new String[0]), 1);
        peer.request("worker.createRouter", ROUTER, "{}");
        peer.request("router.createPlainTransport", TRANSPORT, "{\"listenIp\":{\"ip\":\"127.0.0.1\"}}");
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    private static String producer(String id) {
        return "{\"routerId\":\"r1\",\"transportId\":\"t1\",\"producerId\":\"" + id + "\"}";
    }

    private static String audio(String mid, long ssrc) {
        return "{\"kind\":\"audio\",\"rtpParameters\":{\"mid\":\"" + mid + "\",\"codecs\":[" + OPUS + "],"
                + "\"headerExtensions\":[{\"uri\":\"urn:ietf:params:rtp-hdrext:sdes:mid\",\"id\":1}],"
                + "\"encodings\":[{\"ssrc\":" + ssrc + "}]},\"rtpMapping\":{\"codecs\":[{\"payloadType\":111,"
                + "\"mappedPayloadType\":100}],\"encodings\":[{\"ssrc\":" + ssrc + ",\"mappedSsrc\":5}]}}";
    }

    static Stream<Arguments> invalidProducers() {
        String parameters = "\"rtpParameters\":{\"codecs\":[" + OPUS + "],\"encodings\":[{\"ssrc\":1}]}";
        return Stream.of(
                Arguments.of("{}", "missing kind"),
                Arguments.of("{\"kind\":\"data\"}", "invalid media kind [kind:data]"),
                Arguments.of("{\"kind\":\"\"}", "invalid empty kind"),
                Arguments.of("{\"kind\":\"audio\"}", "missing rtpParameters"),
                Arguments.of("{\"kind\":\"audio\"," + parameters + "}", "missing rtpMapping"),
                Arguments.of("{\"kind\":\"audio\"," + parameters + ",\"rtpMapping\":{\"codecs\":[],\"encodings\":[{}]}}",
                        "wrong entry in rtpMapping.encodings (missing ssrc or rid, or rtpParameters.mid)"),
                Arguments.of("{\"kind\":\"audio\"," + parameters + ",\"rtpMapping\":{\"codecs\":[],\"encodings\":[{\"ssrc\":1}]}}",
                        "wrong entry in rtpMapping.encodings (missing mappedSsrc)"),
                Arguments.of("{\"kind\":\"audio\"," + parameters + ",\"rtpMapping\":{\"codecs\":[],\"encodings\":[]}}",
                        "rtpParameters.encodings size does not match rtpMapping.encodings size"),
                Arguments.of("{\"kind\":\"video\",\"rtpParameters\":{\"codecs\":[{\"mimeType\":\"video/VP8\",\"payloadType\":96,"
                        + "\"clockRate\":90000}],\"encodings\":[{\"ssrc\":1,\"scalabilityMode\":\"L1T3\"}]},"
                        + "\"rtpMapping\":{\"codecs\":[],\"encodings\":[{\"ssrc\":1,\"mappedSsrc\":2}]}}",
                        "video/VP8 codec not supported for svc"));
    }

    @ParameterizedTest
    @MethodSource("invalidProducers")
    void rejectsInvalidProducersWithATypeError(String data, String reason) {
        JsonObject response = peer.request("transport.produce", producer("p"), data);
        assertEquals("TypeError", response.get("error").getAsString());
        assertEquals(reason + " [method:transport.produce]", response.get("reason").getAsString());
    }

    @Test
    void claimsMidAndSsrcInTheTransportsRtpListener() {
        assertEquals("{\"type\":\"simple\"}", peer.request("transport.produce", producer("p1"), audio("0", 1111))
                .get("data").toString());
        assertEquals("MID already exists in RTP listener [mid:0] [method:transport.produce]",
                peer.request("transport.produce", producer("p2"), audio("0", 2222)).get("reason").getAsString());
        assertEquals("ssrc already exists in RTP listener [ssrc:1111] [method:transport.produce]",
                peer.request("transport.produce", producer("p2"), audio("1", 1111)).get("reason").getAsString());
        JsonObject dump = peer.request("transport.dump", TRANSPORT, "{}").getAsJsonObject("data");
        assertEquals("{\"ssrcTable\":{\"1111\":\"p1\"},\"midTable\":{\"0\":\"p1\"},\"ridTable\":{}}",
                dump.get("rtpListener").toString());
        assertEquals("{\"mid\":1}", dump.get("recvRtpHeaderExtensions").toString());
        assertEquals(true, peer.request("producer.close", producer("p1"), "{}").get("accepted").getAsBoolean());
        assertEquals("{\"ssrcTable\":{},\"midTable\":{},\"ridTable\":{}}",
                peer.request("transport.dump", TRANSPORT, "{}").getAsJsonObject("data").get("rtpListener").toString());
    }

    @Test
    void rtpObserversWatchOnlyAudioProducers() {
        String observer = "{\"routerId\":\"r1\",\"rtpObserverId\":\"o1\"}";
        peer.request("router.createActiveSpeakerObserver", observer, "{\"interval\":300}");
        peer.request("transport.produce", producer("p1"), audio("0", 1111));
        assertEquals(true, peer.request("rtpObserver.addProducer", observer, "{\"producerId\":\"p1\"}").get("accepted").getAsBoolean());
        assertEquals("{\"p1\":[\"o1\"]}", peer.request("router.dump", ROUTER, "{}").getAsJsonObject("data")
                .get("mapProducerIdObserverIds").toString());
        peer.request("producer.close", producer("p1"), "{}");
        assertEquals("Producer not found [method:rtpObserver.removeProducer]",
                peer.request("rtpObserver.removeProducer", observer, "{\"producerId\":\"p1\"}").get("reason").getAsString());
    }
}
