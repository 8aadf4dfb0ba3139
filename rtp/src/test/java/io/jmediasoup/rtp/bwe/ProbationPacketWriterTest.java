package io.jmediasoup.rtp.bwe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmediasoup.rtp.RtpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Probation packets: what mediasoup-client's "probator" receiver expects, at every size. */
class ProbationPacketWriterTest {
    /** The header after sequence number and timestamp: ssrc 1234, then MID "probator" (id 1), abs-send-time (4), transport-cc (5). */
    private static final String HEADER_TAIL = "000004d2" + "bede0004" + "17" + "70726f6261746f72" + "42000000" + "510000";

    @ParameterizedTest(name = "{0} bytes asked -> {1}")
    @CsvSource({"32, 32", "10, 32", "1200, 1200", "5000, 1400"})
    void writesAParsablePacketOfTheSizeAsked(int asked, int expected) {
        ProbationPacketWriter writer = new ProbationPacketWriter(1, 4, 5);
        ByteBuf out = Unpooled.buffer();
        try {
            writer.write(out, asked);
            assertEquals(expected, out.readableBytes());
            assertEquals("907f", ByteBufUtil.hexDump(out, 0, 2));
            assertEquals(HEADER_TAIL, ByteBufUtil.hexDump(out, 8, 24));
            RtpPacket packet = new RtpPacket();
            assertTrue(packet.parse(out));
            assertEquals(ProbationPacketWriter.SSRC, packet.ssrc());
            assertEquals(ProbationPacketWriter.PAYLOAD_TYPE, packet.payloadType());
            assertEquals("probator", packet.extensionString(1));
            assertEquals(3, packet.extensionLength(4));
            assertEquals(2, packet.extensionLength(5));
            assertEquals(expected - ProbationPacketWriter.HEADER_SIZE, packet.payloadLength());
            int seq = packet.sequenceNumber();
            long timestamp = packet.timestamp();
            ByteBuf next = Unpooled.buffer();
            try {
                writer.write(next, asked);
                assertTrue(packet.parse(next));
                assertArrayEquals(new long[] {(seq + 1) & 0xFFFF, (timestamp + 20) & 0xFFFFFFFFL},
                        new long[] {packet.sequenceNumber(), packet.timestamp()});
            } finally {
                next.release();
            }
        } finally {
            out.release();
        }
    }
}
