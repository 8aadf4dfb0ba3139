package io.jmediasoup.rtp.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomised robustness of the parsers and the association (no Jazzer on main yet): real
 * packets of a session, mutated byte by byte and truncated, with the checksum fixed so that
 * they reach the chunk handlers. Nothing may throw, and the association must keep working.
 */
class SctpRobustnessTest {
    @Test
    void mutatedPacketsNeverThrowAndTheAssociationStillDelivers() {
        SctpPair pair = new SctpPair(SctpPair.config());
        List<byte[]> corpus = new ArrayList<>();
        SctpPair recorder = new SctpPair(SctpPair.config());
        recorder.a.association.connect(recorder.now);
        for (int round = 0; round < 50; round++) {
            corpus.addAll(recorder.a.packets);
            corpus.addAll(recorder.b.packets);
            recorder.run(20);
            if (round % 5 == 0 && recorder.a.association.state() == SctpState.CONNECTED) {
                recorder.a.association.send(1, 53, Unpooled.wrappedBuffer(new byte[3000]), new SendOptions(round % 2 == 0, 50, -1),
                        recorder.now);
                recorder.a.association.resetStreams(new int[] {1}, round % 10 == 0, recorder.now);
            }
        }
        recorder.close();
        try {
            pair.a.association.connect(pair.now);
            pair.run(2_000);
            Random random = new Random(42);
            for (int i = 0; i < 20_000; i++) {
                byte[] packet = corpus.get(random.nextInt(corpus.size())).clone();
                int mutations = 1 + random.nextInt(4);
                for (int m = 0; m < mutations; m++) {
                    packet[SctpPacket.HEADER_SIZE + random.nextInt(Math.max(1, packet.length - SctpPacket.HEADER_SIZE))
                            % Math.max(1, packet.length - SctpPacket.HEADER_SIZE)] = (byte) random.nextInt(256);
                }
                int length = random.nextInt(4) == 0 ? SctpPacket.HEADER_SIZE + random.nextInt(packet.length) : packet.length;
                ByteBuf buffer = Unpooled.wrappedBuffer(packet, 0, Math.min(length, packet.length));
                if (random.nextBoolean()) {
                    buffer.setInt(4, (int) SctpPacket.verificationTag(Unpooled.wrappedBuffer(pair.b.packets.isEmpty()
                            ? packet : pair.b.packets.get(0))));
                }
                SctpPacket.finish(buffer);
                (random.nextBoolean() ? pair.a : pair.b).association.receivePacket(buffer, pair.now);
                ChunkReader reader = new ChunkReader().reset(buffer);
                while (reader.next()) {
                    if (reader.type() == ChunkType.INIT || reader.type() == ChunkType.INIT_ACK) {
                        InitChunk.parse(reader);
                    }
                }
                pair.a.packets.clear();
                pair.b.packets.clear();
            }
            SctpPair fresh = new SctpPair(SctpPair.config());
            try {
                fresh.a.association.connect(fresh.now);
                fresh.run(2_000);
                fresh.a.association.send(0, 51, Unpooled.wrappedBuffer("still fine".getBytes()), SendOptions.RELIABLE_ORDERED,
                        fresh.now);
                fresh.run(2_000);
                assertEquals(List.of("still fine"), fresh.b.messages);
            } finally {
                fresh.close();
            }
        } finally {
            pair.close();
        }
    }
}
