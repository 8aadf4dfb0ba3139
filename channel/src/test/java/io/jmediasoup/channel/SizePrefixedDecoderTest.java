package io.jmediasoup.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SizePrefixedDecoderTest {
    private static final byte[] HELLO = {5, 0, 0, 0, 'h', 'e', 'l', 'l', 'o'};
    private static final byte[] EMPTY = {0, 0, 0, 0};
    private static final byte[] BINARY = {3, 0, 0, 0, 0, (byte) 0x80, (byte) 0xff};
    private static final byte[] STREAM = Bytes.concat(HELLO, EMPTY, BINARY);
    private static final List<String> STREAM_PAYLOADS = List.of("hello", "", "\u0000\u0080\u00ff");

    private final TrackingAllocator allocator = new TrackingAllocator();
    private final RecordingListener listener = new RecordingListener();
    private final SizePrefixedDecoder decoder = new SizePrefixedDecoder(allocator, listener);

    @AfterEach
    void closeDecoder() {
        decoder.close();
        allocator.assertAllReleased();
    }

    static Stream<Arguments> reads() {
        return Stream.of(
                Arguments.of(HELLO, List.of("hello")),
                Arguments.of(EMPTY, List.of("")),
                Arguments.of(STREAM, STREAM_PAYLOADS),
                // Incomplete prefix and incomplete payload: nothing yet.
                Arguments.of(new byte[] {5, 0, 0}, List.of()),
                Arguments.of(new byte[] {5, 0, 0, 0, 'h'}, List.of()));
    }

    @ParameterizedTest
    @MethodSource("reads")
    void decodesSeveralFramesInOneRead(byte[] read, List<String> payloads) {
        feed(read);
        assertEquals(payloads, listener.frames());
        assertEquals(List.of(), listener.errors());
    }

    @Test
    void decodesTheSameFramesWhateverTheReadBoundaries() {
        for (int split = 1; split <= STREAM.length; split++) {
            RecordingListener recorded = new RecordingListener();
            try (SizePrefixedDecoder splitDecoder = new SizePrefixedDecoder(allocator, recorded)) {
                for (int offset = 0; offset < STREAM.length; offset += split) {
                    feed(splitDecoder, java.util.Arrays.copyOfRange(STREAM, offset, Math.min(STREAM.length, offset + split)));
                }
            }
            assertEquals(STREAM_PAYLOADS, recorded.frames(), "reads of " + split + " bytes");
        }
    }

    @Test
    void readsTheLengthLittleEndian() {
        byte[] payload = Bytes.random(0x0102);
        feed(Bytes.concat(new byte[] {0x02, 0x01, 0, 0}, payload));
        assertEquals(1, listener.frameBytes().size());
        assertEquals(0x0102, listener.frameBytes().get(0).length);
    }

    @Test
    void acceptsAMessageOfExactlyTheLimit() {
        byte[] payload = Bytes.random(SizePrefixedDecoder.MAX_PAYLOAD_LENGTH);
        feed(Bytes.concat(prefix(payload.length), payload));
        assertEquals(1, listener.frameBytes().size());
        assertEquals(List.of(), listener.errors());
    }

    /** One byte over 8 MiB in all, and a length the sender cannot mean: skipped without buffering, the next frame decodes. */
    @Test
    void skipsAMessageOverTheLimitAndKeepsDecoding() {
        int over = SizePrefixedDecoder.MAX_PAYLOAD_LENGTH + 1;
        byte[] oversized = Bytes.concat(prefix(over), new byte[over]);
        for (int offset = 0; offset < oversized.length; offset += 65536) {
            feed(java.util.Arrays.copyOfRange(oversized, offset, Math.min(oversized.length, offset + 65536)));
            assertTrue(allocator.liveBytes() <= 65536 + 256, "the decoder buffers no part of a skipped message");
        }
        feed(HELLO);
        assertEquals(List.of("hello"), listener.frames());
        assertEquals(List.of("message of " + over + " bytes exceeds the limit of " + SizePrefixedDecoder.MAX_PAYLOAD_LENGTH),
                listener.errors());
    }

    @Test
    void reportsALengthPrefixOfFourGibibytes() {
        feed(new byte[] {-1, -1, -1, -1, 1, 2, 3});
        assertEquals(List.of("message of 4294967295 bytes exceeds the limit of " + SizePrefixedDecoder.MAX_PAYLOAD_LENGTH),
                listener.errors());
        assertEquals(List.of(), listener.frames());
    }

    @Test
    void consumesEveryRead() {
        IntStream.range(0, STREAM.length).forEach(i -> {
            ByteBuf read = Unpooled.wrappedBuffer(STREAM, i, 1);
            decoder.feed(read);
            assertEquals(0, read.readableBytes());
        });
    }

    private static byte[] prefix(int length) {
        return new byte[] {(byte) length, (byte) (length >>> 8), (byte) (length >>> 16), (byte) (length >>> 24)};
    }

    private void feed(byte[] bytes) {
        feed(decoder, bytes);
    }

    private static void feed(SizePrefixedDecoder target, byte[] bytes) {
        ByteBuf read = Unpooled.wrappedBuffer(bytes);
        target.feed(read);
        assertEquals(0, read.readableBytes(), "the decoder consumes every read");
        read.release();
    }
}
