package io.jmediasoup.rtp.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each encoding against its bytes as X.690 and RFC 5280 give them. */
class DerTest {
    static Stream<Arguments> encodings() {
        return Stream.of(
                Arguments.of("ecdsa-with-SHA256", Der.objectIdentifier("1.2.840.10045.4.3.2"), "06082a8648ce3d040302"),
                Arguments.of("commonName", Der.objectIdentifier("2.5.4.3"), "0603550403"),
                Arguments.of("version 3", Der.explicit(0, Der.integer(BigInteger.TWO)), "a003020102"),
                Arguments.of("integer with its sign byte", Der.integer(BigInteger.valueOf(128)), "02020080"),
                Arguments.of("serial with its sign byte", Der.integer(BigInteger.valueOf(9999999)), "02040098967f"),
                Arguments.of("UTF8String", Der.utf8String("mediasoup"), "0c096d65646961736f7570"),
                Arguments.of("bit string of whole bytes", Der.bitString(new byte[] {1, 2}), "0303000102"),
                Arguments.of("sequence", Der.sequence(Der.integer(BigInteger.ONE), Der.integer(BigInteger.TWO)),
                        "3006020101020102"),
                Arguments.of("set", Der.set(Der.integer(BigInteger.ONE)), "3103020101"),
                Arguments.of("last UTCTime", Der.time(Instant.parse("2049-12-31T23:59:59.999Z")),
                        "170d3439313233313233353935395a"),
                Arguments.of("first GeneralizedTime", Der.time(Instant.parse("2050-01-01T00:00:00Z")),
                        "180f32303530303130313030303030305a"),
                Arguments.of("a time before 2000", Der.time(Instant.parse("1996-03-04T05:06:07Z")),
                        "170d3936303330343035303630375a"),
                Arguments.of("127 bytes: short length", head(Der.tlv(0x04, new byte[127])), "047f00"),
                Arguments.of("128 bytes: long length", head(Der.tlv(0x04, new byte[128])), "04818000"),
                Arguments.of("300 bytes: two length bytes", head(Der.tlv(0x04, new byte[300])), "0482012c00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void encodes(String what, byte[] encoded, String expectedHex) {
        assertEquals(expectedHex, HexFormat.of().formatHex(encoded));
    }

    /** Tag, length and the first content byte. */
    private static byte[] head(byte[] encoded) {
        int headerLength = (encoded[1] & 0x80) == 0 ? 2 : 2 + (encoded[1] & 0x7F);
        byte[] head = new byte[headerLength + 1];
        System.arraycopy(encoded, 0, head, 0, head.length);
        return head;
    }
}
