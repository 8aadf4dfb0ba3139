package io.jmediasoup.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NetstringDecoderTest {
    private static final PooledByteBufAllocator ALLOCATOR = PooledByteBufAllocator.DEFAULT;
    private final List<String> frames = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final NetstringDecoder decoder = new NetstringDecoder(ALLOCATOR, new NetstringDecoder.Listener() {
        @Override
        public void onFrame(ByteBuf payload) {
            frames.add(payload.toString(StandardCharsets.ISO_8859_1));
        }

        @Override
        public void onMalformed(String reason) {
            errors.add(reason);
        }
    });

    @AfterEach
    void closeDecoder() {
        decoder.close();
    }

    private void feed(String bytes) {
        feed(bytes.getBytes(StandardCharsets.ISO_8859_1));
    }

    private void feed(byte[] bytes) {
        ByteBuf data = ALLOCATOR.directBuffer(bytes.length);
        data.writeBytes(bytes);
        decoder.feed(data);
        assertEquals(0, data.readableBytes(), "the decoder consumes all it is fed");
        data.release();
    }

    static Stream<Arguments> wellFormedStreams() {
        return Stream.of(
                Arguments.of("5:hello,", List.of("hello")),
                Arguments.of("0:,", List.of("")),
                Arguments.of("3:abc,0:,2:de,", List.of("abc", "", "de")),
                Arguments.of("11:{\"id\":1234},", List.of("{\"id\":1234}")),
                Arguments.of("4:a,b,,", List.of("a,b,")),
                Arguments.of("3:\u00ff\u0000\u0080,", List.of("\u00ff\u0000\u0080")));
    }

    @ParameterizedTest
    @MethodSource("wellFormedStreams")
    void decodesWholeFrames(String stream, List<String> expected) {
        feed(stream);
        assertEquals(expected, frames);
        assertEquals(List.of(), errors);
    }

    static Stream<Arguments> splitPoints() {
        String stream = "3:abc,11:hello world,0:,";
        return IntStream.rangeClosed(0, stream.length()).mapToObj(split -> Arguments.of(stream, split));
    }

    @ParameterizedTest
    @MethodSource("splitPoints")
    void decodesFramesSplitAcrossTwoReads(String stream, int split) {
        feed(stream.substring(0, split));
        feed(stream.substring(split));
        assertEquals(List.of("abc", "hello world", ""), frames);
        assertEquals(List.of(), errors);
    }

    @Test
    void decodesAStreamFedByteByByte() {
        for (char c : "3:abc,11:hello world,0:,".toCharArray()) {
            feed(String.valueOf(c));
        }
        assertEquals(List.of("abc", "hello world", ""), frames);
    }

    @Test
    void acceptsTheLargestPayload() {
        byte[] payload = new byte[Netstring.MAX_PAYLOAD_LENGTH];
        Arrays.fill(payload, (byte) 'z');
        feed(Netstring.MAX_PAYLOAD_LENGTH + ":");
        feed(payload);
        feed(",");
        assertEquals(1, frames.size());
        assertEquals(Netstring.MAX_PAYLOAD_LENGTH, frames.get(0).length());
        assertEquals(List.of(), errors);
    }

    @Test
    void skipsAnOversizedFrameExactlyWithinOneRead() {
        int length = Netstring.MAX_PAYLOAD_LENGTH + 1;
        feed(length + ":" + "y".repeat(length) + ",2:ok,");
        assertEquals(List.of("ok"), frames);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("exceeds"));
    }

    @Test
    void skipsAnOversizedFrameExactlyAcrossReads() {
        int length = Netstring.MAX_PAYLOAD_LENGTH + 1;
        feed(length + ":yyy");
        feed("y".repeat(length - 3));
        feed(",2:o");
        feed("k,");
        assertEquals(List.of("ok"), frames);
        assertEquals(1, errors.size());
    }

    static Stream<Arguments> malformedStreams() {
        return Stream.of(
                Arguments.of("x:abc,", "no length"),
                Arguments.of("01:a,", "leading zero"),
                Arguments.of("1234567890:", "length prefix too long"),
                Arguments.of("3;abc,", "no colon"),
                Arguments.of("3:abcX", "no comma"),
                Arguments.of(":abc,", "no length"));
    }

    @ParameterizedTest
    @MethodSource("malformedStreams")
    void reportsMalformedFramingAndRecoversOnTheNextRead(String stream, String reason) {
        feed(stream);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains(reason), errors.get(0));
        assertEquals(List.of(), frames);
        feed("2:ok,");
        assertEquals(List.of("ok"), frames);
    }

    @Test
    void dropsWhatFollowsAMalformedFrameInTheSameRead() {
        feed("3:abcX2:ok,");
        assertEquals(List.of(), frames);
        assertEquals(1, errors.size());
    }

    @Test
    void deliversFramesDecodedBeforeAnErrorInTheSameRead() {
        feed("2:ok,x");
        assertEquals(List.of("ok"), frames);
        assertEquals(1, errors.size());
    }
}
