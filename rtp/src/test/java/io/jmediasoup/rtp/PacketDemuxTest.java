package io.jmediasoup.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmediasoup.rtp.stun.StunPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 7983 demultiplexing by the first byte, with the C++ worker's minimum lengths. */
class PacketDemuxTest {
    static Stream<Arguments> packets() {
        String stunHeader = "000100002112a442b7e7a701bc34d686fa87dfae";
        String dtlsHeader = "16fefd0000000000000000000c";
        return Stream.of(
                Arguments.of("STUN header", stunHeader, "stun"),
                Arguments.of("STUN without the magic cookie", "000100002112a443b7e7a701bc34d686fa87dfae", "none"),
                Arguments.of("STUN shorter than its header", stunHeader.substring(2), "none"),
                Arguments.of("DTLS handshake", dtlsHeader, "dtls"),
                Arguments.of("DTLS content type 20", "14" + dtlsHeader.substring(2), "dtls"),
                Arguments.of("DTLS content type 63", "3f" + dtlsHeader.substring(2), "dtls"),
                Arguments.of("content type 64", "40" + dtlsHeader.substring(2), "none"),
                Arguments.of("content type 19", "13" + dtlsHeader.substring(2), "none"),
                Arguments.of("DTLS shorter than a record header", dtlsHeader.substring(2), "none"),
                Arguments.of("RTP", "806f5c4162f547da9f7108e2", "rtp"),
                Arguments.of("RTCP receiver report", "80c9000100000001", "rtcp"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packets")
    void tellsWhatAPacketIs(String name, String hex, String kind) {
        byte[] bytes = ByteBufUtil.decodeHexDump(hex);
        ByteBuf data = PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
        try {
            String found = StunPacket.isStun(data) ? "stun" : PacketDemux.isDtls(data) ? "dtls"
                    : PacketDemux.isRtcp(data) ? "rtcp" : PacketDemux.isRtp(data) ? "rtp" : "none";
            assertEquals(kind, found);
        } finally {
            data.release();
        }
    }
}
