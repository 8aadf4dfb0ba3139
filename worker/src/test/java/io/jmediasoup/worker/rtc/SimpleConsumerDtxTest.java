package io.jmediasoup.worker.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.worker.Logger;
import io.jmediasoup.worker.Settings;
import io.jmediasoup.worker.rtc.params.LayeredCodecs;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 3.32's ignoreDtx: a simple consumer of Opus leaves out DTX packets and closes the sequence up behind them. */
class SimpleConsumerDtxTest {
    private static final String DATA = "{\"kind\":\"audio\",\"type\":\"simple\",\"rtpParameters\":{\"codecs\":["
            + "{\"mimeType\":\"audio/opus\",\"payloadType\":100,\"clockRate\":48000,\"channels\":2}],"
            + "\"encodings\":[{\"ssrc\":4444}],\"rtcp\":{\"cname\":\"c\"}},\"consumableRtpEncodings\":[{\"ssrc\":9}]}";

    private final List<Integer> sent = new ArrayList<>();
    private final Settings settings = Settings.fromArgs(new String[0]);
    private final Shared shared = new Shared(null, settings, new Logger(settings), () -> 1_000_000L);

    private void send(SimpleConsumer consumer, int seq, int... payload) {
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(32);
        try {
            buffer.writeByte(0x80).writeByte(100).writeShort(seq).writeInt(seq * 960).writeInt(9);
            for (int b : payload) {
                buffer.writeByte(b);
            }
            RtpPacket packet = new RtpPacket();
            assertTrue(packet.parse(buffer));
            consumer.sendRtpPacket(packet);
        } finally {
            buffer.release();
        }
    }

    /** TOC code 0 or 1 alone, or code 2 with a zero length, is DTX; code 3 never is. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"true; 1, 2, 3, 4", "false; 1, 2, 3, 4, 5, 6, 7"})
    void dtxPacketsAreLeftOutOnlyWhenAsked(boolean ignoreDtx, String expectedJoined) {
        SimpleConsumer consumer = new SimpleConsumer("c1", shared,
                new RecordingListener(packet -> sent.add(packet.sequenceNumber())),
                TestConsumes.consume(DATA, LayeredCodecs.MEDIASOUP_3_32, ignoreDtx));
        try {
            consumer.producerRtpStreamScores(new int[] {10});
            consumer.transportConnected();
            send(consumer, 100, 0x78, 1, 2);
            send(consumer, 101, 0x78);
            send(consumer, 102, 0x79, 7);
            send(consumer, 103, 0x7A, 0);
            send(consumer, 104, 0x7B, 3);
            send(consumer, 105, 0x79);
            send(consumer, 106, 0x78, 5);
        } finally {
            consumer.close();
        }
        assertEquals(expectedJoined, String.join(", ", sent.stream().map(String::valueOf).toList()));
    }
}
