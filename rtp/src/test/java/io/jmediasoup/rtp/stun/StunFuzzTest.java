package io.jmediasoup.rtp.stun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jmediasoup.rtp.stun.StunPacket.MessageClass;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A datagram that passed the STUN demux check, handled as the ICE server handles it: parsed
 * (with the FINGERPRINT check), every attribute read, authenticated against the RFC 5769
 * credentials, and answered with a success and an error response, each of which must parse
 * again (unless the method sets the top bits of the first byte) and the success response
 * carry a valid MESSAGE-INTEGRITY. The buffer is exactly as large as the datagram,
 * so a read past the message throws.
 */
class StunFuzzTest {
    private static final int LEAD = 4;
    private static final byte[] LOCAL_FRAGMENT = "evtj".getBytes(StandardCharsets.US_ASCII);
    private static final InetSocketAddress[] MAPPED = {
        new InetSocketAddress("192.0.2.1", 32853), new InetSocketAddress("2001:db8:1234:5678:11:2233:4455:6677", 32853)};

    private final StunPacket packet = new StunPacket();
    private final StunPacket response = new StunPacket();
    private final MessageIntegrity integrity = new MessageIntegrity(StunVectors.PASSWORD);
    private final StunResponseWriter writer = new StunResponseWriter();

    @FuzzTest(maxDuration = "5s")
    void parseAuthenticateAndRespond(byte[] datagram) {
        ByteBuf data = Unpooled.directBuffer(LEAD + datagram.length, LEAD + datagram.length);
        data.writeZero(LEAD).writeBytes(datagram).readerIndex(LEAD);
        ByteBuf out = Unpooled.directBuffer(StunResponseWriter.MAX_RESPONSE_SIZE);
        try {
            if (!packet.parse(data)) {
                return;
            }
            assertEquals(datagram.length, packet.size());
            assertNotNull(packet.messageClass());
            assertTrue(packet.method() >= 0 && packet.method() <= 0xFFF);
            packet.username();
            packet.xorMappedAddress();
            // Class 0-7 and a number byte read as is (RFC 5389 wants 0-99; the worker only logs it).
            assertTrue(packet.errorCode() >= 0 && packet.errorCode() <= 7 * 100 + 255);
            assertTrue(packet.priority() >= 0);
            assertNotNull(packet.checkAuthentication(LOCAL_FRAGMENT, integrity));
            // A method above 0x7F sets the top bits of the first byte: the response is then not STUN to RFC 7983's demux.
            boolean demuxable = packet.method() < 0x80;
            for (InetSocketAddress mapped : MAPPED) {
                out.clear();
                writer.writeSuccess(packet, mapped, integrity, out);
                assertTrue(out.readableBytes() <= StunResponseWriter.MAX_RESPONSE_SIZE);
                if (!demuxable) {
                    assertFalse(StunPacket.isStun(out));
                    continue;
                }
                assertTrue(response.parse(out), "our success response parses, FINGERPRINT included");
                assertEquals(MessageClass.SUCCESS_RESPONSE, response.messageClass());
                assertEquals(packet.method(), response.method());
                assertEquals(mapped, response.xorMappedAddress());
                assertTrue(response.hasMessageIntegrity() && response.hasFingerprint());
                int integrityOffset = out.readableBytes() - 8 - 24;
                assertTrue(integrity.matches(out, out.readerIndex(), integrityOffset, integrityOffset + 24 - StunPacket.HEADER_SIZE));
            }
            out.clear();
            writer.writeError(packet, 401, out);
            assertEquals(demuxable, response.parse(out), "our error response parses");
            if (!demuxable) {
                return;
            }
            assertEquals(MessageClass.ERROR_RESPONSE, response.messageClass());
            assertEquals(401, response.errorCode());
        } finally {
            data.release();
            out.release();
        }
    }
}
