package io.jmediasoup.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
    private static ByteBuf frame(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    @Test
    void parsesOneObject() {
        ByteBuf frame = frame("{\"id\":1,\"method\":\"worker.dump\",\"data\":{\"a\":[1,2.5,\"x\"]}}");
        assertEquals("worker.dump", Json.parseObject(frame).get("method").getAsString());
        assertEquals(0, frame.readerIndex(), "the frame is not consumed");
        frame.release();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[]", "5", "\"text\"", "null", "{} x", "{}{}", "{'id':1}", "{id:1}", "{\"a\":NaN}",
        "{\"a\":1 /* comment */}", "{\"a\":", "", "{\"a\":\"\\x\"}", "{\"a\":01}"})
    void rejectsAnythingButOneStrictObject(String text) {
        ByteBuf frame = frame(text);
        assertThrows(MalformedMessageException.class, () -> Json.parseObject(frame));
        frame.release();
    }

    @Test
    void rejectsDeepNestingWithoutOverflowingTheStack() {
        ByteBuf frame = frame("{\"a\":" + "[".repeat(100_000));
        assertThrows(MalformedMessageException.class, () -> Json.parseObject(frame));
        frame.release();
    }

    @Test
    void survivesInvalidUtf8() {
        ByteBuf frame = Unpooled.wrappedBuffer(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xc3, '"', '}'});
        assertEquals(1, Json.parseObject(frame).size());
        frame.release();
    }
}
