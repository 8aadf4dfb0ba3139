package io.jmediasoup.rtp.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmediasoup.rtp.stun.StunPacket.MessageClass;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Responses to the RFC 5769 request: the XOR-MAPPED-ADDRESS bytes are those of the RFC's
 * sample responses; MESSAGE-INTEGRITY and FINGERPRINT are recomputed here with the JDK.
 */
class StunResponseWriterTest {
    private static final String TRANSACTION_ID = "b7e7a701bc34d686fa87dfae";

    static Stream<Arguments> successResponses() {
        return Stream.of(
                Arguments.of(new InetSocketAddress("192.0.2.1", 32853), "002000080001a147e112a643"),
                Arguments.of(new InetSocketAddress("2001:db8:1234:5678:11:2233:4455:6677", 32853),
                        "002000140002a1470113a9faa5d3f179bc25f4b5bed2b9d9"));
    }

    @ParameterizedTest
    @MethodSource("successResponses")
    void writesSuccessResponses(InetSocketAddress mapped, String xorMappedAddress) throws Exception {
        ByteBuf request = StunPacketTest.buffer(StunVectors.REQUEST);
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(StunResponseWriter.MAX_RESPONSE_SIZE);
        try {
            StunPacket packet = new StunPacket();
            assertTrue(packet.parse(request));
            out.writeByte(0xEE); // the response is appended after what is already there
            new StunResponseWriter().writeSuccess(packet, mapped, new MessageIntegrity(StunVectors.PASSWORD), out);
            byte[] bytes = ByteBufUtil.getBytes(out, 1, out.readableBytes() - 1);
            int size = 20 + xorMappedAddress.length() / 2 + 24 + 8;
            assertEquals(size, bytes.length);
            String hex = ByteBufUtil.hexDump(bytes);
            assertEquals(String.format("0101%04x2112a442", size - 20) + TRANSACTION_ID, hex.substring(0, 40));
            assertEquals(xorMappedAddress, hex.substring(40, 40 + xorMappedAddress.length()));
            int integrity = 20 + xorMappedAddress.length() / 2;
            assertEquals("00080014", hex.substring(2 * integrity, 2 * integrity + 8));
            assertArrayEquals(hmac(bytes, integrity, size - 20 - 8),
                    Arrays.copyOfRange(bytes, integrity + 4, integrity + 24));
            assertEquals("80280004" + String.format("%08x", crc(bytes, size - 8) ^ 0x5354554e), hex.substring(2 * (size - 8)));

            StunPacket response = new StunPacket();
            assertTrue(response.parse(out.skipBytes(1)));
            assertEquals(MessageClass.SUCCESS_RESPONSE, response.messageClass());
            assertEquals(mapped, response.xorMappedAddress());
        } finally {
            request.release();
            out.release();
        }
    }

    static Stream<Arguments> errorResponses() {
        return Stream.of(
                Arguments.of(400, "0009000400000400"),
                Arguments.of(401, "0009000400000401"),
                Arguments.of(487, "0009000400000457"));
    }

    @ParameterizedTest
    @MethodSource("errorResponses")
    void writesErrorResponses(int code, String errorCode) {
        ByteBuf request = StunPacketTest.buffer(StunVectors.REQUEST);
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer();
        try {
            StunPacket packet = new StunPacket();
            assertTrue(packet.parse(request));
            new StunResponseWriter().writeError(packet, code, out);
            byte[] bytes = ByteBufUtil.getBytes(out);
            String expected = "011100102112a442" + TRANSACTION_ID + errorCode + "80280004"
                    + String.format("%08x", crc(bytes, 28) ^ 0x5354554e);
            assertEquals(expected, ByteBufUtil.hexDump(bytes));
            StunPacket response = new StunPacket();
            assertTrue(response.parse(out));
            assertEquals(MessageClass.ERROR_RESPONSE, response.messageClass());
            assertEquals(code, response.errorCode());
        } finally {
            request.release();
            out.release();
        }
    }

    /** 3.32.2's ERROR-CODE: the reason phrase after the code, padded to 4 bytes (RFC 5389 §15.6). */
    @Test
    void writesAReasonPhrasePadded() {
        ByteBuf request = StunPacketTest.buffer(StunVectors.REQUEST);
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer();
        try {
            StunPacket packet = new StunPacket();
            assertTrue(packet.parse(request));
            new StunResponseWriter().writeError(packet, 487, "role", out);
            byte[] bytes = ByteBufUtil.getBytes(out);
            assertEquals("011100142112a442" + TRANSACTION_ID + "0009000800000457" + "726f6c65" + "80280004"
                    + String.format("%08x", crc(bytes, 32) ^ 0x5354554e), ByteBufUtil.hexDump(bytes));
            out.clear();
            new StunResponseWriter().writeError(packet, 401, "wrong", out);
            bytes = ByteBufUtil.getBytes(out);
            assertEquals("0009000900000401" + "77726f6e67000000", ByteBufUtil.hexDump(bytes, 20, 16));
            StunPacket response = new StunPacket();
            assertTrue(response.parse(out));
            assertEquals(401, response.errorCode());
        } finally {
            request.release();
            out.release();
        }
    }

    /** RFC 5389 §15.4 by hand: the length field counts up to the end of MESSAGE-INTEGRITY. */
    private static byte[] hmac(byte[] message, int integrityOffset, int lengthField) throws Exception {
        byte[] covered = Arrays.copyOf(message, integrityOffset);
        covered[2] = (byte) (lengthField >> 8);
        covered[3] = (byte) lengthField;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(StunVectors.PASSWORD.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return mac.doFinal(covered);
    }

    private static int crc(byte[] message, int length) {
        CRC32 crc = new CRC32();
        crc.update(message, 0, length);
        return (int) crc.getValue();
    }
}
