package io.jmediasoup.worker.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.codecs.H264;
import io.jmediasoup.worker.Logger;
import io.jmediasoup.worker.Settings;
import io.jmediasoup.worker.messages.ConsumerLayers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** H264 simulcast: no descriptor to rewrite, but the same switching on key frames (an SPS) and one continuous stream. */
class SimulcastConsumerH264Test {
    private static final String H264_CODEC = "{\"mimeType\":\"video/H264\",\"payloadType\":107,\"clockRate\":90000,"
            + "\"parameters\":{\"packetization-mode\":1,\"profile-level-id\":\"42e01f\"}}";

    private final List<long[]> sent = new ArrayList<>();
    private final RtpPacket packet = new RtpPacket();
    private final SenderReportTimes senderReports = new SenderReportTimes(3);
    private SimulcastConsumer consumer;

    @BeforeEach
    void create() {
        Settings settings = Settings.fromArgs(new String[0]);
        Shared shared = new Shared(null, settings, new Logger(settings));
        String data = ("{\"kind\":\"video\",\"type\":\"simulcast\",\"rtpParameters\":{"
                + "\"codecs\":[" + H264_CODEC + "],\"encodings\":[{\"ssrc\":5555,\"scalabilityMode\":\"S3T1\"}],"
                + "\"rtcp\":{\"cname\":\"c\"}},\"consumableRtpEncodings\":[{\"ssrc\":1},{\"ssrc\":2},{\"ssrc\":3}]}");
        consumer = new SimulcastConsumer("c1", shared, new RecordingListener(packet -> {
            sent.add(new long[] {packet.ssrc(), packet.sequenceNumber(), packet.timestamp(),
                    packet.buffer().getUnsignedByte(packet.payloadIndex() + 1)});
        }), TestConsumes.consume(data));
        consumer.producerRtpStreamScores(new int[] {10, 10, 10});
        consumer.producerSenderReports(senderReports);
        for (int i = 0; i < 3; i++) {
            senderReports.update(i, 3_900_000_000L, 0, 10_000L * (i + 1));
        }
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    /** Frame {@code n} of stream {@code layer}: an SPS (key frame) or a non-IDR slice, marked with the layer. */
    private void frame(int layer, int n, boolean keyFrame) {
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(32);
        try {
            buffer.writeByte(0x80);
            buffer.writeByte(0x80 | 107);
            buffer.writeShort(100 * (layer + 1) + n);
            buffer.writeInt((int) (10_000L * (layer + 1) + 3000L * n));
            buffer.writeInt(layer + 1);
            buffer.writeByte(keyFrame ? 0x67 : 0x41);
            buffer.writeByte(layer);
            buffer.writeZero(6);
            assertTrue(packet.parse(buffer));
            packet.setKeyFrame(H264.isKeyFrame(buffer, packet.payloadIndex(), packet.payloadLength()));
            consumer.sendRtpPacket(packet);
        } finally {
            buffer.release();
        }
    }

    @Test
    void switchesBetweenStreamsOnKeyFramesOnly() {
        consumer.transportConnected();
        for (int n = 0; n < 4; n++) {
            for (int layer = 2; layer >= 0; layer--) {
                frame(layer, n, layer == 2 && n == 1);
            }
        }
        assertEquals(3, sent.size(), "from the top stream's key frame on");
        consumer.updatePreferredLayers(new ConsumerLayers(0, null));
        consumer.onPreferredLayersChanged();
        for (int n = 4; n < 8; n++) {
            for (int layer = 0; layer < 3; layer++) {
                frame(layer, n, layer == 0 && n == 6);
            }
        }
        assertEquals(0, consumer.dump().layers().currentSpatialLayer());
        assertEquals(0, consumer.dump().layers().currentTemporalLayer());
        List<Long> layers = sent.stream().map(s -> s[3]).toList();
        assertEquals(List.of(2L, 2L, 2L, 2L, 2L, 0L, 0L), layers, "the top stream until stream 0's key frame");
        for (int i = 1; i < sent.size(); i++) {
            assertEquals(5555, sent.get(i)[0]);
            assertEquals((sent.get(i - 1)[1] + 1) & 0xFFFF, sent.get(i)[1], "seq continuous");
            assertEquals(sent.get(i - 1)[2] + 3000, sent.get(i)[2], "timestamps aligned across streams");
        }
    }
}
