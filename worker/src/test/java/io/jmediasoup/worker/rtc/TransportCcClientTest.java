package io.jmediasoup.worker.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.bwe.FeedbackRecording;
import io.jmediasoup.rtp.bwe.SendSideBandwidthEstimator;
import io.jmediasoup.rtp.rtcp.CompoundPacketReader;
import io.jmediasoup.rtp.rtcp.TransportFeedback;
import io.jmediasoup.worker.messages.TransportEvent;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The "info" of "bwe" trace events, before any feedback: the C++ worker's fields and limits;
 * and the recording of the estimator's inputs.
 */
class TransportCcClientTest {
    @ParameterizedTest(name = "desired {0}, cap {1} -> max {2}")
    @CsvSource({
        // Nothing desired: the initial estimate is the maximum.
        "0, 0, 600000, 510000",
        // Desired plus 35 %, at least the initial estimate.
        "1000000, 0, 1350000, 1147500",
        "200000, 0, 600000, 510000",
        // The application's cap wins.
        "1000000, 800000, 800000, 680000",
    })
    void maximumAndPaddingFollowTheDesiredBitrate(long desired, long cap, long expectedMax, long expectedPadding) {
        TransportCcClient client = new TransportCcClient(600_000, 0, cap, true);
        TransportEvent.BweTrace trace = client.bweTrace(1234, desired, 600_000, cap);
        assertEquals(1234, trace.timestamp());
        assertEquals(desired, trace.desiredBitrate());
        assertEquals(desired, trace.effectiveDesiredBitrate());
        assertEquals(30_000, trace.minBitrate());
        assertEquals(expectedMax, trace.maxBitrate());
        assertEquals(expectedPadding, trace.maxPaddingBitrate());
        long available = cap > 0 ? Math.min(600_000, cap) : 600_000;
        assertEquals(available, trace.availableBitrate());
        assertEquals(available, trace.startBitrate());
        assertTrue(trace.transportCc());
    }

    /** Video with a transport-wide-cc extension (id 5, sequence 0 until numbered) and two bytes of payload. */
    private static final String VIDEO = "900000010000000200000003" + "bede0001" + "51000000" + "aabb";

    @Test
    void aRecordingReplaysToTheEstimateTheClientReached(@TempDir Path directory) throws IOException {
        TransportCcClient client = new TransportCcClient(600_000, 0, 0, true);
        assertTrue(client.recordInto(directory, "t1", 1000));
        RtpPacket packet = new RtpPacket();
        ByteBuf rtp = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        ByteBuf rtcp = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        try {
            for (int i = 0; i < 3; i++) {
                rtp.clear().writeBytes(ByteBufUtil.decodeHexDump(VIDEO));
                assertTrue(packet.parse(rtp));
                client.packetSent(packet, 1000 + 10 * i);
            }
            client.setRtt(50, 1030);
            client.setMaxBitrate(2_000_000, 1040);
            TransportFeedback feedback = new TransportFeedback();
            feedback.reset(1, 2, 1, 0, 70_000);
            feedback.addReceived(1, 70_000);
            feedback.addReceived(3, 90_500);
            feedback.write(rtcp);
            CompoundPacketReader reader = new CompoundPacketReader().reset(rtcp);
            assertTrue(reader.next());
            assertTrue(client.receiveFeedback(reader, 1100));
        } finally {
            rtp.release();
            rtcp.release();
        }
        client.close();

        List<String> lines = Files.readAllLines(directory.resolve("t1.bwe"), StandardCharsets.US_ASCII);
        assertEquals("B 1000 600000 30000 100000000", lines.get(1));
        assertTrue(lines.get(2).startsWith("# transport t1, pid "), lines.get(2));
        assertEquals(List.of("S 1000 1 22", "S 1010 2 22", "S 1020 3 22", "R 1030 50", "M 1040 2000000"), lines.subList(4, 9));
        assertTrue(lines.get(9).startsWith("F 1100 8fcd"), lines.get(9));
        assertEquals("E 1100 " + client.availableBitrate() + " NORMAL", lines.get(10));
        assertEquals(11, lines.size());

        FeedbackRecording recording;
        try (BufferedReader in = Files.newBufferedReader(directory.resolve("t1.bwe"), StandardCharsets.US_ASCII)) {
            recording = FeedbackRecording.read(in);
        }
        SendSideBandwidthEstimator replayed = recording.newEstimator();
        List<Long> estimates = new ArrayList<>();
        recording.replay(replayed, (event, estimator) -> {
            if (event instanceof FeedbackRecording.Estimate estimate) {
                estimates.add(estimate.bitrate());
                assertEquals(estimate.bitrate(), estimator.availableBitrate());
            }
        });
        assertEquals(List.of(client.availableBitrate()), estimates);
    }

    @Test
    void theApplicationsFloorHoldsTheEstimateUpAndZeroRestoresTheDefault() {
        TransportCcClient client = new TransportCcClient(600_000, 0, 0, false);
        client.receiveRemb(10_000);
        assertEquals(TransportCcClient.DEFAULT_MIN_BITRATE, client.availableBitrate());
        client.setMinBitrate(200_000);
        assertEquals(200_000, client.availableBitrate());
        client.setMinBitrate(0);
        assertEquals(TransportCcClient.DEFAULT_MIN_BITRATE, client.availableBitrate());
    }

    @Test
    void aRembClientRecordsNothing(@TempDir Path directory) throws IOException {
        TransportCcClient client = new TransportCcClient(600_000, 0, 0, false);
        assertFalse(client.recordInto(directory, "t1", 1000));
        assertFalse(Files.exists(directory.resolve("t1.bwe")));
    }

    /**
     * The largest compound an ICE-TCP frame can carry, made of 2,730 transport-cc feedbacks of
     * 24 bytes that each claim 4,096 packets with one run-length chunk: 11 million lookups if
     * all were taken. The per-second budget takes 16 of them, and the walk stays linear in the
     * bytes. Feedback claiming more than a sender remembers is refused outright.
     */
    @Test
    void aCompoundOfMaximumSizeCostsTimeLinearInItsBytes() {
        TransportCcClient client = new TransportCcClient(600_000, 0, 0, true);
        String feedback = "8fcd0005" + "00000001" + "00000002" + "0001" + "1000" + "00000100" + "1000" + "0000";
        ByteBuf compound = Unpooled.buffer(65_532);
        while (compound.writableBytes() >= 24) {
            compound.writeBytes(ByteBufUtil.decodeHexDump(feedback));
        }
        CompoundPacketReader reader = new CompoundPacketReader();
        long start = System.nanoTime();
        int accepted = walk(client, reader.reset(compound), 1000);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(TransportCcClient.MAX_FEEDBACK_STATUSES_PER_SECOND / 4096, accepted);
        // A few milliseconds on a quiet machine; the limit leaves room for a busy one.
        assertTrue(elapsedMs < 500, elapsedMs + " ms for " + compound.readableBytes() + " bytes");
        // Half a second later, half the budget is back.
        assertEquals(8, walk(client, reader.reset(compound), 1500));

        String claimsEverything = "8fcd0008" + "00000001" + "00000002" + "0001" + "ffff" + "00000100"
                + "1fff".repeat(8);
        assertEquals(0, walk(new TransportCcClient(600_000, 0, 0, true),
                reader.reset(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(claimsEverything))), 1000));
    }

    /** Hands every transport-cc feedback of the compound to the client; how many it took. */
    private static int walk(TransportCcClient client, CompoundPacketReader reader, long nowMs) {
        int accepted = 0;
        while (reader.next()) {
            if (TransportFeedback.is(reader) && client.receiveFeedback(reader, nowMs)) {
                accepted++;
            }
        }
        return accepted;
    }
}
