package io.jmediasoup.worker.rtc;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.AfterAll;

/**
 * Datagrams from a browser-like peer of a connected WebRtcTransport (see {@link WebRtcFixture}:
 * ICE selected, a real DTLS handshake done, a VP8 producer consumed on a PlainTransport),
 * through the transport's whole receive path on the event loop: RFC 7983 demultiplexing, STUN
 * parsing and the ICE server, DTLS records after the handshake, SRTP and SRTCP unprotection,
 * then RTP routing and RTCP. Nothing may throw out of it.
 *
 * <p>An input is a sequence of datagrams, each a byte of kind, a 16-bit length, then that many
 * bytes (or what is left). Kind (low two bits): 0, an RTP packet the peer protects with its
 * SRTP keys before it goes; 1, an RTCP packet likewise; 2, the bytes as they are, from the
 * peer's tuple; 3, the same from an address ICE never validated. For kinds 0 and 1, when the
 * kind byte's bit 2 is set, the byte at position (kind byte bits 3-7, modulo the length) of
 * the protected packet is flipped, so that it fails authentication. The fixture lives across
 * inputs, as a transport across packets; it is built again if the fuzzed DTLS closed it.
 */
class WebRtcTransportReceiveFuzzTest {
    private static WebRtcFixture fixture;

    @AfterAll
    static void tearDown() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @FuzzTest(maxDuration = "5s")
    void datagrams(byte[] input) throws Exception {
        if (fixture == null || !fixture.dtlsState().equals("connected")) {
            if (fixture != null) {
                fixture.close();
            }
            fixture = new WebRtcFixture();
        }
        int offset = 0;
        while (input.length - offset >= 3) {
            int kind = input[offset] & 0xFF;
            int length = Math.min(((input[offset + 1] & 0xFF) << 8) | (input[offset + 2] & 0xFF), input.length - offset - 3);
            ByteBuf datagram = PooledByteBufAllocator.DEFAULT.directBuffer(2048);
            try {
                datagram.writeBytes(input, offset + 3, Math.min(length, 1500));
                switch (kind & 0x03) {
                    case 0, 1 -> {
                        if (fixture.protect(datagram, (kind & 0x03) == 1)) {
                            if ((kind & 0x04) != 0) {
                                int position = datagram.readerIndex() + (kind >>> 3) % datagram.readableBytes();
                                datagram.setByte(position, datagram.getByte(position) ^ 0x01);
                            }
                            fixture.receive(datagram);
                        }
                    }
                    case 2 -> fixture.receive(datagram);
                    default -> fixture.receiveFromStranger(datagram);
                }
            } finally {
                datagram.release();
            }
            offset += 3 + length;
        }
    }
}
