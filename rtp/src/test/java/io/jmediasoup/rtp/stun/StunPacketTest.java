package io.jmediasoup.rtp.stun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmediasoup.rtp.stun.StunPacket.Authentication;
import io.jmediasoup.rtp.stun.StunPacket.MessageClass;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** StunPacket over the RFC 5769 vectors and crafted malformed messages. */
class StunPacketTest {
    private static final byte[] EVTJ = "evtj".getBytes(StandardCharsets.US_ASCII);

    static ByteBuf buffer(String hex) {
        byte[] bytes = ByteBufUtil.decodeHexDump(hex);
        return PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
    }

    @Test
    void parsesTheSampleRequest() {
        ByteBuf data = buffer(StunVectors.REQUEST);
        try {
            StunPacket packet = new StunPacket();
            assertTrue(StunPacket.isStun(data));
            assertTrue(packet.parse(data));
            assertEquals(MessageClass.REQUEST, packet.messageClass());
            assertEquals(StunPacket.METHOD_BINDING, packet.method());
            assertEquals(108, packet.size());
            assertEquals("evtj:h6vY", packet.username());
            assertEquals(0x6e0001ffL, packet.priority());
            assertEquals(0x932ff9b151263b36L, packet.iceControlled());
            assertEquals(0, packet.iceControlling());
            assertFalse(packet.hasUseCandidate());
            assertTrue(packet.hasMessageIntegrity());
            assertTrue(packet.hasFingerprint());
            assertEquals(0, packet.errorCode());
        } finally {
            data.release();
        }
    }

    static Stream<Arguments> authentications() {
        return Stream.of(
                Arguments.of("evtj", StunVectors.PASSWORD, Authentication.OK),
                Arguments.of("evtj", "VOkJxbRl1RmTxUk/WvJxBT", Authentication.UNAUTHORIZED),
                Arguments.of("evt", StunVectors.PASSWORD, Authentication.UNAUTHORIZED),
                Arguments.of("evtj:", StunVectors.PASSWORD, Authentication.UNAUTHORIZED),
                Arguments.of("h6vY", StunVectors.PASSWORD, Authentication.UNAUTHORIZED),
                Arguments.of("evtj:h6vY", StunVectors.PASSWORD, Authentication.UNAUTHORIZED));
    }

    @ParameterizedTest
    @MethodSource("authentications")
    void checksTheUsernameAndMessageIntegrityOfTheSampleRequest(String fragment, String password, Authentication expected) {
        ByteBuf data = buffer(StunVectors.REQUEST);
        try {
            StunPacket packet = new StunPacket();
            assertTrue(packet.parse(data));
            assertEquals(expected, packet.checkAuthentication(fragment.getBytes(StandardCharsets.US_ASCII),
                    new MessageIntegrity(password)));
            assertEquals(StunVectors.REQUEST, ByteBufUtil.hexDump(data), "the check leaves the message as it was");
        } finally {
            data.release();
        }
    }

    static Stream<Arguments> responses() {
        return Stream.of(
                Arguments.of(StunVectors.IPV4_RESPONSE, new InetSocketAddress("192.0.2.1", 32853), 48),
                Arguments.of(StunVectors.IPV6_RESPONSE,
                        new InetSocketAddress("2001:db8:1234:5678:11:2233:4455:6677", 32853), 60));
    }

    @ParameterizedTest
    @MethodSource("responses")
    void parsesTheSampleResponses(String hex, InetSocketAddress mapped, int integrityOffset) {
        ByteBuf data = buffer(hex);
        try {
            StunPacket packet = new StunPacket();
            assertTrue(packet.parse(data));
            assertEquals(MessageClass.SUCCESS_RESPONSE, packet.messageClass());
            assertEquals(mapped, packet.xorMappedAddress());
            assertTrue(packet.hasMessageIntegrity());
            assertTrue(packet.hasFingerprint());
            // A response can not be checked as a request, but its HMAC is the RFC's.
            assertEquals(Authentication.BAD_REQUEST, packet.checkAuthentication(EVTJ, new MessageIntegrity(StunVectors.PASSWORD)));
            assertTrue(new MessageIntegrity(StunVectors.PASSWORD).matches(data, 0, integrityOffset,
                    integrityOffset + 24 - StunPacket.HEADER_SIZE));
        } finally {
            data.release();
        }
    }

    /** A binding request header with room for {@code attributes} (hex), length field set to match. */
    static String request(String attributes) {
        return request(attributes.length() / 2, attributes);
    }

    static String request(int lengthField, String attributes) {
        return String.format("0001%04x2112a442b7e7a701bc34d686fa87dfae", lengthField) + attributes;
    }

    static Stream<Arguments> malformed() {
        String priority = "002400046e0001ff";
        String integrity = "00080014" + "00".repeat(20);
        return Stream.of(
                Arguments.of("shorter than a header", "000100002112a442b7e7a701bc34d686fa87df"),
                Arguments.of("first byte 3 or more", "030100002112a442b7e7a701bc34d686fa87dfae"),
                Arguments.of("wrong magic cookie", "000100002112a443b7e7a701bc34d686fa87dfae"),
                Arguments.of("length field too long", request(12, priority)),
                Arguments.of("length field too short", request(4, priority)),
                Arguments.of("length not a multiple of 4", request(6, "000600026576")),
                Arguments.of("attribute longer than the message", request("00060010" + "65767465")),
                Arguments.of("PRIORITY of 3 bytes", request("0024000300000100")),
                Arguments.of("ICE-CONTROLLING of 4 bytes", request("802a000400000001")),
                Arguments.of("ICE-CONTROLLED of 4 bytes", request("8029000400000001")),
                Arguments.of("USE-CANDIDATE with a value", request("0025000400000001")),
                Arguments.of("NOMINATION of 8 bytes", request("00300008" + "00".repeat(8))),
                Arguments.of("old NOMINATION of 2 bytes", request("c00100020001" + "0000")),
                Arguments.of("MESSAGE-INTEGRITY of 16 bytes", request("00080010" + "00".repeat(16))),
                Arguments.of("FINGERPRINT of 8 bytes", request("80280008" + "00".repeat(8))),
                Arguments.of("ERROR-CODE of 2 bytes", request("0009000204010000")),
                Arguments.of("attribute after MESSAGE-INTEGRITY", request(integrity + priority)),
                Arguments.of("attribute after FINGERPRINT", request("8028000400000000" + priority)),
                Arguments.of("wrong FINGERPRINT", StunVectors.REQUEST.substring(0, StunVectors.REQUEST.length() - 8) + "e57a3bce"));
    }

    static Stream<Arguments> nominations() {
        return Stream.of(Arguments.of("none", "", false, 0L),
                Arguments.of("NOMINATION", "0030000400000007", true, 7L),
                Arguments.of("the old attribute", "c0010004fffffffe", true, 0xfffffffeL),
                Arguments.of("both: the current one wins", "c001000400000002" + "0030000400000009", true, 9L),
                Arguments.of("both, the current first", "0030000400000009" + "c001000400000002", true, 9L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nominations")
    void readsTheNomination(String name, String attributes, boolean present, long value) {
        ByteBuf data = buffer(request(attributes));
        try {
            StunPacket packet = new StunPacket();
            assertTrue(packet.parse(data), name);
            assertEquals(present, packet.hasNomination());
            assertEquals(value, packet.nomination());
        } finally {
            data.release();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nominationsUnknownTo38")
    void mediasoup38LeavesNominationUnknown(String name, String attributes) {
        ByteBuf data = buffer(request(attributes));
        try {
            StunPacket packet = new StunPacket(false);
            assertTrue(packet.parse(data), name);
            assertFalse(packet.hasNomination());
            assertEquals(0, packet.nomination());
        } finally {
            data.release();
        }
    }

    static Stream<Arguments> nominationsUnknownTo38() {
        return Stream.of(Arguments.of("NOMINATION", "0030000400000007"),
                Arguments.of("the old attribute", "c0010004fffffffe"),
                Arguments.of("NOMINATION of 8 bytes", "00300008" + "00".repeat(8)),
                Arguments.of("old NOMINATION of 2 bytes", "c00100020001" + "0000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsMalformedMessages(String name, String hex) {
        ByteBuf data = buffer(hex);
        try {
            assertFalse(new StunPacket().parse(data), name);
        } finally {
            data.release();
        }
    }

    @Test
    void neverThrowsOnCorruptedOrTruncatedMessages() {
        byte[] original = ByteBufUtil.decodeHexDump(StunVectors.REQUEST);
        StunPacket packet = new StunPacket();
        for (int index = 0; index < original.length; index++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] corrupted = original.clone();
                corrupted[index] ^= (byte) (1 << bit);
                ByteBuf data = PooledByteBufAllocator.DEFAULT.directBuffer().writeBytes(corrupted);
                try {
                    if (packet.parse(data)) {
                        packet.checkAuthentication(EVTJ, new MessageIntegrity(StunVectors.PASSWORD));
                        packet.username();
                    }
                } finally {
                    data.release();
                }
            }
            ByteBuf truncated = PooledByteBufAllocator.DEFAULT.directBuffer().writeBytes(original, 0, index);
            try {
                assertFalse(packet.parse(truncated));
            } finally {
                truncated.release();
            }
        }
    }

    @Test
    void readsAMessageAtTheReaderIndex() {
        ByteBuf data = buffer("ffffffff" + StunVectors.REQUEST);
        try {
            data.skipBytes(4);
            StunPacket packet = new StunPacket();
            assertTrue(packet.parse(data));
            assertEquals(Authentication.OK, packet.checkAuthentication(EVTJ, new MessageIntegrity(StunVectors.PASSWORD)));
        } finally {
            data.release();
        }
    }
}
