package io.jmediasoup.rtp.bwe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmediasoup.rtp.rtcp.TransportFeedback;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The recording format: what the recorder writes, the reader reads and a replay reproduces. */
class FeedbackRecordingTest {
    /** Transport-cc feedback, base 100, two packets received 1 ms apart at reference time 1 (64 ms). */
    private static final String FEEDBACK_HEX = "8fcd0005" + "00000001" + "00000002" + "00640002" + "00000100" + "20020004";

    private static FeedbackRecording read(String text) throws IOException {
        return FeedbackRecording.read(new BufferedReader(new StringReader(text)));
    }

    @Test
    void whatTheRecorderWritesTheReaderReadsBack() throws IOException {
        StringWriter out = new StringWriter();
        ByteBuf packet = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        try (FeedbackRecorder recorder = new FeedbackRecorder(out, 1000, 600_000, 30_000, 100_000_000)) {
            recorder.comment("transport t1\nsecond line");
            recorder.packetSent(1010, 100, 1200, -1);
            recorder.packetSent(1011, 101, 250, 3);
            recorder.rtt(1050, 42);
            recorder.maxBitrate(1060, 2_000_000);
            packet.writeZero(5).writeBytes(ByteBufUtil.decodeHexDump(FEEDBACK_HEX)).writeZero(3);
            recorder.feedback(1100, packet, 5, packet.readableBytes() - 8);
            recorder.estimate(1100, 612_000, BandwidthUsage.OVERUSING);
        } finally {
            packet.release();
        }
        String text = out.toString();
        assertTrue(text.startsWith(FeedbackRecording.HEADER + "\nB 1000 600000 30000 100000000\n# transport t1 second line\n"), text);

        FeedbackRecording recording = read(text);
        assertEquals(1000, recording.startMs());
        List<FeedbackRecording.Event> events = recording.events();
        assertEquals(6, events.size());
        assertEquals(new FeedbackRecording.Sent(1010, 100, 1200, -1), events.get(0));
        assertEquals(new FeedbackRecording.Sent(1011, 101, 250, 3), events.get(1));
        assertEquals(new FeedbackRecording.Rtt(1050, 42), events.get(2));
        assertEquals(new FeedbackRecording.MaxBitrate(1060, 2_000_000), events.get(3));
        FeedbackRecording.Feedback feedback = (FeedbackRecording.Feedback) events.get(4);
        assertEquals(1100, feedback.nowMs());
        assertArrayEquals(ByteBufUtil.decodeHexDump(FEEDBACK_HEX), feedback.packet());
        TransportFeedback parsed = new TransportFeedback();
        assertTrue(feedback.parse(parsed));
        assertEquals(100, parsed.baseSequenceNumber());
        assertEquals(2, parsed.packetStatusCount());
        assertEquals(64_000, parsed.receiveTimeUs(0));
        assertEquals(65_000, parsed.receiveTimeUs(1));
        assertEquals(new FeedbackRecording.Estimate(1100, 612_000, BandwidthUsage.OVERUSING), events.get(5));
    }

    @Test
    void aReplayGivesTheEstimatorTheRecordedInputsWithTheRecordedClock() throws IOException {
        FeedbackRecording recording = read("B 1000 600000 30000 800000\n"
                + "S 1010 100 1200\nS 1011 101 1200 0\nR 1050 80\nM 1060 500000\nF 1100 " + FEEDBACK_HEX + "\n");
        SendSideBandwidthEstimator live = new SendSideBandwidthEstimator(600_000, 30_000, 800_000);
        live.onPacketSent(100, 1200, 1010);
        live.onProbePacketSent(101, 1200, 1011, 0);
        live.onRtt(80);
        live.setMaxBitrate(500_000);
        TransportFeedback parsed = new TransportFeedback();
        ((FeedbackRecording.Feedback) recording.events().get(4)).parse(parsed);
        long expected = live.onTransportFeedback(parsed, 1100);

        SendSideBandwidthEstimator replayed = recording.newEstimator();
        List<String> seen = new ArrayList<>();
        recording.replay(replayed, (event, estimator) ->
                seen.add(event.getClass().getSimpleName() + "@" + event.nowMs() + " " + estimator.availableBitrate()));
        assertEquals(List.of("Sent@1010 600000", "Sent@1011 600000", "Rtt@1050 600000", "MaxBitrate@1060 500000",
                "Feedback@1100 " + expected), seen);
        assertEquals(live.usage(), replayed.usage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "# a comment only\n",
        "S 1 2 3\n",
        "B 1 2 3\n",
        "B 1 2 3 4\nS 1 2\n",
        "B 1 2 3 4\nS 1 2 3 4 5\n",
        "B 1 2 3 4\nR 1\n",
        "B 1 2 3 4\nM x 5\n",
        "B 1 2 3 4\nF 1 8f0\n",
        "B 1 2 3 4\nE 1 5 SOMETIMES\n",
        "B 1 2 3 4\nX 1 2\n",
    })
    void aMalformedRecordingIsRefusedNamingItsLine(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(text));
        assertTrue(e.getMessage().startsWith("line ") || e.getMessage().startsWith("no B line"), e.getMessage());
    }

    @Test
    void aFailingWriterEndsTheRecordingWithoutThrowing() {
        Writer failing = new Writer() {
            int writes;

            @Override
            public void write(char[] chars, int offset, int length) throws IOException {
                if (++writes > 3) {
                    throw new IOException("disk full");
                }
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void close() throws IOException {
                throw new IOException("disk full");
            }
        };
        FeedbackRecorder recorder = new FeedbackRecorder(failing, 0, 1, 2, 3);
        for (int i = 0; i < 10; i++) {
            recorder.packetSent(i, i, 100, -1);
            recorder.estimate(i * 2000, 5, BandwidthUsage.NORMAL);
        }
        assertTrue(recorder.isClosed());
        recorder.close();
    }
}
