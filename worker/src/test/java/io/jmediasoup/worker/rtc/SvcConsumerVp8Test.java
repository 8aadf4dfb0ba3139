package io.jmediasoup.worker.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.codecs.Vp8;
import io.jmediasoup.worker.Logger;
import io.jmediasoup.worker.Settings;
import io.jmediasoup.worker.messages.ConsumerLayers;
import io.jmediasoup.worker.rtc.params.LayeredCodecs;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * mediasoup 3.32's SVC consumer of one VP8 L1T3 encoding (one packet per frame, TIDs 0 2 1 2):
 * it forwards the temporal layers it targets, with its own continuous picture ids and
 * TL0PICIDX; 3.8 refuses such a consumer.
 */
class SvcConsumerVp8Test {
    private static final String DATA = "{\"kind\":\"video\",\"type\":\"svc\",\"rtpParameters\":{\"codecs\":["
            + "{\"mimeType\":\"video/VP8\",\"payloadType\":101,\"clockRate\":90000,"
            + "\"rtcpFeedback\":[{\"type\":\"nack\",\"parameter\":\"pli\"}]}],"
            + "\"encodings\":[{\"ssrc\":4444,\"scalabilityMode\":\"L1T3\"}],\"rtcp\":{\"cname\":\"c\"}},"
            + "\"consumableRtpEncodings\":[{\"ssrc\":9}]}";
    private static final int[] TIDS = {0, 2, 1, 2};

    private record Sent(long ssrc, int seq, int pictureId, int tl0PicIdx, int tid) {}

    private final List<Sent> sent = new ArrayList<>();
    private final List<Long> keyFrameRequests = new ArrayList<>();
    private final RtpPacket packet = new RtpPacket();
    private final Settings settings = Settings.fromArgs(new String[0]);
    private final Shared shared = new Shared(null, settings, new Logger(settings), () -> 1_000_000L);
    private SvcConsumer consumer;
    private int seq = 65_533;

    private SvcConsumer create(LayeredCodecs layeredCodecs) {
        consumer = new SvcConsumer("c1", shared, new RecordingListener(packet -> {
            ByteBuf buffer = packet.buffer();
            int index = packet.payloadIndex();
            sent.add(new Sent(packet.ssrc(), packet.sequenceNumber(), buffer.getUnsignedShort(index + 2) & 0x7FFF,
                    buffer.getUnsignedByte(index + 4), buffer.getUnsignedByte(index + 5) >> 6));
        }, keyFrameRequests::add), TestConsumes.consume(DATA, layeredCodecs));
        consumer.producerRtpStreamScores(new int[] {10});
        return consumer;
    }

    @AfterEach
    void close() {
        if (consumer != null) {
            consumer.close();
        }
    }

    /** Frames {@code from..to} with picture id 1000 + n and TL0PICIDX counting TID 0 frames; a key frame where asked. */
    private void frames(int from, int to, int keyFrame) {
        for (int n = from; n < to; n++) {
            boolean key = n == keyFrame;
            int tid = key ? 0 : TIDS[n % 4];
            ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(32);
            try {
                buffer.writeByte(0x80);
                buffer.writeByte(0x80 | 101);
                buffer.writeShort(seq++ & 0xFFFF);
                buffer.writeInt(n * 3000);
                buffer.writeInt(9);
                // X, S, PID 0; I, L, T; 15-bit picture id; TL0PICIDX; TID with Y on TID 1 and 2.
                buffer.writeByte(0x90);
                buffer.writeByte(0xE0);
                buffer.writeShort(0x8000 | (1000 + n));
                buffer.writeByte(n / 4);
                buffer.writeByte(tid << 6 | (tid > 0 ? 0x20 : 0));
                buffer.writeByte(key ? 0x00 : 0x01);
                buffer.writeZero(8);
                assertTrue(packet.parse(buffer));
                packet.setKeyFrame(Vp8.isKeyFrame(buffer, packet.payloadIndex(), packet.payloadLength()));
                consumer.sendRtpPacket(packet);
                assertEquals(1000 + n, buffer.getUnsignedShort(packet.payloadIndex() + 2) & 0x7FFF,
                        "the producer's picture id is put back for the next consumer");
            } finally {
                buffer.release();
            }
        }
    }

    private void prefer(int temporalLayer) {
        if (consumer.updatePreferredLayers(new ConsumerLayers(0, temporalLayer))) {
            consumer.onPreferredLayersChanged();
        }
    }

    @Test
    void forwardsTheTargetedTemporalLayersWithContinuousNumbering() {
        create(LayeredCodecs.MEDIASOUP_3_32).transportConnected();
        assertEquals(List.of(9L), keyFrameRequests);
        assertEquals(0, consumer.dump().layers().targetSpatialLayer());
        assertEquals(2, consumer.dump().layers().targetTemporalLayer());
        frames(0, 2, -1);
        assertTrue(sent.isEmpty(), "nothing before a key frame");
        frames(2, 8, 4);
        assertEquals(4, sent.size());
        assertEquals(0, consumer.dump().layers().currentSpatialLayer());
        assertEquals(2, consumer.dump().layers().currentTemporalLayer());

        prefer(0);
        frames(8, 16, -1);
        List<Sent> base = sent.subList(4, sent.size());
        assertEquals(List.of(0, 0), base.stream().map(Sent::tid).toList(), "only TID 0 once the target is T0");
        assertEquals(0, consumer.dump().layers().currentTemporalLayer());

        prefer(2);
        frames(16, 20, -1);
        assertEquals(List.of(0, 2, 1, 2), sent.subList(6, sent.size()).stream().map(Sent::tid).toList(),
                "up again at the layer-sync frames");
        for (int i = 1; i < sent.size(); i++) {
            Sent previous = sent.get(i - 1);
            Sent current = sent.get(i);
            assertEquals(4444, current.ssrc);
            assertEquals((previous.seq + 1) & 0xFFFF, current.seq, "seq after " + previous);
            assertEquals(previous.pictureId + 1, current.pictureId, "picture id after " + previous);
        }
        assertEquals(List.of(1, 1, 1, 1, 2, 3, 4, 4, 4, 4), sent.stream().map(Sent::tl0PicIdx).toList());
    }

    @Test
    void mediasoup38RefusesIt() {
        MediasoupTypeError error = assertThrows(MediasoupTypeError.class, () -> create(LayeredCodecs.MEDIASOUP_3_8));
        assertEquals("video/VP8 codec not supported for svc", error.getMessage());
    }
}
