package io.jmediasoup.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetstringTest {
    private static final PooledByteBufAllocator ALLOCATOR = PooledByteBufAllocator.DEFAULT;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|0:,",
        "hello|5:hello,",
        "{\"id\":1}|8:{\"id\":1},",
        "ñ€😀|9:ñ€😀,"})
    void framesTextWithItsUtf8ByteLength(String payload, String expected) {
        ByteBuf frame = Netstring.encode(ALLOCATOR, payload);
        try {
            assertEquals(expected, frame.toString(StandardCharsets.UTF_8));
            assertEquals(Netstring.frameLength(payload.getBytes(StandardCharsets.UTF_8).length), frame.readableBytes());
        } finally {
            frame.release();
        }
    }

    @Test
    void framesBinaryWithoutConsumingTheSource() {
        ByteBuf payload = ALLOCATOR.directBuffer().writeBytes(new byte[] {(byte) 0x80, 0x00, (byte) 0xff});
        ByteBuf frame = Netstring.encode(ALLOCATOR, payload);
        try {
            assertEquals(3, payload.readableBytes());
            byte[] bytes = new byte[frame.readableBytes()];
            frame.readBytes(bytes);
            assertEquals("3:\u0080\u0000\u00ff,", new String(bytes, StandardCharsets.ISO_8859_1));
        } finally {
            payload.release();
            frame.release();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 9, 10, 99, 100, 65535})
    void roundTripsThroughTheDecoder(int length) {
        String payload = "q".repeat(length);
        List<String> decoded = new ArrayList<>();
        try (NetstringDecoder decoder = new NetstringDecoder(ALLOCATOR, new NetstringDecoder.Listener() {
            @Override
            public void onFrame(ByteBuf frame) {
                decoded.add(frame.toString(StandardCharsets.UTF_8));
            }

            @Override
            public void onMalformed(String reason) {
                decoded.add("error: " + reason);
            }
        })) {
            ByteBuf frame = Netstring.encode(ALLOCATOR, payload);
            assertEquals(String.valueOf(length).length() + length + 2, Netstring.frameLength(length));
            decoder.feed(frame);
            frame.release();
        }
        assertEquals(List.of(payload), decoded);
    }
}
