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

/** router.create*Observer and rtpObserver.* with the validation and errors of the C++ worker. */
class RtpObserverRequestsTest {
    private static final String ROUTER = "{\"routerId\":\"r1\"}";
    private static final String OBSERVER = "{\"routerId\":\"r1\",\"rtpObserverId\":\"o1\"}";
    private ChannelPeer peer;

    @BeforeEach
    void start() {
        peer = new ChannelPeer(Settings.fromArgs(new String[0]), 1);
        peer.request("worker.createRouter", ROUTER, "{}");
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    static Stream<Arguments> invalidObservers() {
        String audioLevel = "router.createAudioLevelObserver";
        String activeSpeaker = "router.createActiveSpeakerObserver";
        return Stream.of(
                Arguments.of(audioLevel, "{\"threshold\":-80,\"interval\":1000}", "missing maxEntries"),
                Arguments.of(audioLevel, "{\"maxEntries\":0,\"threshold\":-80,\"interval\":1000}", "invalid maxEntries value 0"),
                Arguments.of(audioLevel, "{\"maxEntries\":-10,\"threshold\":-80,\"interval\":1000}", "missing maxEntries"),
                Arguments.of(audioLevel, "{\"maxEntries\":1,\"threshold\":\"foo\",\"interval\":1000}", "missing threshold"),
                Arguments.of(audioLevel, "{\"maxEntries\":1,\"threshold\":10,\"interval\":1000}", "invalid threshold value 10"),
                Arguments.of(audioLevel, "{\"maxEntries\":1,\"threshold\":-80,\"interval\":false}", "missing interval"),
                Arguments.of(activeSpeaker, "{\"interval\":\"x\"}", "missing interval"));
    }

    @ParameterizedTest
    @MethodSource("invalidObservers")
    void rejectsInvalidOptionsWithATypeError(String method, String data, String reason) {
        JsonObject response = peer.request(method, OBSERVER, data);
        assertEquals("TypeError", response.get("error").getAsString());
        assertEquals(reason + " [method:" + method + "]", response.get("reason").getAsString());
    }

    @Test
    void createsPausesResumesAndClosesAnObserver() {
        assertTrue(accepted(peer.request("router.createAudioLevelObserver", OBSERVER,
                "{\"maxEntries\":1,\"threshold\":-80,\"interval\":1000}")));
        assertEquals("an RtpObserver with same rtpObserverId already exists [method:router.createAudioLevelObserver]",
                peer.request("router.createAudioLevelObserver", OBSERVER,
                        "{\"maxEntries\":1,\"threshold\":-80,\"interval\":1000}").get("reason").getAsString());
        assertEquals("[\"o1\"]", peer.request("router.dump", ROUTER, "{}")
                .getAsJsonObject("data").get("rtpObserverIds").toString());
        assertTrue(accepted(peer.request("rtpObserver.pause", OBSERVER, "{}")));
        assertTrue(accepted(peer.request("rtpObserver.resume", OBSERVER, "{}")));
        assertEquals("missing data.producerId [method:rtpObserver.addProducer]",
                peer.request("rtpObserver.addProducer", OBSERVER, "{}").get("reason").getAsString());
        assertEquals("Producer not found [method:rtpObserver.addProducer]",
                peer.request("rtpObserver.addProducer", OBSERVER, "{\"producerId\":\"p\"}").get("reason").getAsString());
        assertTrue(accepted(peer.request("rtpObserver.close", OBSERVER, "{}")));
        assertEquals("RtpObserver not found [method:rtpObserver.pause]",
                peer.request("rtpObserver.pause", OBSERVER, "{}").get("reason").getAsString());
    }

    @Test
    void anActiveSpeakerObserverTakesAProducerOnce() {
        peer.request("router.createPlainTransport", "{\"routerId\":\"r1\",\"transportId\":\"t1\"}",
                "{\"listenIp\":{\"ip\":\"127.0.0.1\"}}");
        peer.request("transport.produce", "{\"routerId\":\"r1\",\"transportId\":\"t1\",\"producerId\":\"p1\"}",
                "{\"kind\":\"audio\",\"rtpParameters\":{\"codecs\":[{\"mimeType\":\"audio/opus\",\"payloadType\":100,"
                + "\"clockRate\":48000,\"channels\":2}],\"encodings\":[{\"ssrc\":1111}]},\"rtpMapping\":{\"codecs\":"
                + "[{\"payloadType\":100,\"mappedPayloadType\":100}],\"encodings\":[{\"ssrc\":1111,\"mappedSsrc\":5555}]}}");
        assertTrue(accepted(peer.request("router.createActiveSpeakerObserver", OBSERVER, "{\"interval\":300}")));
        assertTrue(accepted(peer.request("rtpObserver.addProducer", OBSERVER, "{\"producerId\":\"p1\"}")));
        JsonObject again = peer.request("rtpObserver.addProducer", OBSERVER, "{\"producerId\":\"p1\"}");
        assertEquals("Error", again.get("error").getAsString());
        assertEquals("Producer already in map [method:rtpObserver.addProducer]", again.get("reason").getAsString());
        // A lone producer is the dominant speaker at the first interval, whatever it sends.
        JsonObject notification = peer.nextNotification();
        assertEquals("o1", notification.get("targetId").getAsString());
        assertEquals("dominantspeaker", notification.get("event").getAsString());
        assertEquals("{\"producerId\":\"p1\"}", notification.get("data").toString());
    }

    private static boolean accepted(JsonObject response) {
        return response.has("accepted") && response.get("accepted").getAsBoolean();
    }
}
