package io.jmediasoup.worker.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.jmediasoup.worker.codec.JsonRtpParameters;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.stream.LayerBitrates;
import io.jmediasoup.worker.rtc.params.RtpParameters;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A producer's stream counts its bytes per layer from the VP9 or VP8 payload descriptor. */
class RtpStreamRecvLayersTest {
    private final RtpStreamRecv.Listener listener = new RtpStreamRecv.Listener() {
        @Override
        public void onRtpStreamSendRtcp(RtpStreamRecv stream, ByteBuf packet) {}

        @Override
        public void onRtpStreamScore(RtpStreamRecv stream, int score, int previousScore) {}

        @Override
        public void onRtpStreamSpatialLayerStarted(RtpStreamRecv stream) {
            spatialLayerStarts++;
        }
    };
    private int spatialLayerStarts;

    private final RtpPacket packet = new RtpPacket();
    private int seq;

    private RtpStreamRecv stream(String mimeType, String scalabilityMode) {
        RtpParameters parameters = JsonRtpParameters.parse(JsonParser.parseString("{\"codecs\":[{\"mimeType\":\""
                + mimeType + "\",\"payloadType\":100,\"clockRate\":90000}],\"encodings\":[{\"ssrc\":1,"
                + "\"scalabilityMode\":\"" + scalabilityMode + "\"}]}"));
        return new RtpStreamRecv(RtpStreamParams.forReceiving(parameters, 0, 1), listener,
                StreamReports.MEDIASOUP_3_8, 0);
    }

    /** A 100-byte packet whose payload starts with {@code descriptor}. */
    private void receive(RtpStreamRecv stream, long nowMs, int... descriptor) {
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(100);
        try {
            buffer.writeByte(0x80).writeByte(100).writeShort(seq++).writeInt(seq * 3000).writeInt(1);
            for (int b : descriptor) {
                buffer.writeByte(b);
            }
            buffer.writeZero(100 - buffer.writerIndex());
            assertTrue(packet.parse(buffer));
            assertTrue(stream.receivePacket(packet, nowMs));
        } finally {
            buffer.release();
        }
    }

    /** A non-flexible VP9 descriptor with layer indices: I=0, L=1, then TID|U|SID|D and TL0PICIDX. */
    private void vp9(RtpStreamRecv stream, long nowMs, int sid, int tid) {
        receive(stream, nowMs, 0x20 | 0x08, tid << 5 | sid << 1 | (sid > 0 ? 1 : 0), 0);
    }

    /** A VP8 descriptor with T set: X, then T, then TID. */
    private void vp8(RtpStreamRecv stream, long nowMs, int tid) {
        receive(stream, nowMs, 0x90, 0x20, tid << 6);
    }

    @Test
    void vp9BytesGoToTheirSpatialAndTemporalLayer() {
        RtpStreamRecv stream = stream("video/VP9", "L3T2");
        // Per 100 ms: S0T0 one packet, S0T1 one, S1T0 two, S2T1 three (S2T0 and S1T1 silent).
        for (long t = 100; t <= 2500; t += 100) {
            vp9(stream, t, 0, 0);
            vp9(stream, t, 0, 1);
            vp9(stream, t, 1, 0);
            vp9(stream, t, 1, 0);
            for (int i = 0; i < 3; i++) {
                vp9(stream, t, 2, 1);
            }
        }
        long now = 2550;
        int perPacket = 100 * 8 * 10;
        LayerBitrates layers = stream.layerBitrates();
        assertEquals(7 * perPacket, layers.bitrate(now));
        assertEquals(7 * perPacket, stream.bitrate(now));
        assertEquals(2 * perPacket, layers.spatialLayerBitrate(now, 0));
        assertEquals(2 * perPacket, layers.layerBitrate(now, 1, 0));
        assertEquals(0, layers.layerBitrate(now, 1, 1));
        Map<String, Long> expected = Map.of("0.0", 1L * perPacket, "0.1", 2L * perPacket, "1.0", 4L * perPacket,
                "1.1", 0L, "2.0", 0L, "2.1", 7L * perPacket);
        assertEquals(expected, stream.stats(now).bitrateByLayer());
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "0, 2", "1, 1", "2, 0"})
    void vp9PacketsAreMarkedWithTheirLayersForTraceEvents(int sid, int tid) {
        vp9(stream("video/VP9", "L3T3"), 1000, sid, tid);
        assertEquals(sid, packet.spatialLayer());
        assertEquals(tid, packet.temporalLayer());
    }

    /** Told once per spatial layer as it starts, and again when one comes back after a window (2.5 s) of silence. */
    @Test
    void theStartOfASpatialLayerIsTold() {
        RtpStreamRecv stream = stream("video/VP9", "L3T3");
        vp9(stream, 1000, 0, 0);
        vp9(stream, 1000, 0, 1);
        vp9(stream, 1010, 1, 0);
        vp9(stream, 1020, 0, 0);
        vp9(stream, 1020, 1, 0);
        assertEquals(2, spatialLayerStarts, "S0 and S1");
        vp9(stream, 2000, 2, 0);
        assertEquals(3, spatialLayerStarts, "S2");
        vp9(stream, 4600, 2, 0);
        assertEquals(4, spatialLayerStarts, "S2 back after 2.6 s of silence");
        vp9(stream, 4700, 2, 0);
        assertEquals(4, spatialLayerStarts);
    }

    @Test
    void aSingleSpatialLayerStreamTellsNoStart() {
        vp8(stream("video/VP8", "L1T3"), 1000, 0);
        assertEquals(0, spatialLayerStarts);
    }

    /** TID 2 is beyond the two layers announced: it counts in the top one. */
    @ParameterizedTest
    @CsvSource({"0, 1, 0", "1, 0, 1", "2, 0, 1"})
    void vp8BytesGoToTheirTemporalLayer(int tid, long t0Packets, long t1Packets) {
        RtpStreamRecv stream = stream("video/VP8", "L1T2");
        vp8(stream, 1000, tid);
        LayerBitrates layers = stream.layerBitrates();
        // One 100-byte packet in a 2.5 s window: 320 bps.
        assertEquals(t0Packets * 320, layers.layerBitrate(1000, 0, 0));
        assertEquals(t1Packets * 320, layers.layerBitrate(1000, 0, 1));
        assertEquals(0, packet.spatialLayer());
        assertEquals(tid, packet.temporalLayer(), "marked as the descriptor says");
    }

    @Test
    void aSingleLayerStreamHasNoBitrateByLayer() {
        RtpStreamRecv stream = stream("video/VP8", "L1T1");
        vp8(stream, 1000, 1);
        assertEquals(320, stream.bitrate(1000));
        assertTrue(stream.stats(1000).bitrateByLayer().isEmpty());
    }
}
