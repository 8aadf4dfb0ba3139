package io.jmediasoup.worker.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.worker.rtc.params.RtpEncodingParameters;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How an SVC consumer of AV1 (3.32) and of H264 with a dependency descriptor chooses packets
 * by the layers their descriptor names, as mediasoup 3.32.2's worker does.
 *
 * <p>Packets are written {@code s.t} (spatial.temporal layer) followed by {@code k} for a key
 * frame and {@code e} for the end of a frame; {@code u} is a packet without a readable
 * descriptor; {@code T1:0} retargets. The outcome per packet: {@code M} forwarded with the
 * marker set, {@code F} forwarded without it, {@code -} dropped.
 */
class SvcEncodingContextAv1Test {
    private static RtpPacket packet(String token) {
        ByteBuf buffer = Unpooled.buffer(13).writeByte(0x80).writeByte(96).writeShort(1).writeInt(0).writeInt(1)
                .writeByte(0);
        RtpPacket packet = new RtpPacket();
        assertTrue(packet.parse(buffer));
        if (!token.equals("u")) {
            String[] layers = token.replaceAll("[ke]", "").split("\\.");
            packet.setKeyFrame(token.contains("k"));
            packet.describeFrame(Integer.parseInt(layers[0]), Integer.parseInt(layers[1]), token.contains("e"));
        }
        return packet;
    }

    private static String run(SvcEncodingContext context, String target, String packets) {
        retarget(context, target);
        StringBuilder outcome = new StringBuilder();
        for (String token : packets.split(" ")) {
            if (token.startsWith("T")) {
                retarget(context, token.substring(1));
                continue;
            }
            RtpPacket packet = packet(token);
            outcome.append(!context.process(packet) ? '-' : packet.marker() ? 'M' : 'F');
        }
        return outcome.toString();
    }

    private static void retarget(SvcEncodingContext context, String target) {
        String[] layers = target.split(":");
        context.setTargetLayers(Integer.parseInt(layers[0]), Integer.parseInt(layers[1]));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // name, scalability mode, target, packets, outcome, current layers after
        "temporal layers climb to the target, L1T3, 0:2, 0.0ke 0.1e 0.2e 0.0e, MMMM, 0:2",
        "a higher temporal packet is taken while climbing and left at the end of a target frame, L1T3, 0:1, "
                + "0.0ke 0.2e 0.1e 0.2e, MMM-, 0:1",
        "a higher spatial layer waits for a key frame, L2T1, 0:0, 0.0ke 1.0e 0.0e T1:0 0.0e 1.0e 0.0k 1.0ke 0.0e 1.0e, "
                + "M-MM-FMFM, 1:0",
        "a lower spatial layer is taken at the end of one of its frames, L2T1, 1:0, 0.0ke 1.0ke T0:0 1.0e 0.0 0.0e 1.0e, "
                + "FMMFM-, 0:0",
        "layers the encoding does not announce are dropped, L1T2, 0:1, 0.0ke 0.2e 1.0e, M--, 0:0",
        "a packet without a descriptor goes as it is, L1T3, 0:0, u 0.0ke u, FMF, 0:0",
    })
    void av1(String name, String scalabilityMode, String target, String packets, String outcome, String current) {
        SvcEncodingContext context = SvcEncodingContext.of("video/AV1",
                RtpEncodingParameters.of(1, "", -1, 0, false, 0, 0, false, scalabilityMode));
        assertEquals(outcome, run(context, target, packets));
        assertEquals(current, context.currentSpatialLayer() + ":" + context.currentTemporalLayer());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "temporal layers above the target are dropped, 0:1, 0.0k 0.2 0.1 0.2 0.0, F-F-F, 0:1",
        "without a descriptor every packet is of layer 0, 0:0, u u u, FFF, 0:0",
    })
    void h264(String name, String target, String packets, String outcome, String current) {
        SvcEncodingContext context = SvcEncodingContext.of("video/H264",
                RtpEncodingParameters.of(1, "", -1, 0, false, 0, 0, false, "L1T3"));
        assertEquals(outcome, run(context, target, packets));
        assertEquals(current, context.currentSpatialLayer() + ":" + context.currentTemporalLayer());
    }
}
