package io.jmediasoup.worker.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.codecs.Vp9;
import io.jmediasoup.rtp.stream.LayerBitrates;
import io.jmediasoup.worker.Logger;
import io.jmediasoup.worker.Settings;
import io.jmediasoup.worker.messages.ConsumerLayers;
import io.jmediasoup.worker.messages.ConsumerResponse;
import io.jmediasoup.worker.messages.RtpStreamStats;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An SVC consumer fed scripted VP9 L3T3 (one packet per spatial layer frame): what it forwards. */
class SvcConsumerTest {
    private static final String VP9 = "{\"mimeType\":\"video/VP9\",\"payloadType\":103,\"clockRate\":90000,"
            + "\"rtcpFeedback\":[{\"type\":\"nack\",\"parameter\":\"pli\"}]}";
    private static final int[] TIDS = {0, 2, 1, 2};

    private record Sent(long ssrc, int seq, boolean marker, int sid, int tid) {}

    private final List<Sent> sent = new ArrayList<>();
    private final List<Long> keyFrameRequests = new ArrayList<>();
    private final RtpPacket packet = new RtpPacket();
    private SvcConsumer consumer;
    private int seq = 65_530;
    private long nowMs = 1_000_000;

    @BeforeEach
    void create() {
        Settings settings = Settings.fromArgs(new String[0]);
        Shared shared = new Shared(null, settings, new Logger(settings), () -> nowMs);
        String data = ("{\"kind\":\"video\",\"type\":\"svc\",\"rtpParameters\":{"
                + "\"codecs\":[" + VP9 + "],\"encodings\":[{\"ssrc\":4444,\"scalabilityMode\":\"L3T3\"}],"
                + "\"rtcp\":{\"cname\":\"c\"}},\"consumableRtpEncodings\":[{\"ssrc\":9}]}");
        consumer = new SvcConsumer("c1", shared, new RecordingListener(packet -> {
            int layers = packet.buffer().getUnsignedByte(packet.payloadIndex() + 3);
            sent.add(new Sent(packet.ssrc(), packet.sequenceNumber(), packet.marker(), (layers >> 1) & 7, layers >> 5));
        }, keyFrameRequests::add), TestConsumes.consume(data));
        consumer.producerRtpStreamScores(new int[] {10});
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    /** Pictures {@code from..to}, three packets each (marker on the top layer's), a key picture where asked. */
    private void pictures(int from, int to, int keyPicture) {
        for (int picture = from; picture < to; picture++) {
            boolean key = picture == keyPicture;
            int tid = key ? 0 : TIDS[picture % 4];
            for (int sid = 0; sid < 3; sid++) {
                ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(32);
                try {
                    buffer.writeByte(0x80);
                    buffer.writeByte((sid == 2 ? 0x80 : 0) | 103);
                    buffer.writeShort(seq++ & 0xFFFF);
                    buffer.writeInt(picture * 3000);
                    buffer.writeInt(9);
                    buffer.writeByte(0x80 | (key ? 0 : 0x40) | 0x20 | 0x08 | 0x04);
                    buffer.writeShort(0x8000 | picture);
                    buffer.writeByte(tid << 5 | (tid > 0 ? 0x10 : 0) | sid << 1 | (sid > 0 ? 1 : 0));
                    buffer.writeByte(picture / 4);
                    buffer.writeZero(8);
                    assertTrue(packet.parse(buffer));
                    packet.setKeyFrame(Vp9.isKeyFrame(buffer, packet.payloadIndex(), packet.payloadLength()));
                    consumer.sendRtpPacket(packet);
                } finally {
                    buffer.release();
                }
            }
        }
    }

    private void prefer(int spatialLayer, int temporalLayer) {
        if (consumer.updatePreferredLayers(new ConsumerLayers(spatialLayer, temporalLayer))) {
            consumer.onPreferredLayersChanged();
        }
    }

    private static void assertSeqContinuous(List<Sent> packets) {
        for (int i = 1; i < packets.size(); i++) {
            assertEquals((packets.get(i - 1).seq + 1) & 0xFFFF, packets.get(i).seq, "after " + packets.get(i - 1));
        }
    }

    @Test
    void startsOnAKeyFrameAndDropsTheLayersAboveTheTarget() {
        consumer.transportConnected();
        assertEquals(List.of(9L), keyFrameRequests);
        assertEquals(2, consumer.dump().layers().targetSpatialLayer());
        pictures(0, 2, -1);
        assertTrue(sent.isEmpty(), "nothing before a key frame");
        pictures(2, 6, 2);
        assertEquals(12, sent.size());
        sent.forEach(s -> assertEquals(4444, s.ssrc));

        prefer(0, 0);
        pictures(6, 14, -1);
        // The current layers go on until the base layer's frame can end a picture (picture 8, TID 0).
        assertEquals(List.of(1, 2, 1, 2, 0, 0), sent.subList(12, sent.size()).stream().map(Sent::sid).toList());
        List<Sent> low = sent.subList(16, sent.size());
        low.forEach(s -> assertEquals(0, s.tid));
        low.forEach(s -> assertTrue(s.marker, "the base layer now ends each picture"));
        assertEquals(0, consumer.dump().layers().currentSpatialLayer());
        assertEquals(0, consumer.dump().layers().currentTemporalLayer());
        assertSeqContinuous(sent);

        prefer(2, 2);
        assertEquals(List.of(9L, 9L), keyFrameRequests, "moving up asks for a key frame");
        int before = sent.size();
        pictures(14, 16, 14);
        assertEquals(6, sent.size() - before, "every layer again from the key picture");
        assertSeqContinuous(sent);
    }

    /**
     * The producer's L3T3 stream with these bitrates per layer (bps), T0 to T2 of S0, S1, S2:
     * what a receiver of S.T needs is 100k, 150k, 200k; 400k, 500k, 600k; 1000k, 1200k, 1400k.
     */
    private LayerBitrates producerLayers(boolean topSpatialLayerSilent) {
        LayerBitrates layers = new LayerBitrates(3, 3, 2500);
        for (int s = 0; s < (topSpatialLayerSilent ? 2 : 3); s++) {
            spatialLayerSent(layers, s);
        }
        consumer.producerRtpStreams(new Consumer.ProducerRtpStreams() {
            @Override
            public RtpStreamStats rtpStreamStats(long mappedSsrc, long nowMs) {
                return null;
            }

            @Override
            public LayerBitrates rtpStreamLayerBitrates(long mappedSsrc) {
                return mappedSsrc == 9 ? layers : null;
            }
        });
        return layers;
    }

    /** Spatial layer {@code s} of {@link #producerLayers} sent for a while, up to now. */
    private void spatialLayerSent(LayerBitrates layers, int s) {
        long[] bps = {100_000 << s, 50_000 << s, 50_000 << s};
        for (int t = 0; t < 3; t++) {
            layers.update(s, t, (int) (bps[t] * 2500 / 8000), nowMs);
        }
    }

    private String targetLayers() {
        ConsumerResponse.Dump dump = consumer.dump();
        return dump.layers().targetSpatialLayer() + "." + dump.layers().targetTemporalLayer();
    }

    /** The estimate shares {@code availableBitrate} out to this consumer alone. */
    private void distribute(long availableBitrate) {
        BitrateDistribution.distribute(List.of(consumer), availableBitrate, false);
    }

    /** Climbing a layer at a time, each costing its own bitrate: the highest whose sum fits; nothing when S0T0 does not. */
    @ParameterizedTest
    @CsvSource({"2000000, 2.2", "1400000, 2.2", "1300000, 2.1", "1000000, 2.0", "999999, 1.2", "550000, 1.1",
        "180000, 0.1", "100000, 0.0", "50000, -1.-1"})
    void theEstimateChoosesTheHighestLayersThatFit(long availableBitrate, String expected) {
        producerLayers(false);
        consumer.transportConnected();
        assertEquals("2.2", targetLayers(), "no estimate yet: the preferred layers");
        assertEquals(1_400_000, consumer.desiredBitrate());
        consumer.manageBitrate();
        distribute(availableBitrate);
        assertEquals(expected, targetLayers());
    }

    @Test
    void theEstimateStaysUnderThePreferredLayers() {
        producerLayers(false);
        consumer.transportConnected();
        prefer(1, 1);
        consumer.manageBitrate();
        distribute(2_000_000);
        assertEquals("1.1", targetLayers());
        assertEquals(1_400_000, consumer.desiredBitrate(), "the whole stream, as the C++ worker asks");
    }

    @Test
    void aSpatialLayerWithoutBitrateIsSkipped() {
        producerLayers(true);
        consumer.transportConnected();
        assertEquals("1.2", targetLayers());
    }

    @Test
    void withoutAnEstimateASpatialLayerThatStartsLaterIsTakenWhenItStarts() {
        LayerBitrates layers = producerLayers(true);
        consumer.transportConnected();
        assertEquals("1.2", targetLayers());
        spatialLayerSent(layers, 2);
        consumer.producerSpatialLayerStarted();
        assertEquals("2.2", targetLayers());
    }

    @Test
    void aSpatialLayerThatStartsLaterIsTakenAtTheNextDistribution() {
        LayerBitrates layers = producerLayers(true);
        consumer.transportConnected();
        consumer.manageBitrate();
        distribute(2_000_000);
        assertEquals("1.2", targetLayers());
        spatialLayerSent(layers, 2);
        distribute(2_000_000);
        assertEquals("2.2", targetLayers());
    }

    @Test
    void afterADowngradeForWantOfBandwidthItClimbsNoHigherForTenSeconds() {
        producerLayers(false);
        consumer.transportConnected();
        consumer.manageBitrate();
        distribute(2_000_000);
        pictures(0, 4, 0);
        assertEquals(2, consumer.dump().layers().currentSpatialLayer());
        nowMs += 9000;
        producerLayers(false);
        distribute(700_000);
        assertEquals("1.2", targetLayers());
        pictures(4, 8, -1);
        assertEquals(1, consumer.dump().layers().currentSpatialLayer());
        distribute(2_000_000);
        assertEquals("1.2", targetLayers(), "within ten seconds of the downgrade");
        nowMs += 10_000;
        producerLayers(false);
        distribute(2_000_000);
        assertEquals("2.2", targetLayers());
    }

    @Test
    void pausingDropsTheLayers() {
        consumer.transportConnected();
        pictures(0, 4, 0);
        consumer.transportDisconnected();
        assertEquals(-1, consumer.dump().layers().currentSpatialLayer());
        int before = sent.size();
        pictures(4, 8, 4);
        assertEquals(before, sent.size());
    }
}
