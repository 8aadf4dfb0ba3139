package io.jmediasoup.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
    private static final int DEPTH = 100_000;

    @Test
    void parsesARequest() {
        withFrame(Bytes.utf8("{\"id\":7,\"method\":\"router.dump\",\"internal\":{\"routerId\":\"r\"},\"data\":{\"a\":[1,2.5,\"é\",null,true]}}"), frame -> {
            JsonObject request = Json.parseObject(frame);
            assertEquals(7, request.get("id").getAsLong());
            assertEquals("router.dump", request.get("method").getAsString());
            assertEquals("é", request.getAsJsonObject("data").getAsJsonArray("a").get(2).getAsString());
            assertEquals(0, frame.readerIndex(), "the frame is not consumed");
        });
    }

    /** What a decoder hands over: a slice of a larger buffer. */
    @Test
    void parsesOnlyTheBytesOfASlice() {
        withFrame(Bytes.utf8("3:{},{\"a\":1},"), read -> {
            assertEquals(0, Json.parseObject(read.slice(2, 2)).size());
            assertEquals(1, Json.parseObject(read.slice(5, 7)).size());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", " {} ", "\t\r\n{\"a\" : { } }\n"})
    void acceptsWhitespaceAroundTokens(String text) {
        withFrame(Bytes.utf8(text), frame -> Json.parseObject(frame));
    }

    static Stream<Arguments> notOneStrictObject() {
        return Stream.of(
                Arguments.of("array", "[]"),
                Arguments.of("array of an object", "[{}]"),
                Arguments.of("number", "5"),
                Arguments.of("negative number", "-1.5e3"),
                Arguments.of("string", "\"text\""),
                Arguments.of("literal", "true"),
                Arguments.of("null", "null"),
                Arguments.of("empty frame", ""),
                Arguments.of("whitespace", "  "),
                Arguments.of("trailing garbage", "{} x"),
                Arguments.of("two objects", "{}{}"),
                Arguments.of("trailing comma after the object", "{},"),
                Arguments.of("single-quoted key", "{'id':1}"),
                Arguments.of("single-quoted value", "{\"a\":'x'}"),
                Arguments.of("unquoted key", "{id:1}"),
                Arguments.of("unquoted value", "{\"a\":abc}"),
                Arguments.of("block comment", "{\"a\":1 /* c */}"),
                Arguments.of("line comment", "{\"a\":1} // c"),
                Arguments.of("hash comment", "# c\n{}"),
                Arguments.of("NaN", "{\"a\":NaN}"),
                Arguments.of("Infinity", "{\"a\":-Infinity}"),
                Arguments.of("semicolon between members", "{\"a\":1;\"b\":2}"),
                Arguments.of("arrow between name and value", "{\"a\"=>1}"),
                Arguments.of("trailing comma in an object", "{\"a\":1,}"),
                Arguments.of("missing array element", "{\"a\":[1,,2]}"),
                Arguments.of("leading zero", "{\"a\":01}"),
                Arguments.of("invalid escape", "{\"a\":\"\\x\"}"),
                Arguments.of("unescaped control character", "{\"a\":\"x\ny\"}"),
                Arguments.of("truncated in a value", "{\"a\":"),
                Arguments.of("truncated after a value", "{\"a\":1"),
                Arguments.of("truncated in a string", "{\"a\":\"x"),
                Arguments.of("truncated in an escape", "{\"a\":\"\\u00"),
                Arguments.of("only an open brace", "{"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("notOneStrictObject")
    void rejectsAnythingButOneStrictObject(String what, String text) {
        withFrame(Bytes.utf8(text), frame -> assertThrows(MalformedMessageException.class, () -> Json.parseObject(frame)));
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of("stray byte in a string", new byte[] {(byte) 0xff}),
                Arguments.of("lone continuation byte", new byte[] {(byte) 0x80}),
                Arguments.of("truncated sequence", new byte[] {(byte) 0xe2, (byte) 0x82}),
                Arguments.of("overlong '/'", new byte[] {(byte) 0xc0, (byte) 0xaf}),
                Arguments.of("encoded surrogate", new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}),
                Arguments.of("beyond U+10FFFF", new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}));
    }

    /** Either decoded with replacement characters or rejected; never another exception. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void survivesInvalidUtf8(String what, byte[] invalid) {
        byte[][] frames = {
            Bytes.concat(Bytes.utf8("{\"a\":\""), invalid, Bytes.utf8("\"}")),
            Bytes.concat(Bytes.utf8("{\"a\":\""), invalid),
            Bytes.concat(Bytes.utf8("{\""), invalid, Bytes.utf8("\":1}")),
            Bytes.concat(Bytes.utf8("{\"a\":1"), invalid, Bytes.utf8("}"))};
        for (byte[] bytes : frames) {
            withFrame(bytes, frame -> {
                try {
                    Json.parseObject(frame);
                } catch (MalformedMessageException rejected) {
                    // As good an outcome as a parse.
                }
            });
        }
    }

    static Stream<String> deeplyNested() {
        return Stream.of(
                "[".repeat(DEPTH),
                "[".repeat(DEPTH) + "]".repeat(DEPTH),
                "{\"a\":" + "[".repeat(DEPTH),
                "{\"a\":".repeat(DEPTH) + "1" + "}".repeat(DEPTH));
    }

    @ParameterizedTest
    @MethodSource("deeplyNested")
    void rejectsDeepNestingWithoutOverflowingTheStack(String text) {
        withFrame(Bytes.utf8(text), frame -> assertThrows(MalformedMessageException.class, () -> Json.parseObject(frame)));
    }

    private static void withFrame(byte[] bytes, Consumer<ByteBuf> test) {
        ByteBuf frame = Unpooled.directBuffer(bytes.length).writeBytes(bytes);
        try {
            test.accept(frame);
        } finally {
            frame.release();
        }
    }
}
