package io.jmediasoup.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever arrives on the channel, the worker answers or drops it, says why in an error log
 * line, and answers the next request.
 */
class HostileChannelTest {
    private ChannelPeer peer;

    @BeforeEach
    void start() {
        peer = new ChannelPeer(Settings.fromArgs(new String[] {"--logLevel=error"}), 1);
        peer.nextChannelFrame();
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    /** Raw bytes that are dropped with an error log line and no response. */
    static Stream<Arguments> droppedInput() {
        return Stream.of(
                Arguments.of("no length", "x:abc,"),
                Arguments.of("leading zero", "01:a,"),
                Arguments.of("length too long", "1234567890:"),
                Arguments.of("no colon", "3;abc,"),
                Arguments.of("no comma", "3:abcX"),
                Arguments.of("not JSON", "5:hello,"),
                Arguments.of("JSON array", "2:[],"),
                Arguments.of("lenient JSON", "{id:1,method:'worker.dump'}"),
                Arguments.of("trailing data", "{\"id\":1,\"method\":\"worker.dump\"} {}"),
                Arguments.of("truncated JSON", "{\"id\":1,\"method\""),
                Arguments.of("no id", "{\"method\":\"worker.dump\"}"),
                Arguments.of("negative id", "{\"id\":-3,\"method\":\"worker.dump\"}"),
                Arguments.of("fractional id", "{\"id\":1.5,\"method\":\"worker.dump\"}"),
                Arguments.of("string id", "{\"id\":\"1\",\"method\":\"worker.dump\"}"),
                Arguments.of("id over 32 bits", "{\"id\":4294967296,\"method\":\"worker.dump\"}"),
                Arguments.of("no method", "{\"id\":1}"),
                Arguments.of("numeric method", "{\"id\":1,\"method\":5}"),
                Arguments.of("deep nesting", "{\"id\":1,\"method\":\"worker.dump\",\"data\":" + "[".repeat(100_000) + "}"),
                Arguments.of("invalid UTF-8", new String(new byte[] {(byte) 0xff, (byte) 0xfe, '{'}, StandardCharsets.ISO_8859_1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("droppedInput")
    void dropsMalformedInputAndKeepsServing(String name, String input) {
        if (Character.isDigit(input.charAt(0))) {
            peer.writeRaw(input.getBytes(StandardCharsets.ISO_8859_1));
        } else {
            peer.writeFrame(input);
        }
        assertTrue(peer.nextLog('E').length() > 1, "an error line says why");
        WorkerChannelTest.assertServing(peer);
    }

    @Test
    void answersRequestsWithIgnorableOddities() {
        JsonObject response = peer.request("worker.dump", "[1,2]", "\"not an object\"");
        assertTrue(response.get("accepted").getAsBoolean());
        response = peer.request("worker.updateSettings", "{}", "{\"logLevel\":5,\"logTags\":\"info\"}");
        assertTrue(response.get("accepted").getAsBoolean());
        response = peer.request("worker.createRouter", "{\"routerId\":\"\\u0000\\ud800 weird\"}", "{\"x\":1e400}");
        assertTrue(response.get("accepted").getAsBoolean());
    }

    @Test
    void skipsAnOversizedFrameExactly() {
        byte[] payload = new byte[4_194_305];
        Arrays.fill(payload, (byte) 'a');
        peer.writeRaw((payload.length + ":").getBytes(StandardCharsets.US_ASCII));
        peer.writeRaw(payload);
        peer.writeRaw(",");
        assertTrue(peer.nextLog('E').contains("exceeds"));
        WorkerChannelTest.assertServing(peer);
    }

    @Test
    void acceptsTheLargestFrame() {
        String envelope = "{\"id\":77,\"method\":\"worker.dump\",\"data\":{\"p\":\"\"}}";
        String padding = "x".repeat(4_194_304 - envelope.length());
        String request = envelope.replace("\"p\":\"\"", "\"p\":\"" + padding + "\"");
        assertEquals(4_194_304, request.length());
        peer.writeFrame(request);
        assertTrue(peer.responseTo(77).get("accepted").getAsBoolean());
    }

    @Test
    void reassemblesARequestSentByteByByte() {
        long id = peer.nextId();
        byte[] frame = netstring("{\"id\":" + id + ",\"method\":\"worker.dump\"}");
        for (byte b : frame) {
            peer.writeRaw(new byte[] {b});
        }
        assertTrue(peer.responseTo(id).get("accepted").getAsBoolean());
    }

    @Test
    void answersEveryRequestOfABurstInOrder() {
        StringBuilder burst = new StringBuilder();
        long first = peer.nextId();
        for (int i = 0; i < 500; i++) {
            burst.append(new String(netstring("{\"id\":" + (first + i) + ",\"method\":\"worker.dump\"}"),
                    StandardCharsets.UTF_8));
        }
        peer.writeRaw(burst.toString());
        for (int i = 0; i < 500; i++) {
            assertTrue(peer.responseTo(first + i).get("accepted").getAsBoolean());
        }
    }

    @Test
    void dropsPayloadChannelMessagesItCannotRoute() {
        peer.writePayloadFrame("{\"event\":\"producer.send\",\"internal\":{\"routerId\":\"nope\"}}".getBytes(StandardCharsets.UTF_8));
        peer.writePayloadFrame(new byte[] {(byte) 0x80, 0x60, 0, 1});
        assertTrue(peer.nextLog('E').contains("Router not found"));
        peer.writePayloadFrame("{\"event\":\"chicken\"}".getBytes(StandardCharsets.UTF_8));
        assertTrue(peer.nextLog('E').contains("unknown event"));
        WorkerChannelTest.assertServing(peer);
    }

    private static byte[] netstring(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return (bytes.length + ":" + payload + ",").getBytes(StandardCharsets.UTF_8);
    }
}
