package io.jmediasoup.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The worker's channel contract, driven over real socketpairs as the Node library does. */
class WorkerChannelTest {
    private static final long PID = 4242;
    private ChannelPeer peer;

    @BeforeEach
    void start() {
        peer = new ChannelPeer(Settings.fromArgs(new String[0]), PID);
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    @Test
    void announcesRunningWithItsPid() {
        assertEquals(json("{\"targetId\":\"4242\",\"event\":\"running\"}"), json(peer.nextChannelFrame()));
    }

    @Test
    void dumpsAndClosesRouters() {
        assertEquals(json("{\"id\":1,\"accepted\":true,\"data\":{\"pid\":4242,\"routerIds\":[]}}"),
                peer.request("worker.dump"));
        assertEquals(json("{\"id\":2,\"accepted\":true}"),
                peer.request("worker.createRouter", "{\"routerId\":\"r1\"}", "{}"));
        assertEquals(json("{\"pid\":4242,\"routerIds\":[\"r1\"]}"), peer.request("worker.dump").get("data"));
        JsonObject routerDump = peer.request("router.dump", "{\"routerId\":\"r1\"}", "{}").getAsJsonObject("data");
        assertEquals(json("{\"id\":\"r1\",\"transportIds\":[],\"rtpObserverIds\":[],\"mapProducerIdConsumerIds\":{},"
                + "\"mapConsumerIdProducerId\":{},\"mapProducerIdObserverIds\":{},"
                + "\"mapDataProducerIdDataConsumerIds\":{},\"mapDataConsumerIdDataProducerId\":{}}"), routerDump);
        assertTrue(peer.request("router.close", "{\"routerId\":\"r1\"}", "{}").get("accepted").getAsBoolean());
        assertEquals(json("{\"pid\":4242,\"routerIds\":[]}"), peer.request("worker.dump").get("data"));
    }

    static Stream<Arguments> rejectedRequests() {
        return Stream.of(
                Arguments.of("worker.createRouter", "{}", "{}", "Error", "missing internal.routerId [method:worker.createRouter]"),
                Arguments.of("worker.createRouter", "{\"routerId\":7}", "{}", "Error", "missing internal.routerId [method:worker.createRouter]"),
                Arguments.of("router.close", "{\"routerId\":\"nope\"}", "{}", "Error", "Router not found [method:router.close]"),
                Arguments.of("router.dump", "{}", "{}", "Error", "missing internal.routerId [method:router.dump]"),
                Arguments.of("transport.dump", "{\"routerId\":\"nope\"}", "{}", "Error", "Router not found [method:transport.dump]"),
                Arguments.of("worker.updateSettings", "{}", "{\"logLevel\":\"chicken\"}", "TypeError", "invalid value 'chicken' for logLevel"),
                Arguments.of("worker.chicken", "{}", "{}", "Error", "unknown method"));
    }

    @ParameterizedTest
    @MethodSource("rejectedRequests")
    void rejectsWithTheErrorOfTheCppWorker(String method, String internal, String data, String error, String reason) {
        JsonObject response = peer.request(method, internal, data);
        assertEquals(error, response.get("error").getAsString());
        assertEquals(reason, response.get("reason").getAsString());
    }

    @Test
    void rejectsADuplicatedRouterId() {
        peer.request("worker.createRouter", "{\"routerId\":\"r1\"}", "{}");
        assertEquals("a Router with same routerId already exists [method:worker.createRouter]",
                peer.request("worker.createRouter", "{\"routerId\":\"r1\"}", "{}").get("reason").getAsString());
    }

    @Test
    void answersResourceUsageWithTheSixteenRusageFields() {
        JsonObject usage = peer.request("worker.getResourceUsage").getAsJsonObject("data");
        assertEquals(16, usage.size());
        for (String field : new String[] {"ru_utime", "ru_stime", "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss",
                "ru_minflt", "ru_majflt", "ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv",
                "ru_nsignals", "ru_nvcsw", "ru_nivcsw"}) {
            assertTrue(usage.has(field), field);
        }
        assertTrue(usage.get("ru_maxrss").getAsLong() > 0);
        assertTrue(usage.get("ru_minflt").getAsLong() > 0);
    }

    @Test
    void closesWhenTheChannelInputReachesEof() {
        peer.nextChannelFrame();
        peer.closeChannelInput();
        assertTrue(peer.worker().awaitTermination(1, TimeUnit.SECONDS));
    }

    @Test
    void closesOnWorkerClose() {
        peer.writeFrame("{\"id\":1,\"method\":\"worker.close\"}");
        assertTrue(peer.worker().awaitTermination(1, TimeUnit.SECONDS));
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    static void assertServing(ChannelPeer peer) {
        JsonObject dump = peer.request("worker.dump");
        assertTrue(dump.get("accepted").getAsBoolean());
        assertFalse(dump.has("error"));
    }
}
