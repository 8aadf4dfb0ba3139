package io.jmediasoup.worker.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.worker.Logger;
import io.jmediasoup.worker.Settings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Where a consumer's sequence numbers start: at 1 in 3.8.4, at a random value of 1001..32768
 * per consumer in 3.32.2 (clear of the wrap, for a libsrtp issue); consecutive from there.
 */
class ConsumerFirstSequenceNumberTest {
    private static final String DATA = "{\"kind\":\"audio\",\"type\":\"simple\",\"rtpParameters\":{\"codecs\":["
            + "{\"mimeType\":\"audio/opus\",\"payloadType\":100,\"clockRate\":48000,\"channels\":2}],"
            + "\"encodings\":[{\"ssrc\":4444}],\"rtcp\":{\"cname\":\"c\"}},\"consumableRtpEncodings\":[{\"ssrc\":9}]}";

    private final Settings settings = Settings.fromArgs(new String[0]);

    /** The sequence numbers a new simple consumer sends for producer packets 60000..60004. */
    private static List<Integer> forwarded(Shared shared) {
        List<Integer> sent = new ArrayList<>();
        SimpleConsumer consumer = new SimpleConsumer("c1", shared,
                new RecordingListener(packet -> sent.add(packet.sequenceNumber())), TestConsumes.consume(DATA));
        try {
            consumer.producerRtpStreamScores(new int[] {10});
            consumer.transportConnected();
            for (int seq = 60_000; seq < 60_005; seq++) {
                ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(32);
                try {
                    buffer.writeByte(0x80).writeByte(100).writeShort(seq).writeInt(seq * 960).writeInt(9).writeByte(0x7B);
                    RtpPacket packet = new RtpPacket();
                    assertTrue(packet.parse(buffer));
                    consumer.sendRtpPacket(packet);
                } finally {
                    buffer.release();
                }
            }
        } finally {
            consumer.close();
        }
        return sent;
    }

    @Test
    void startsAtOneIn38() {
        Shared shared = new Shared(null, settings, new Logger(settings), () -> 1_000_000L);
        assertEquals(List.of(1, 2, 3, 4, 5), forwarded(shared));
    }

    @Test
    void startsAtRandomPerConsumerIn332() {
        Shared shared = new Shared(null, settings, new Logger(settings), () -> 1_000_000L);
        shared.startSequenceNumbersAtRandom();
        Set<Integer> firsts = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            List<Integer> sent = forwarded(shared);
            int first = sent.get(0);
            assertTrue(first >= 1001 && first <= 32768, "first " + first);
            assertEquals(List.of(first, first + 1, first + 2, first + 3, first + 4), sent);
            firsts.add(first);
        }
        assertTrue(firsts.size() > 1, "20 consumers, one start: " + firsts);
    }
}
