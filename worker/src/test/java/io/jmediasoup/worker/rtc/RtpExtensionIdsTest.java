package io.jmediasoup.worker.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmediasoup.rtp.RtpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** MID and RID read from one-byte header extensions (RFC 8285), the RID falling back to the repaired RID. */
class RtpExtensionIdsTest {
    private static final RtpExtensionIds IDS = new RtpExtensionIds(1, 2, 3, 0);
    /** RTP header with X=1, then a one-byte extension block. */
    private static final String HEADER = "90600001000000010000162e";

    static Stream<Arguments> packets() {
        return Stream.of(
                // mid "0" (id 1), rid "r0" (id 2)
                Arguments.of("mid and rid", IDS, "bede0002" + "1030" + "217230" + "000000", "0", "r0"),
                // rrid "r1" (id 3) only, as an RTX packet carries it
                Arguments.of("repaired rid only", IDS, "bede0001" + "317231" + "00", null, "r1"),
                // both: the rid wins
                Arguments.of("rid and repaired rid", IDS, "bede0002" + "217230" + "317231" + "0000", null, "r0"),
                Arguments.of("repaired rid not negotiated", new RtpExtensionIds(1, 2, 0, 0), "bede0001" + "317231" + "00",
                        null, null),
                Arguments.of("nothing negotiated", RtpExtensionIds.NONE, "bede0002" + "1030" + "217230" + "000000", null,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packets")
    void readsMidAndRid(String name, RtpExtensionIds ids, String extensions, String mid, String rid) {
        ByteBuf data = Unpooled.wrappedBuffer(HexFormat.of().parseHex(HEADER + extensions + "cafe"));
        try {
            RtpPacket packet = new RtpPacket();
            assertTrue(packet.parse(data));
            assertEquals(mid, ids.readMid(packet));
            assertEquals(rid, ids.readRid(packet));
        } finally {
            data.release();
        }
    }
}
