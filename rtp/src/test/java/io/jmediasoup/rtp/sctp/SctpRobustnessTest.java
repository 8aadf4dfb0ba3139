package io.jmediasoup.rtp.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomised robustness of the chunk parsers and the association (no Jazzer on main yet): the
 * packets of a recorded session (handshake, fragmented ordered and unordered data, SACKs,
 * FORWARD TSN, RE-CONFIG), mutated and truncated with the checksum fixed, are fed to a pair
 * with the same tags and cookie keys, so that they pass the tag checks and reach the chunk
 * handlers. Nothing may throw, nothing may leak, and truncations count as malformed.
 */
class SctpRobustnessTest {
    private record Recorded(byte[] packet, boolean toB) {}

    @Test
    void mutatedPacketsNeverThrow() {
        List<Recorded> corpus = record();
        SctpPair pair = new SctpPair(SctpPair.config());
        try {
            pair.a.association.connect(pair.now);
            pair.run(2_000);
            Random random = new Random(42);
            for (int i = 0; i < 20_000; i++) {
                Recorded recorded = corpus.get(random.nextInt(corpus.size()));
                byte[] packet = recorded.packet().clone();
                int body = packet.length - SctpPacket.HEADER_SIZE;
                for (int m = 0; m < 1 + random.nextInt(4) && body > 0; m++) {
                    packet[SctpPacket.HEADER_SIZE + random.nextInt(body)] = (byte) random.nextInt(256);
                }
                int length = random.nextInt(4) == 0 ? SctpPacket.HEADER_SIZE + random.nextInt(body + 1) : packet.length;
                ByteBuf buffer = Unpooled.wrappedBuffer(packet, 0, length);
                SctpPacket.finish(buffer);
                boolean toB = random.nextInt(10) == 0 ? !recorded.toB() : recorded.toB();
                (toB ? pair.b : pair.a).association.receivePacket(buffer, pair.now);
                ChunkReader reader = new ChunkReader().reset(buffer);
                while (reader.next()) {
                    if (reader.type() == ChunkType.INIT || reader.type() == ChunkType.INIT_ACK) {
                        InitChunk.parse(reader);
                    }
                }
                pair.a.packets.clear();
                pair.b.packets.clear();
                pair.now += random.nextInt(50);
                pair.a.association.handleTimeout(pair.now);
                pair.b.association.handleTimeout(pair.now);
            }
            assertTrue(pair.a.association.malformedPackets() + pair.b.association.malformedPackets() > 0,
                    "truncated packets are counted as malformed");
            assertTrue(!pair.b.messages.isEmpty() && !pair.a.messages.isEmpty(),
                    "the packets pass the tag checks: data reaches reassembly both ways");
        } finally {
            pair.close();
        }
    }

    /** A session of the same two associations as {@link SctpPair} makes, every packet kept with its direction. */
    private static List<Recorded> record() {
        SctpPair recorder = new SctpPair(SctpPair.config());
        List<Recorded> corpus = new ArrayList<>();
        try {
            recorder.a.association.connect(recorder.now);
            recorder.run(2_000);
            recorder.lose = (side, n) -> n % 7 == 0;
            for (int round = 0; round < 20; round++) {
                recorder.a.association.send(1, 53, Unpooled.wrappedBuffer(new byte[3000]),
                        new SendOptions(round % 2 == 0, 50, -1), recorder.now);
                recorder.b.association.send(2, 51, Unpooled.wrappedBuffer(new byte[100]), SendOptions.RELIABLE_ORDERED,
                        recorder.now);
                if (round % 5 == 0) {
                    recorder.a.association.resetStreams(new int[] {1}, round % 10 == 0, recorder.now);
                }
                recorder.run(100);
            }
            recorder.lose = (side, n) -> false;
            recorder.run(5_000);
            recorder.a.sent.forEach(packet -> corpus.add(new Recorded(packet, true)));
            recorder.b.sent.forEach(packet -> corpus.add(new Recorded(packet, false)));
            assertEquals(SctpState.CONNECTED, recorder.a.association.state());
        } finally {
            recorder.close();
        }
        return corpus;
    }
}
