package io.jmediasoup.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetstringTest {
    private final TrackingAllocator allocator = new TrackingAllocator();

    @AfterEach
    void checkReleases() {
        allocator.assertAllReleased();
    }

    /** The length prefix counts UTF-8 bytes: "😀" is two chars but four bytes. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|0:,",
        "hello|5:hello,",
        "{\"id\":1,\"method\":\"worker.dump\"}|31:{\"id\":1,\"method\":\"worker.dump\"},",
        "ñ|2:ñ,",
        "€|3:€,",
        "😀|4:😀,",
        "ñ€😀|9:ñ€😀,"})
    void encodesTextWithItsUtf8ByteLength(String payload, String expected) {
        ByteBuf frame = Netstring.encode(allocator, payload);
        try {
            assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), ByteBufUtil.getBytes(frame));
        } finally {
            frame.release();
        }
    }

    @Test
    void encodesTheReadableBytesOfABufferWithoutConsumingThem() {
        ByteBuf payload = PooledByteBufAllocator.DEFAULT.directBuffer();
        try {
            payload.writeBytes(new byte[] {'#', '#', (byte) 0x80, ',', 0x00, (byte) 0xff}).skipBytes(2);
            ByteBuf frame = Netstring.encode(allocator, payload);
            try {
                assertArrayEquals(new byte[] {'4', ':', (byte) 0x80, ',', 0x00, (byte) 0xff, ','}, ByteBufUtil.getBytes(frame));
            } finally {
                frame.release();
            }
            assertEquals(2, payload.readerIndex());
            assertEquals(6, payload.writerIndex());
        } finally {
            payload.release();
        }
    }

    @Test
    void encodesAnEmptyBuffer() {
        ByteBuf payload = PooledByteBufAllocator.DEFAULT.directBuffer(0);
        ByteBuf frame = Netstring.encode(allocator, payload);
        try {
            assertEquals("0:,", frame.toString(StandardCharsets.US_ASCII));
        } finally {
            frame.release();
            payload.release();
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 3", "1, 4", "9, 12", "10, 14", "99, 103", "100, 105", "65535, 65542", "4194304, 4194313"})
    void measuresAFrame(int payloadLength, int frameLength) {
        assertEquals(frameLength, Netstring.frameLength(payloadLength));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 9, 10, 99, 100, 65535})
    void roundTripsBinaryThroughTheDecoder(int length) {
        byte[] bytes = Bytes.random(length);
        ByteBuf payload = PooledByteBufAllocator.DEFAULT.directBuffer(length).writeBytes(bytes);
        ByteBuf frame = Netstring.encode(allocator, payload);
        payload.release();

        assertArrayEquals(bytes, decode(frame));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 9, 10, 99, 100, 65535})
    void roundTripsTextThroughTheDecoder(int length) {
        // Two-byte characters, so that {@code length} is counted in bytes.
        String text = "é".repeat(length / 2) + "x".repeat(length % 2);
        assertEquals(text, new String(decode(Netstring.encode(allocator, text)), StandardCharsets.UTF_8));
    }

    /** Decodes, and releases, one frame; checks its length against {@link Netstring#frameLength}. */
    private byte[] decode(ByteBuf frame) {
        RecordingListener listener = new RecordingListener();
        int frameLength = frame.readableBytes();
        try (NetstringDecoder decoder = new NetstringDecoder(allocator, listener)) {
            decoder.feed(frame);
        } finally {
            frame.release();
        }
        assertEquals(List.of(), listener.errors());
        assertEquals(1, listener.frameBytes().size());
        byte[] payload = listener.frameBytes().get(0);
        assertEquals(Netstring.frameLength(payload.length), frameLength);
        return payload;
    }
}
