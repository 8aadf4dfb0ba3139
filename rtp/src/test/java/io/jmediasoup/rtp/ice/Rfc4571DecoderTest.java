package io.jmediasoup.rtp.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 4571 framing over reads that split and merge frames anywhere. */
class Rfc4571DecoderTest {
    /** Three frames: 3 bytes, the null packet, 5 bytes. */
    private static final String STREAM = "0003aabbcc" + "0000" + "00050102030405";
    private static final List<String> FRAMES = List.of("aabbcc", "0102030405");

    private final List<String> frames = new ArrayList<>();
    private final Rfc4571Decoder decoder = new Rfc4571Decoder(PooledByteBufAllocator.DEFAULT, 100);

    private boolean feed(String hex) {
        byte[] bytes = ByteBufUtil.decodeHexDump(hex);
        ByteBuf chunk = PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(1, bytes.length)).writeBytes(bytes);
        try {
            return decoder.feed(chunk, frame -> frames.add(ByteBufUtil.hexDump(frame)));
        } finally {
            chunk.release();
        }
    }

    static Stream<Arguments> splits() {
        return Stream.of(
                Arguments.of("one read", List.of(STREAM)),
                Arguments.of("byte by byte", bytes(STREAM)),
                Arguments.of("inside a length prefix", List.of("00", "03aabbcc0000000501", "02030405")),
                Arguments.of("after a length prefix", List.of("0003", "aabbcc00", "00", "0005", "0102030405")),
                Arguments.of("inside a payload", List.of("0003aa", "bb", "cc000000050102", "030405")),
                Arguments.of("empty reads between", List.of("", "0003aabbcc", "", "0000", "00050102030405", "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splits")
    void deliversTheSameFramesHoweverTheStreamIsSplit(String name, List<String> reads) {
        for (String chunk : reads) {
            assertTrue(feed(chunk));
        }
        assertEquals(FRAMES, frames);
        decoder.release();
    }

    private static List<String> bytes(String hex) {
        List<String> bytes = new ArrayList<>();
        for (int i = 0; i < hex.length(); i += 2) {
            bytes.add(hex.substring(i, i + 2));
        }
        return bytes;
    }

    @Test
    void acceptsAFrameOfExactlyTheCap() {
        String payload = "ab".repeat(100);
        assertTrue(feed("0064" + payload.substring(0, 50)));
        assertTrue(feed(payload.substring(50)));
        assertEquals(List.of(payload), frames);
        decoder.release();
    }

    static Stream<Arguments> overflows() {
        return Stream.of(
                Arguments.of("in a whole read", List.of("0003aabbcc0065"), List.of("aabbcc")),
                Arguments.of("in a split prefix", List.of("0003aabbcc00", "65ab"), List.of("aabbcc")),
                Arguments.of("after a pending frame", List.of("0003aabbcc0001", "ff0065"), List.of("aabbcc", "ff")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overflows")
    void failsForGoodOnAFrameAboveTheCap(String name, List<String> reads, List<String> delivered) {
        boolean ok = true;
        for (String read : reads) {
            ok = feed(read);
        }
        assertFalse(ok);
        assertFalse(feed("0001ff"), "nothing is read after the failure");
        assertEquals(delivered, frames);
        decoder.release();
    }

    @Test
    void stopsWhenReleasedByTheListener() {
        ByteBuf chunk = PooledByteBufAllocator.DEFAULT.directBuffer().writeBytes(ByteBufUtil.decodeHexDump(STREAM + "0001"));
        try {
            assertTrue(decoder.feed(chunk, frame -> {
                frames.add(ByteBufUtil.hexDump(frame));
                decoder.release();
            }));
        } finally {
            chunk.release();
        }
        assertEquals(List.of("aabbcc"), frames);
    }

    @Test
    void releasesAPendingFrame() {
        assertTrue(feed("0005aabb"));
        decoder.release();
        assertTrue(feed("ccddee"));
        assertEquals(List.of(), frames);
    }
}
