package io.jmediasoup.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 3611 Extended Reports: the Receiver Reference Time we send and the DLRR blocks we read. */
class ExtendedReportTest {
    @Test
    void writesAReceiverReferenceTimeAsTheCppWorker() {
        ByteBuf out = Unpooled.buffer();
        ExtendedReport.writeReceiverReferenceTime(out, 0xb44db705L, 0x20000000L);
        // V=2, PT=207, length 4 words; sender SSRC 0; BT=4, block length 2; NTP seconds and fraction.
        assertEquals("80cf0004" + "00000000" + "04000002" + "b44db705" + "20000000", ByteBufUtil.hexDump(out));
        assertEquals(ExtendedReport.RECEIVER_REFERENCE_TIME_PACKET_SIZE, out.readableBytes());
    }

    static Stream<Arguments> dlrrPackets() {
        return Stream.of(
                // A DLRR with one sub-block (as Chromium answers): SSRC, LRR, DLRR.
                Arguments.of("one sub-block", "80cf0005" + "11111111" + "05000003" + "00000457" + "b7052000" + "00010000",
                        new long[][] {{0x457, 0xb7052000L, 0x10000}}),
                // SSRC 0 in a sub-block means the packet's sender.
                Arguments.of("sub-block about the sender", "80cf0005" + "00000457" + "05000003" + "00000000" + "00000001" + "00000002",
                        new long[][] {{0x457, 1, 2}}),
                // An RRT block first is skipped; then a DLRR with two sub-blocks.
                Arguments.of("after another block", "80cf000b" + "00000001" + "04000002" + "00000000" + "00000000"
                        + "05000006" + "00000010" + "00000011" + "00000012" + "00000020" + "00000021" + "00000022",
                        new long[][] {{0x10, 0x11, 0x12}, {0x20, 0x21, 0x22}}),
                // A block claiming more words than the packet has is ignored, with what follows.
                Arguments.of("block overruns the packet", "80cf0005" + "00000001" + "050000ff" + "00000001" + "00000002" + "00000003",
                        new long[][] {}),
                // A DLRR with a partial sub-block reads only the whole ones.
                Arguments.of("partial sub-block", "80cf0004" + "00000001" + "05000002" + "00000001" + "00000002",
                        new long[][] {}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dlrrPackets")
    void readsDlrrSubBlocks(String name, String hex, long[][] expected) {
        CompoundPacketReader reader = new CompoundPacketReader().reset(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex)));
        assertTrue(reader.next());
        List<long[]> seen = new ArrayList<>();
        ExtendedReport.readDelaySinceLastRr(reader, (ssrc, lastRr, dlrr) -> seen.add(new long[] {ssrc, lastRr, dlrr}));
        assertArrayEquals(expected, seen.toArray(new long[0][]));
    }
}
