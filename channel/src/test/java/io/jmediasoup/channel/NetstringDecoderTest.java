package io.jmediasoup.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetstringDecoderTest {
    /** Frames of every shape a read may hold: empty, binary, separators inside a payload. */
    private static final String STREAM = "5:hello,0:,3:\u0000\u0080\u00ff,4:1:,,,11:{\"id\":1234},";
    private static final List<String> STREAM_PAYLOADS = List.of("hello", "", "\u0000\u0080\u00ff", "1:,,", "{\"id\":1234}");

    private static final int OVERSIZED_LENGTH = Netstring.MAX_PAYLOAD_LENGTH + 1;
    private static final byte[] OVERSIZED_THEN_OK = Bytes.concat(
            Bytes.latin1(OVERSIZED_LENGTH + ":"), Bytes.random(OVERSIZED_LENGTH), Bytes.latin1(",2:ok,"));
    /** Where the oversized frame's comma is. */
    private static final int OVERSIZED_END = OVERSIZED_THEN_OK.length - "2:ok,".length() - 1;

    private final TrackingAllocator decoderAllocator = new TrackingAllocator();
    private final RecordingListener listener = new RecordingListener();
    private final NetstringDecoder decoder = new NetstringDecoder(decoderAllocator, listener);

    @AfterEach
    void closeDecoder() {
        decoder.close();
        decoderAllocator.assertAllReleased();
    }

    static Stream<Arguments> wellFormedReads() {
        return Stream.of(
                Arguments.of("5:hello,", List.of("hello")),
                Arguments.of("0:,", List.of("")),
                Arguments.of("3:abc,0:,2:de,", List.of("abc", "", "de")),
                Arguments.of("3:\u0000\u0080\u00ff,", List.of("\u0000\u0080\u00ff")),
                Arguments.of("4:a,b,,", List.of("a,b,")),
                Arguments.of(STREAM, STREAM_PAYLOADS));
    }

    @ParameterizedTest
    @MethodSource("wellFormedReads")
    void decodesEveryFrameOfARead(String read, List<String> payloads) {
        feed(read);
        assertEquals(payloads, listener.frames());
        assertEquals(List.of(), listener.errors());
    }

    static IntStream streamSplitPoints() {
        return IntStream.rangeClosed(0, STREAM.length());
    }

    @ParameterizedTest
    @MethodSource("streamSplitPoints")
    void decodesAStreamSplitIntoTwoReads(int split) {
        feed(STREAM.substring(0, split));
        feed(STREAM.substring(split));
        assertEquals(STREAM_PAYLOADS, listener.frames());
        assertEquals(List.of(), listener.errors());
    }

    @Test
    void decodesAStreamFedByteByByte() {
        for (char c : STREAM.toCharArray()) {
            feed(String.valueOf(c));
        }
        assertEquals(STREAM_PAYLOADS, listener.frames());
        assertEquals(List.of(), listener.errors());
    }

    /** One read, and socket-sized reads. */
    @ParameterizedTest
    @ValueSource(ints = {Integer.MAX_VALUE, 65_536})
    void acceptsTheLargestPayload(int readSize) {
        byte[] payload = Bytes.random(Netstring.MAX_PAYLOAD_LENGTH);
        feedInReadsOf(readSize, Bytes.concat(Bytes.latin1(payload.length + ":"), payload, Bytes.latin1(",")));
        assertEquals(1, listener.frameBytes().size());
        assertArrayEquals(payload, listener.frameBytes().get(0));
        assertEquals(List.of(), listener.errors());
    }

    @Test
    void skipsAnOversizedFrameExactlyWithinOneRead() {
        feed(OVERSIZED_THEN_OK);
        assertSkippedOneOversizedFrame();
    }

    /** Splits in the length prefix, at the payload's edges, around the comma and in the next frame. */
    static IntStream oversizedSplitPoints() {
        return IntStream.concat(IntStream.rangeClosed(1, 10), IntStream.range(OVERSIZED_END - 2, OVERSIZED_THEN_OK.length));
    }

    @ParameterizedTest
    @MethodSource("oversizedSplitPoints")
    void skipsAnOversizedFrameExactlyAcrossTwoReads(int split) {
        feed(Arrays.copyOfRange(OVERSIZED_THEN_OK, 0, split));
        feed(Arrays.copyOfRange(OVERSIZED_THEN_OK, split, OVERSIZED_THEN_OK.length));
        assertSkippedOneOversizedFrame();
    }

    @Test
    void skipsAnOversizedFrameExactlyAcrossSocketSizedReads() {
        feedInReadsOf(65_536, OVERSIZED_THEN_OK);
        assertSkippedOneOversizedFrame();
    }

    @Test
    void skipsConsecutiveOversizedFrames() {
        byte[] oversized = Arrays.copyOfRange(OVERSIZED_THEN_OK, 0, OVERSIZED_END + 1);
        feedInReadsOf(65_536, Bytes.concat(Bytes.latin1("1:a,"), oversized, oversized, Bytes.latin1("1:b,")));
        assertEquals(List.of("a", "b"), listener.frames());
        assertEquals(2, listener.errors().size());
    }

    private void assertSkippedOneOversizedFrame() {
        assertEquals(List.of("ok"), listener.frames());
        assertEquals(1, listener.errors().size(), () -> listener.errors().toString());
        assertTrue(listener.errors().get(0).contains("4194305"), listener.errors().get(0));
    }

    static Stream<Arguments> malformedReads() {
        return Stream.of(
                Arguments.of("x:abc,", "no length"),
                Arguments.of(":abc,", "no length"),
                Arguments.of("01:a,", "leading zero"),
                Arguments.of("1234567890:", "length prefix too long"),
                Arguments.of("3;abc,", "no colon"),
                Arguments.of("3:abcX", "no comma"));
    }

    @ParameterizedTest
    @MethodSource("malformedReads")
    void reportsMalformedFramingAndDecodesTheNextRead(String read, String reason) {
        feed(read);
        assertEquals(1, listener.errors().size(), () -> listener.errors().toString());
        assertTrue(listener.errors().get(0).contains(reason), listener.errors().get(0));
        assertEquals(List.of(), listener.frames());

        feed("2:ok,");
        assertEquals(List.of("ok"), listener.frames());
        assertEquals(1, listener.errors().size());
    }

    /** Without markers in the stream there is no resynchronising: the rest of the read goes. */
    @Test
    void dropsTheRestOfAReadAfterMalformedFraming() {
        feed("3:abcX2:ok,");
        assertEquals(List.of(), listener.frames());
        assertEquals(1, listener.errors().size());
    }

    @Test
    void deliversTheFramesBeforeMalformedFramingInTheSameRead() {
        feed("2:ok,x");
        assertEquals(List.of("ok"), listener.frames());
        assertEquals(1, listener.errors().size());
    }

    @Test
    void releasesAPartialFrameOnClose() {
        feed("5:hel");
        decoder.close();
        decoderAllocator.assertAllReleased();
        assertEquals(List.of(), listener.frames());
    }

    private void feed(String latin1) {
        feed(Bytes.latin1(latin1));
    }

    private void feedInReadsOf(int readSize, byte[] stream) {
        for (int start = 0; start < stream.length; start += readSize) {
            feed(Arrays.copyOfRange(stream, start, (int) Math.min(stream.length, (long) start + readSize)));
        }
    }

    /** The bytes start past a consumed one, as in a read buffer whose readerIndex is not zero. */
    private void feed(byte[] bytes) {
        ByteBuf read = PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length + 1);
        try {
            read.writeByte('#').skipBytes(1).writeBytes(bytes);
            decoder.feed(read);
            assertEquals(0, read.readableBytes(), "the decoder consumes all it is fed");
        } finally {
            read.release();
        }
    }
}
