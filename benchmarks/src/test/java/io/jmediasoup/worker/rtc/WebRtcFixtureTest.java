package io.jmediasoup.worker.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The fuzz fixture really connects: media the peer protects reaches the producer, altered media does not. */
class WebRtcFixtureTest {
    @Test
    void protectedRtpReachesTheProducerAndAlteredRtpDoesNot() throws Exception {
        try (WebRtcFixture fixture = new WebRtcFixture()) {
            assertEquals("connected", fixture.dtlsState());
            fixture.receive(protectedRtp(fixture, 1, false));
            fixture.receive(protectedRtp(fixture, 2, true));
            fixture.receive(Unpooled.wrappedBuffer(rtp(3)));
            JsonArray stats = fixture.producerStats().getAsJsonArray();
            assertEquals(1, stats.size());
            assertEquals(1, stats.get(0).getAsJsonObject().get("packetCount").getAsLong(),
                    "only the intact SRTP packet counts; the altered and the unprotected ones are dropped");
        }
    }

    private static ByteBuf protectedRtp(WebRtcFixture fixture, int seq, boolean alter) {
        ByteBuf packet = Unpooled.buffer(200).writeBytes(rtp(seq));
        assertEquals(true, fixture.protect(packet, false));
        if (alter) {
            packet.setByte(packet.writerIndex() - 1, packet.getByte(packet.writerIndex() - 1) ^ 1);
        }
        return packet;
    }

    /** VP8 on the producer's SSRC, payload type 96. */
    private static byte[] rtp(int seq) {
        ByteBuffer packet = ByteBuffer.allocate(12 + 20);
        packet.put((byte) 0x80).put((byte) 96).putShort((short) seq).putInt(seq * 3000).putInt((int) WebRtcFixture.PRODUCER_SSRC);
        packet.put(new byte[] {0x10, 0x00, 0x00, (byte) 0x9d, 0x01, 0x2a});
        return packet.array();
    }
}
