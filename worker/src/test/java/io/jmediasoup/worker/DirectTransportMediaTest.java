package io.jmediasoup.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * VP8 sent into a DirectTransport over the payload channel and consumed on the same
 * transport: producer and consumer "trace" events with the fields the C++ worker writes,
 * and the consumer's stats.
 */
class DirectTransportMediaTest {
    private static final String TRANSPORT = "{\"routerId\":\"r1\",\"transportId\":\"t1\"}";
    private static final String PRODUCER = "{\"routerId\":\"r1\",\"transportId\":\"t1\",\"producerId\":\"p1\"}";
    private static final String CONSUMER = "{\"routerId\":\"r1\",\"transportId\":\"t1\",\"consumerId\":\"c1\",\"producerId\":\"p1\"}";
    private static final String VP8 = "{\"mimeType\":\"video/VP8\",\"payloadType\":101,\"clockRate\":90000,"
            + "\"rtcpFeedback\":[{\"type\":\"nack\"},{\"type\":\"nack\",\"parameter\":\"pli\"}]}";
    /** RTP header (V=2, PT 101, seq 0x1234, timestamp 0x00010000, SSRC 1111) then a VP8 key frame's first bytes. */
    private static final byte[] KEY_FRAME = bytes("80 65 12 34 00 01 00 00 00 00 04 57", "10 00 9d 01 2a");
    /** The next packet: marker set, a delta frame. */
    private static final byte[] DELTA_FRAME = bytes("80 e5 12 35 00 01 00 00 00 00 04 57", "10 01 00 00");
    /** A PLI (RFC 4585 §6.3.1) from sender SSRC 1 about the consumer's stream, SSRC 2222. */
    private static final byte[] PLI = bytes("81 ce 00 02 00 00 00 01 00 00 08 ae");

    private ChannelPeer peer;

    @BeforeEach
    void start() {
        peer = new ChannelPeer(Settings.fromArgs(new String[0]), 1);
        peer.request("worker.createRouter", "{\"routerId\":\"r1\"}", "{}");
        peer.request("router.createDirectTransport", TRANSPORT, "{\"direct\":true,\"maxMessageSize\":262144}");
        peer.request("transport.produce", PRODUCER, "{\"kind\":\"video\",\"rtpParameters\":{\"codecs\":[" + VP8
                + "],\"encodings\":[{\"ssrc\":1111}]},\"rtpMapping\":{\"codecs\":[{\"payloadType\":101,"
                + "\"mappedPayloadType\":101}],\"encodings\":[{\"ssrc\":1111,\"mappedSsrc\":5555}]}}");
        peer.request("transport.consume", CONSUMER, "{\"kind\":\"video\",\"type\":\"simple\",\"rtpParameters\":{\"mid\":\"0\","
                + "\"codecs\":[" + VP8 + "],\"encodings\":[{\"ssrc\":2222}],\"rtcp\":{\"cname\":\"c\"},"
                + "\"headerExtensions\":[{\"uri\":\"urn:ietf:params:rtp-hdrext:sdes:mid\",\"id\":1}]},"
                + "\"consumableRtpEncodings\":[{\"ssrc\":5555}]}");
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    private static byte[] bytes(String... hex) {
        String digits = String.join("", hex).replace(" ", "");
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    private void send(String event, byte[] payload) {
        peer.writePayloadFrame(("{\"event\":\"" + event + "\",\"internal\":" + PRODUCER + ",\"data\":{}}")
                .getBytes(StandardCharsets.UTF_8));
        peer.writePayloadFrame(payload);
    }

    /** The next {@code count} "trace" notifications, other notifications skipped. */
    private List<JsonObject> traces(int count) {
        List<JsonObject> traces = new ArrayList<>();
        while (traces.size() < count) {
            JsonObject notification = peer.nextNotification();
            if (notification.get("event").getAsString().equals("trace")) {
                traces.add(notification);
            }
        }
        return traces;
    }

    private static void assertTrace(JsonObject notification, String targetId, String type, String direction,
            String info) {
        assertEquals(targetId, notification.get("targetId").getAsString());
        JsonObject data = notification.getAsJsonObject("data");
        assertEquals(type, data.get("type").getAsString());
        assertEquals(direction, data.get("direction").getAsString());
        assertTrue(data.get("timestamp").getAsLong() > 0);
        assertEquals(JsonParser.parseString(info), data.get("info"), type + " " + direction);
        assertEquals(List.of("type", "timestamp", "direction", "info"), List.copyOf(data.keySet()));
    }

    @Test
    void packetsAreTracedInToTheProducerAndOutOfTheConsumer() {
        peer.request("producer.enableTraceEvent", PRODUCER, "{\"types\":[\"rtp\",\"keyframe\"]}");
        peer.request("consumer.enableTraceEvent", CONSUMER, "{\"types\":[\"rtp\",\"keyframe\"]}");
        send("producer.send", KEY_FRAME);
        send("producer.send", DELTA_FRAME);
        List<JsonObject> traces = traces(4);
        assertTrace(traces.get(0), "p1", "keyframe", "in", "{\"payloadType\":101,\"sequenceNumber\":4660,"
                + "\"timestamp\":65536,\"marker\":false,\"ssrc\":1111,\"isKeyFrame\":true,\"size\":17,\"payloadSize\":5,"
                + "\"spatialLayer\":0,\"temporalLayer\":0}");
        // Out of the consumer with its SSRC, sequence (from 1) and MID, and the room kept for transport-wide-cc.
        assertTrace(traces.get(1), "c1", "keyframe", "out", "{\"payloadType\":101,\"sequenceNumber\":1,"
                + "\"timestamp\":65536,\"marker\":false,\"ssrc\":2222,\"isKeyFrame\":true,\"size\":37,\"payloadSize\":5,"
                + "\"spatialLayer\":0,\"temporalLayer\":0,\"mid\":\"0\",\"wideSequenceNumber\":0}");
        assertTrace(traces.get(2), "p1", "rtp", "in", "{\"payloadType\":101,\"sequenceNumber\":4661,"
                + "\"timestamp\":65536,\"marker\":true,\"ssrc\":1111,\"isKeyFrame\":false,\"size\":16,\"payloadSize\":4,"
                + "\"spatialLayer\":0,\"temporalLayer\":0}");
        assertTrace(traces.get(3), "c1", "rtp", "out", "{\"payloadType\":101,\"sequenceNumber\":2,"
                + "\"timestamp\":65536,\"marker\":true,\"ssrc\":2222,\"isKeyFrame\":false,\"size\":36,\"payloadSize\":4,"
                + "\"spatialLayer\":0,\"temporalLayer\":0,\"mid\":\"0\",\"wideSequenceNumber\":0}");
    }

    @Test
    void aPliFromTheReceiverIsTracedInToTheConsumerAndOutOfTheProducer() {
        send("producer.send", KEY_FRAME);
        peer.request("producer.enableTraceEvent", PRODUCER, "{\"types\":[\"pli\",\"nack\"]}");
        peer.request("consumer.enableTraceEvent", CONSUMER, "{\"types\":[\"pli\",\"fir\"]}");
        send("transport.sendRtcp", PLI);
        List<JsonObject> traces = traces(3);
        assertTrace(traces.get(0), "c1", "pli", "in", "{\"ssrc\":2222}");
        assertTrace(traces.get(1), "p1", "pli", "out", "{\"ssrc\":1111}");
        // The C++ worker traces a PLI it sends as a NACK too (its feedback switch falls through).
        assertTrace(traces.get(2), "p1", "nack", "out", "{}");
    }

    /** 3.8's producer has no "sr" trace: the name is ignored, as its C++ worker ignores any it does not know. */
    @Test
    void mediasoup38HasNoSrTrace() {
        peer.request("producer.enableTraceEvent", PRODUCER, "{\"types\":[\"sr\",\"pli\"]}");
        JsonObject dump = peer.request("producer.dump", PRODUCER, "{}");
        assertEquals("pli", dump.getAsJsonObject("data").get("traceEventTypes").getAsString());
    }

    @Test
    void consumerStatsListItsStreamThenTheProducerStreamItForwards() {
        JsonObject before = peer.request("consumer.getStats", CONSUMER, "{}");
        assertEquals(1, before.getAsJsonArray("data").size(), "no producer stream yet");
        // The producer's traces say that both packets went through (channel and payload channel are not ordered).
        peer.request("producer.enableTraceEvent", PRODUCER, "{\"types\":[\"rtp\"]}");
        send("producer.send", KEY_FRAME);
        send("producer.send", DELTA_FRAME);
        traces(2);
        JsonObject stats = peer.request("consumer.getStats", CONSUMER, "{}");
        assertEquals(2, stats.getAsJsonArray("data").size());
        JsonObject outbound = stats.getAsJsonArray("data").get(0).getAsJsonObject();
        JsonObject inbound = stats.getAsJsonArray("data").get(1).getAsJsonObject();
        assertEquals("outbound-rtp", outbound.get("type").getAsString());
        assertEquals(2222, outbound.get("ssrc").getAsLong());
        assertEquals("inbound-rtp", inbound.get("type").getAsString());
        assertEquals(1111, inbound.get("ssrc").getAsLong());
        assertEquals(2, inbound.get("packetCount").getAsLong());
    }

    /**
     * The transport counts as the C++ worker does: bytes as they came from the application, RTP
     * media as the producer left it (20 bytes of header extensions added: room for the MID,
     * abs-send-time and transport-wide-cc), what the consumer sent.
     */
    @Test
    void transportStatsCountWhatCameInAndWhatWentOut() {
        peer.request("producer.enableTraceEvent", PRODUCER, "{\"types\":[\"rtp\",\"keyframe\"]}");
        send("producer.send", KEY_FRAME);
        send("producer.send", DELTA_FRAME);
        traces(2);
        JsonObject stats = peer.request("transport.getStats", TRANSPORT, "{}").getAsJsonArray("data").get(0)
                .getAsJsonObject();
        assertEquals(17 + 16, stats.get("bytesReceived").getAsLong());
        assertEquals(37 + 36, stats.get("rtpBytesReceived").getAsLong());
        assertEquals(37 + 36, stats.get("rtpBytesSent").getAsLong());
        assertEquals(37 + 36, stats.get("bytesSent").getAsLong());
        assertEquals(0, stats.get("rtxBytesReceived").getAsLong());
        assertEquals(0, stats.get("rtxBytesSent").getAsLong());
        assertEquals(0, stats.get("probationBytesSent").getAsLong());
    }

    /**
     * The C++ worker never starts a DirectTransport's RTCP timer: over more than its longest first
     * interval (1.5 s) no sender report goes to the application, and the first "rtcp" is the PLI
     * the producer asks its sender for (12 bytes).
     */
    @Test
    void noPeriodicRtcpGoesToTheApplication() throws InterruptedException {
        send("producer.send", KEY_FRAME);
        Thread.sleep(1600);
        send("transport.sendRtcp", PLI);
        while (true) {
            JsonObject notification = JsonParser.parseString(peer.nextPayloadFrame()).getAsJsonObject();
            String payload = peer.nextPayloadFrame();
            if (notification.get("event").getAsString().equals("rtcp")) {
                assertEquals(12, payload.length(), "the PLI, no sender report before it");
                return;
            }
            assertEquals("rtp", notification.get("event").getAsString());
        }
    }
}
