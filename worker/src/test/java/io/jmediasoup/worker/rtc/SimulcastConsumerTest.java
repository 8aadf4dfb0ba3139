package io.jmediasoup.worker.rtc;

import io.jmediasoup.worker.messages.ConsumerLayers;
import io.jmediasoup.worker.messages.ConsumerResponse;
import io.jmediasoup.worker.messages.RtpStreamStats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.codecs.Vp8;
import io.jmediasoup.rtp.stream.LayerBitrates;
import io.jmediasoup.worker.Logger;
import io.jmediasoup.worker.Settings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A simulcast consumer fed scripted VP8 from a three-stream producer (L1T3 each, one packet per
 * frame, timestamps and picture ids of their own): what it forwards, and when it switches.
 */
class SimulcastConsumerTest {
    private static final long CONSUMER_SSRC = 2222;
    private static final String VP8 = "{\"mimeType\":\"video/VP8\",\"payloadType\":101,\"clockRate\":90000,"
            + "\"rtcpFeedback\":[{\"type\":\"nack\"},{\"type\":\"nack\",\"parameter\":\"pli\"}]}";
    private static final int[] TIDS = {0, 2, 1, 2};

    /** What the consumer sent, read at the moment it was sent. */
    private record Sent(long ssrc, int seq, long timestamp, int pictureId, int tl0PicIdx, int tid, long sourceSsrc) {}

    /** One of the producer's streams, in the router's SSRC: its own seq, timestamp and picture id bases. */
    private static final class Source {
        final long mappedSsrc;
        final int seqBase;
        final long tsBase;
        final int pictureIdBase;

        Source(long mappedSsrc, int seqBase, long tsBase, int pictureIdBase) {
            this.mappedSsrc = mappedSsrc;
            this.seqBase = seqBase;
            this.tsBase = tsBase;
            this.pictureIdBase = pictureIdBase;
        }

        /** Frame {@code n} (one packet, marker set) at 30 fps. */
        ByteBuf packet(int n, boolean keyFrame) {
            ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(64);
            buffer.writeByte(0x80);
            buffer.writeByte(0x80 | 101);
            buffer.writeShort(seqBase + n);
            buffer.writeInt((int) (tsBase + n * 3000L));
            buffer.writeInt((int) mappedSsrc);
            int tid = TIDS[n % 4];
            buffer.writeByte(0x90);
            buffer.writeByte(0xE0);
            buffer.writeShort(0x8000 | ((pictureIdBase + n) & 0x7FFF));
            buffer.writeByte((n / 4 + 7) & 0xFF);
            buffer.writeByte(tid << 6 | (tid > 0 ? 0x20 : 0));
            buffer.writeByte(keyFrame ? 0x00 : 0x01);
            buffer.writeZero(20);
            return buffer;
        }
    }

    private final Source[] sources = {
        new Source(1, 1000, 100_000, 300), new Source(2, 30_000, 5_000_000, 9000), new Source(3, 65_500, 4_294_960_000L, 32_760),
    };
    private final List<Sent> sent = new ArrayList<>();
    private final List<Long> keyFrameRequests = new ArrayList<>();
    private final RtpPacket packet = new RtpPacket();
    private final SenderReportTimes senderReports = new SenderReportTimes(3);
    private SimulcastConsumer consumer;
    private long nowMs = 1_000_000;
    private final int[] scores = {10, 10, 10};
    private int needBitrateChanges;

    @BeforeEach
    void create() {
        Settings settings = Settings.fromArgs(new String[0]);
        Shared shared = new Shared(null, settings, new Logger(settings), () -> nowMs);
        String data = ("{\"kind\":\"video\",\"type\":\"simulcast\",\"rtpParameters\":{"
                + "\"codecs\":[" + VP8 + "],\"encodings\":[{\"ssrc\":" + CONSUMER_SSRC + ",\"scalabilityMode\":\"S3T3\"}],"
                + "\"rtcp\":{\"cname\":\"c\"}},\"consumableRtpEncodings\":[{\"ssrc\":1},{\"ssrc\":2},{\"ssrc\":3}]}");
        consumer = new SimulcastConsumer("c1", shared, new Consumer.Listener() {
            @Override
            public void onConsumerProducerClosed(Consumer consumer) {}

            @Override
            public void onConsumerSendRtpPacket(Consumer consumer, RtpPacket packet) {
                ByteBuf b = packet.buffer();
                int p = packet.payloadIndex();
                sent.add(new Sent(packet.ssrc(), packet.sequenceNumber(), packet.timestamp(),
                        b.getUnsignedShort(p + 2) & 0x7FFF, b.getUnsignedByte(p + 4), b.getUnsignedByte(p + 5) >> 6,
                        -1));
            }

            @Override
            public void onConsumerKeyFrameRequested(Consumer consumer, long mappedSsrc) {
                keyFrameRequests.add(mappedSsrc);
            }

            @Override
            public void onConsumerNeedBitrateChange(Consumer consumer) {
                needBitrateChanges++;
            }
        }, TestConsumes.consume(data));
        consumer.producerRtpStreamScores(scores);
        consumer.producerSenderReports(senderReports);
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    /** All streams' clocks captured at the same wall-clock instant: frame n of each is the same moment. */
    private void senderReport(int spatialLayer) {
        senderReports.update(spatialLayer, 3_900_000_000L, 0, sources[spatialLayer].tsBase);
    }

    /** Frame {@code n} of each listed stream, key frames where asked. */
    private void frame(int n, int keyFrameLayer, int... spatialLayers) {
        for (int spatialLayer : spatialLayers) {
            ByteBuf buffer = sources[spatialLayer].packet(n, spatialLayer == keyFrameLayer);
            try {
                assertTrue(packet.parse(buffer));
                packet.setKeyFrame(Vp8.isKeyFrame(buffer, packet.payloadIndex(), packet.payloadLength()));
                consumer.sendRtpPacket(packet);
            } finally {
                buffer.release();
            }
        }
    }

    /** Frames of all three streams; at {@code from}, the one with a key frame arrives first. */
    private void frames(int from, int to, int keyFrameLayerAtFrom) {
        for (int n = from; n < to; n++) {
            int key = n == from ? keyFrameLayerAtFrom : -1;
            if (key >= 0) {
                frame(n, key, key);
            }
            for (int spatialLayer = 0; spatialLayer < 3; spatialLayer++) {
                if (spatialLayer != key) {
                    frame(n, -1, spatialLayer);
                }
            }
        }
    }

    private void prefer(int spatialLayer, int temporalLayer) {
        if (consumer.updatePreferredLayers(new ConsumerLayers(spatialLayer, temporalLayer))) {
            consumer.onPreferredLayersChanged();
        }
    }

    private ConsumerResponse.Dump dump() {
        return consumer.dump();
    }

    /** Sequence numbers, picture ids (mod 2^15) and 90 kHz timestamps of what was sent go on without jumps. */
    private void assertContinuous(List<Sent> packets, int framesPerPacket) {
        for (int i = 1; i < packets.size(); i++) {
            Sent previous = packets.get(i - 1);
            Sent current = packets.get(i);
            assertEquals(CONSUMER_SSRC, current.ssrc);
            assertEquals((previous.seq + 1) & 0xFFFF, current.seq, "seq after " + previous);
            assertEquals((previous.pictureId + 1) & 0x7FFF, current.pictureId, "picture id after " + previous);
            assertEquals((previous.timestamp + 3000L * framesPerPacket) & 0xFFFFFFFFL, current.timestamp,
                    "timestamp after " + previous);
        }
    }

    @Test
    void startsOnAKeyFrameOfTheTargetAndSwitchesOnKeyFramesOnly() {
        for (int i = 0; i < 3; i++) {
            senderReport(i);
        }
        consumer.transportConnected();
        assertEquals(List.of(3L), keyFrameRequests, "asks the top stream for a key frame");
        assertEquals(2, dump().layers().targetSpatialLayer());

        frames(0, 3, -1);
        assertTrue(sent.isEmpty(), "nothing before a key frame");
        frames(3, 10, 2);
        assertEquals(7, sent.size());
        assertEquals(2, dump().layers().currentSpatialLayer());
        assertEquals(2, dump().layers().currentTemporalLayer());
        assertEquals(sources[2].tsBase + 3 * 3000L - 4_294_967_296L, sent.get(0).timestamp,
                "the first stream keeps its own timestamps");

        prefer(0, 2);
        assertEquals(List.of(3L, 1L), keyFrameRequests, "asks the lower stream for a key frame");
        frames(10, 13, 2 /* a key frame of the current stream does not switch */);
        assertEquals(2, dump().layers().currentSpatialLayer());
        frames(13, 16, 0);
        assertEquals(0, dump().layers().currentSpatialLayer());
        assertEquals(0, dump().layers().targetSpatialLayer());

        prefer(1, 2);
        frames(16, 20, -1);
        assertEquals(0, dump().layers().currentSpatialLayer(), "waits for a key frame of stream 1");
        frames(20, 24, 1);
        assertEquals(1, dump().layers().currentSpatialLayer());

        assertEquals(21, sent.size());
        assertContinuous(sent, 1);
    }

    @Test
    void temporalLayersAboveTheTargetAreDropped() {
        for (int i = 0; i < 3; i++) {
            senderReport(i);
        }
        prefer(2, 0);
        consumer.transportConnected();
        frames(0, 16, 2);
        assertEquals(4, sent.size(), "only TID 0 frames, one in four");
        sent.forEach(s -> assertEquals(0, s.tid));
        assertContinuous(sent, 4);
        assertEquals(0, dump().layers().currentTemporalLayer());
        for (int i = 1; i < sent.size(); i++) {
            assertEquals((sent.get(i - 1).tl0PicIdx + 1) & 0xFF, sent.get(i).tl0PicIdx);
        }

        prefer(2, 2);
        sent.clear();
        frames(16, 24, -1);
        assertEquals(8, sent.size(), "all temporal layers again");
        assertEquals(2, dump().layers().currentTemporalLayer());
    }

    @Test
    void aStreamWithoutSenderReportIsNotSwitchedTo() {
        senderReport(1);
        senderReport(2);
        consumer.transportConnected();
        frames(0, 4, 2);
        prefer(0, 2);
        assertEquals(1, dump().layers().targetSpatialLayer(), "the lowest stream has no timing yet");
        senderReport(0);
        consumer.producerFirstSenderReport();
        assertEquals(0, dump().layers().targetSpatialLayer());
        frames(4, 8, 0);
        assertEquals(0, dump().layers().currentSpatialLayer());
        assertContinuous(sent, 1);
    }

    @Test
    void stoppingDropsTheLayers() {
        for (int i = 0; i < 3; i++) {
            senderReport(i);
        }
        consumer.transportConnected();
        frames(0, 4, 2);
        consumer.transportDisconnected();
        assertEquals(-1, dump().layers().currentSpatialLayer());
        assertEquals(-1, dump().layers().targetSpatialLayer());
        int before = sent.size();
        frames(4, 8, 2);
        assertEquals(before, sent.size());
        consumer.transportConnected();
        frames(8, 12, 2);
        assertEquals(before + 4, sent.size());
        assertContinuous(sent.subList(before, sent.size()), 1);
        assertEquals((sent.get(before - 1).seq + 1) & 0xFFFF, sent.get(before).seq, "seq goes on across the stop");
    }

    @Test
    void aKeyFrameThatWouldGoBackInTimeIsPushedAFrameForward() {
        for (int i = 0; i < 3; i++) {
            senderReport(i);
        }
        consumer.transportConnected();
        frames(0, 4, 2);
        prefer(0, 2);
        // Frame 4 of the current stream goes out before the same instant's key frame of stream 0.
        frame(4, -1, 2);
        frame(4, 0, 0);
        assertEquals(6, sent.size());
        Sent last = sent.get(4);
        Sent switched = sent.get(5);
        assertEquals(0, dump().layers().currentSpatialLayer());
        assertEquals((last.timestamp + 33 * 90) & 0xFFFFFFFFL, switched.timestamp);
        frame(5, -1, 0);
        assertEquals((switched.timestamp + 3000) & 0xFFFFFFFFL, sent.get(6).timestamp, "and stays so");
    }

    /**
     * Streams 0, 1, 2 carry 100k, 300k, 900k at TID 0 and each higher TID adds half of that:
     * 100k/150k/200k, 300k/450k/600k, 900k/1350k/1800k up to TID 0, 1, 2.
     */
    private void producerLayers() {
        LayerBitrates[] streams = new LayerBitrates[3];
        long[] t0 = {100_000, 300_000, 900_000};
        for (int s = 0; s < 3; s++) {
            streams[s] = new LayerBitrates(1, 3, 2500);
            streams[s].update(0, 0, (int) (t0[s] * 2500 / 8000), nowMs);
            streams[s].update(0, 1, (int) (t0[s] / 2 * 2500 / 8000), nowMs);
            streams[s].update(0, 2, (int) (t0[s] / 2 * 2500 / 8000), nowMs);
        }
        consumer.producerRtpStreams(new Consumer.ProducerRtpStreams() {
            @Override
            public RtpStreamStats rtpStreamStats(long mappedSsrc, long nowMs) {
                return null;
            }

            @Override
            public LayerBitrates rtpStreamLayerBitrates(long mappedSsrc) {
                return streams[(int) mappedSsrc - 1];
            }

            @Override
            public long rtpStreamActiveMs(long mappedSsrc, long nowMs) {
                return 10_000;
            }
        });
    }

    private String targetLayers() {
        return dump().layers().targetSpatialLayer() + "." + dump().layers().targetTemporalLayer();
    }

    /**
     * Climbing a layer at a time: a higher TID costs its own bitrate, a higher stream what it
     * adds over the layers reached; nothing at all when stream 0's TID 0 does not fit.
     */
    @ParameterizedTest
    @CsvSource({"2000000, 2.2", "1800000, 2.2", "1799999, 2.1", "1349999, 2.0", "900000, 2.0", "899999, 1.2",
        "450000, 1.1", "300000, 1.0", "250000, 0.2", "190000, 0.1", "120000, 0.0", "50000, -1.-1"})
    void theEstimateChoosesTheHighestLayersThatFit(long availableBitrate, String expected) {
        producerLayers();
        for (int i = 0; i < 3; i++) {
            senderReport(i);
        }
        consumer.transportConnected();
        assertEquals("2.2", targetLayers(), "no estimate: the preferred layers");
        assertEquals(1_800_000, consumer.desiredBitrate(), "the top stream's bitrate");
        consumer.manageBitrate();
        BitrateDistribution.distribute(List.of(consumer), availableBitrate, false);
        assertEquals(expected, targetLayers());
        prefer(1, 2);
        BitrateDistribution.distribute(List.of(consumer), 2_000_000, false);
        assertEquals("1.2", targetLayers(), "never above the preferred layers");
    }

    /** Under an estimate a worse score waits for the next distribution; a stream that dies asks for one at once. */
    @Test
    void underAnEstimateOnlyAStreamThatDiesOrComesBackAsksForADistribution() {
        producerLayers();
        for (int i = 0; i < 3; i++) {
            senderReport(i);
        }
        consumer.transportConnected();
        consumer.manageBitrate();
        BitrateDistribution.distribute(List.of(consumer), 2_000_000, false);
        assertEquals("2.2", targetLayers());
        int before = needBitrateChanges;
        scores[2] = 3;
        consumer.producerRtpStreamScoreChanged(3, 10);
        assertEquals(before, needBitrateChanges, "a worse score alone");
        scores[2] = 0;
        consumer.producerRtpStreamScoreChanged(0, 3);
        assertEquals(before + 1, needBitrateChanges, "the top stream died");
        BitrateDistribution.distribute(List.of(consumer), 2_000_000, false);
        assertEquals("1.2", targetLayers());
    }
}
