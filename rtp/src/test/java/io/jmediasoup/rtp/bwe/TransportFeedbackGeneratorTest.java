package io.jmediasoup.rtp.bwe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmediasoup.rtp.rtcp.TransportFeedback;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Arrivals in, transport-cc feedback out, read back with the parser. */
class TransportFeedbackGeneratorTest {
    private final TransportFeedbackGenerator generator = new TransportFeedbackGenerator();

    /** Every feedback packet pending, parsed: "seq@µs" for received ones, "seq lost" for the others. */
    private List<String> drain() {
        List<String> out = new ArrayList<>();
        TransportFeedback parsed = new TransportFeedback();
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(1500);
        try {
            while (true) {
                buffer.clear();
                if (!generator.writeFeedback(buffer)) {
                    break;
                }
                assertTrue(parsed.parse(buffer, 0, buffer.readableBytes()));
                assertEquals(0xAABBL, parsed.mediaSsrc());
                for (int i = 0; i < parsed.packetStatusCount(); i++) {
                    int seq = (parsed.baseSequenceNumber() + i) & 0xFFFF;
                    out.add(parsed.received(i) ? seq + "@" + parsed.receiveTimeUs(i) : seq + " lost");
                }
            }
        } finally {
            buffer.release();
        }
        return out;
    }

    @Test
    void reportsArrivalsInOrderWithLossesAcrossTheWrap() {
        long t = 64_000_000;
        generator.packetReceived(65534, 0xAABB, t);
        generator.packetReceived(0, 0xAABB, t + 1000);
        generator.packetReceived(65535, 0xAABB, t + 2000);
        generator.packetReceived(2, 0xAABB, t + 3000);
        assertEquals(List.of("65534@64000000", "65535@64002000", "0@64001000", "1 lost", "2@64003000"), drain());
        assertFalse(generator.hasPending());
        generator.packetReceived(1, 0xAABB, t + 9000);
        assertEquals(List.of(), drain(), "older than the last feedback: not reported again");
        generator.packetReceived(3, 0xAABB, t + 10_000);
        assertEquals(List.of("3@64010000"), drain());
    }

    @Test
    void aLongBurstIsSplitOverSeveralPackets() {
        for (int i = 0; i < 1200; i++) {
            generator.packetReceived(i, 0xAABB, 128_000_000L + i * 500L);
        }
        List<String> reported = drain();
        assertEquals(1200, reported.size());
        assertEquals("1199@" + (128_000_000L + 1199 * 500L), reported.get(1199));
    }

    @Test
    void aLargeGapInTimeStartsANewPacket() {
        generator.packetReceived(10, 0xAABB, 64_000_000);
        generator.packetReceived(11, 0xAABB, 64_000_000 + 20_000_000);
        assertEquals(List.of("10@64000000", "11@84000000"), drain());
    }
}
