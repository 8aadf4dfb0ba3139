package io.jmediasoup.worker.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The subchannels a pipe transport carries in front of a message, as mediasoup 3.32 lays them out. */
class SubchannelsHeaderTest {
    private static final ByteBuf PAYLOAD = Unpooled.copiedBuffer("hi", StandardCharsets.UTF_8);

    static Stream<Arguments> messages() {
        return Stream.of(
                // message subchannels, required, ignored, consumer's subchannels, header in hex (null: none), decoded subchannels
                Arguments.of(List.of(), null, null, Set.of(), null, List.of()),
                Arguments.of(List.of(1, 2), null, null, Set.of(), "a5f09cb3d6e1f28c" + "0002" + "0001" + "0002", List.of(1, 2)),
                Arguments.of(List.of(1, 2), null, null, Set.of(2), "a5f09cb3d6e1f28c" + "0001" + "0002", List.of(2)),
                Arguments.of(List.of(), 7, null, Set.of(), "a5f09cb3d6e1f28e" + "0000" + "0007", List.of()),
                Arguments.of(List.of(65535), 7, 9, Set.of(), "a5f09cb3d6e1f28f" + "0001" + "ffff" + "0007" + "0009",
                        List.of(65535)));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void encodesAndDecodesTheHeader(List<Integer> subchannels, Integer required, Integer ignored,
            Set<Integer> consumerSubchannels, String header, List<Integer> decoded) {
        DataMessage message = new DataMessage(51, PAYLOAD, subchannels, required, ignored);
        ByteBuf encoded = SubchannelsHeader.encode(message, consumerSubchannels);
        try {
            if (header == null) {
                assertSame(PAYLOAD, encoded);
                return;
            }
            assertEquals(header + ByteBufUtil.hexDump(PAYLOAD), ByteBufUtil.hexDump(encoded));
            DataMessage back = SubchannelsHeader.decode(51, encoded);
            assertEquals(decoded, back.subchannels());
            assertEquals(required, back.requiredSubchannel());
            assertEquals(ignored, back.ignoredSubchannel());
            assertEquals("hi", back.payload().toString(StandardCharsets.UTF_8));
        } finally {
            if (encoded != PAYLOAD) {
                encoded.release();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("truncated")
    void leavesAPayloadWithoutAWholeHeaderAsItIs(String hex) {
        ByteBuf payload = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex));
        DataMessage message = SubchannelsHeader.decode(53, payload);
        assertSame(payload, message.payload());
        assertEquals(List.of(), message.subchannels());
        assertNull(message.requiredSubchannel());
    }

    static Stream<String> truncated() {
        return Stream.of("a5f09cb3d6e1f28c00", "a5f09cb3d6e1f28c000200", "a5f09cb3d6e1f28e0000", "00f09cb3d6e1f28c0000");
    }
}
