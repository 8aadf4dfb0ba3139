package io.jmediasoup.worker.rtc;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Datagrams from the media peers of a router set up as the Node library sets one up (see
 * {@link ForwardingFixture}: a VP8 producer with NACK and RTX on a comedia PlainTransport,
 * fanned out to two PlainTransport consumers), through the transports' whole receive path on
 * the event loop: demultiplexing, RTP parsing, routing to the producer, RTX decoding, NACK
 * generation, forwarding with header rewriting, and RTCP (SR, RR, NACK answered from the
 * retransmission buffer, PLI/FIR). Nothing may throw out of it.
 *
 * <p>An input is a sequence of datagrams, each a byte of direction (even: from the producer's
 * peer, odd: from the first consumer's peer), a 16-bit length, then that many bytes (or what
 * is left). The router lives across inputs, as a worker's does across packets.
 */
class TransportReceiveFuzzTest {
    private static ForwardingFixture fixture;

    @BeforeAll
    static void setUp() throws IOException {
        fixture = new ForwardingFixture("vp8", 2, 1234);
    }

    @AfterAll
    static void tearDown() throws IOException {
        fixture.close();
    }

    @FuzzTest(maxDuration = "5s")
    void datagrams(byte[] input) {
        int offset = 0;
        while (input.length - offset >= 3) {
            boolean fromConsumer = (input[offset] & 1) != 0;
            int length = Math.min(((input[offset + 1] & 0xFF) << 8) | (input[offset + 2] & 0xFF), input.length - offset - 3);
            ByteBuf datagram = PooledByteBufAllocator.DEFAULT.directBuffer(2048);
            try {
                datagram.writeBytes(input, offset + 3, Math.min(length, 2048));
                if (fromConsumer) {
                    fixture.receiveFromConsumerPeer(datagram);
                } else {
                    fixture.receiveFromProducerPeer(datagram);
                }
            } finally {
                datagram.release();
            }
            offset += 3 + length;
        }
    }
}
