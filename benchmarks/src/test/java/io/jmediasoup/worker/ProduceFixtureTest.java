package io.jmediasoup.worker;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The fixture's worker really creates and closes a producer, and says so when it does not. */
class ProduceFixtureTest {
    private static final String PRODUCE = "{\"id\":3,\"method\":\"transport.produce\",\"internal\":{\"routerId\":\"r\","
            + "\"transportId\":\"t\",\"producerId\":\"p\"},\"data\":{\"kind\":\"audio\",\"rtpParameters\":{\"codecs\":["
            + "{\"mimeType\":\"audio/opus\",\"payloadType\":100,\"clockRate\":48000,\"channels\":2}],\"encodings\":[{\"ssrc\":1}]},"
            + "\"rtpMapping\":{\"codecs\":[{\"payloadType\":100,\"mappedPayloadType\":100}],\"encodings\":[{\"ssrc\":1,\"mappedSsrc\":2}]},"
            + "\"paused\":false}}";
    private static final String CLOSE = "{\"id\":4,\"method\":\"producer.close\",\"internal\":{\"routerId\":\"r\","
            + "\"transportId\":\"t\",\"producerId\":\"p\"}}";

    @Test
    void aProducerIsCreatedClosedAndCreatedAgainThroughTheJsonChannel() {
        try (ProduceFixture fixture = new ProduceFixture(UnpooledByteBufAllocator.DEFAULT, "r", "t")) {
            for (int i = 0; i < 2; i++) {
                send(fixture, PRODUCE);
                fixture.json().checkAccepted("transport.produce");
                send(fixture, CLOSE);
                fixture.json().checkAccepted("producer.close");
            }
            send(fixture, CLOSE);
            assertThrows(IllegalStateException.class, () -> fixture.json().checkAccepted("producer.close of a closed producer"));
        }
    }

    private static void send(ProduceFixture fixture, String request) {
        ByteBuf payload = Unpooled.copiedBuffer(request, StandardCharsets.UTF_8);
        try {
            fixture.json().request(payload);
        } finally {
            payload.release();
        }
    }
}
