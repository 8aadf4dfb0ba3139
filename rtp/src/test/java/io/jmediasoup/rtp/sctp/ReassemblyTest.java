package io.jmediasoup.rtp.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fragments in the order given, each "TSN:flags:stream:ssn:text" (flags B, E, U), and the
 * messages that come out ("stream:text"), with what stays held and how many were too large
 * (maxMessageSize 6).
 */
class ReassemblyTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("ordered message in order", List.of("1:B:0:0:ab", "2::0:0:cd", "3:E:0:0:ef"),
                        List.of("0:abcdef"), 0),
                Arguments.of("ordered message backwards", List.of("3:E:0:0:ef", "2::0:0:cd", "1:B:0:0:ab"),
                        List.of("0:abcdef"), 0),
                Arguments.of("ordered messages wait for the earlier SSN",
                        List.of("3:BE:0:1:second", "4:BE:0:2:third", "1:B:0:0:fi", "2:E:0:0:rst"),
                        List.of("0:first", "0:second", "0:third"), 0),
                Arguments.of("streams are independent", List.of("3:BE:1:0:one", "1:B:0:0:ze", "2:E:0:0:ro"),
                        List.of("1:one", "0:zero"), 0),
                Arguments.of("unordered middle first", List.of("2:U:0:0:cd", "1:BU:0:0:ab", "3:EU:0:0:ef"),
                        List.of("0:abcdef"), 0),
                Arguments.of("unordered does not wait", List.of("3:BEU:0:0:late", "1:BU:0:0:ea", "2:EU:0:0:rly"),
                        List.of("0:late", "0:early"), 0),
                Arguments.of("an unordered end starts no run after another message's end",
                        List.of("1:BEU:0:0:one", "2:EU:0:0:xx"), List.of("0:one"), 0),
                Arguments.of("a run on another stream does not join", List.of("1:BU:0:0:ab", "2:EU:1:0:cd"),
                        List.of(), 0),
                Arguments.of("ordered over maxMessageSize is dropped and the stream goes on",
                        List.of("1:B:0:0:abcd", "2::0:0:efgh", "3:E:0:0:ij", "4:BE:0:1:next"), List.of("0:next"), 1),
                Arguments.of("unordered over maxMessageSize joined from both sides is dropped",
                        List.of("1:BU:0:0:abcd", "3:EU:0:0:ij", "2:U:0:0:efgh", "4:BEU:0:0:next"),
                        List.of("0:next"), 1),
                Arguments.of("a single fragment over maxMessageSize", List.of("1:BE:0:0:toolong", "2:BE:0:1:ok"),
                        List.of("0:ok"), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reassembles(String name, List<String> fragments, List<String> expected, long oversized) {
        List<String> delivered = new ArrayList<>();
        Set<Long> received = new HashSet<>();
        Reassembly reassembly = new Reassembly(PooledByteBufAllocator.DEFAULT, 6,
                (streamId, ppid, message) -> delivered.add(streamId + ":" + message.toString(StandardCharsets.US_ASCII)),
                received::contains);
        try {
            for (String fragment : fragments) {
                String[] fields = fragment.split(":", -1);
                long tsn = Long.parseLong(fields[0]);
                int flags = (fields[1].contains("B") ? DataChunk.FLAG_BEGIN : 0)
                        | (fields[1].contains("E") ? DataChunk.FLAG_END : 0)
                        | (fields[1].contains("U") ? DataChunk.FLAG_UNORDERED : 0);
                ByteBuf data = Unpooled.copiedBuffer("xx" + fields[4], StandardCharsets.US_ASCII);
                received.add(tsn);
                reassembly.add(tsn, Integer.parseInt(fields[2]), Integer.parseInt(fields[3]), 51, flags, data, 2,
                        fields[4].length());
            }
            assertEquals(expected, delivered);
            assertEquals(oversized, reassembly.oversizedMessages());
        } finally {
            reassembly.release();
        }
        assertEquals(0, reassembly.chargedBytes(), "release gives everything back");
    }
}
