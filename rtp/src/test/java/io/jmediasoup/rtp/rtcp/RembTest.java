package io.jmediasoup.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** REMB against the byte vector of mediasoup's C++ test, parsed and built back byte for byte. */
class RembTest {
    static final String REMB = "8fce0006fa17fa1700000000" + "52454d420201df8202d0370204a76747";

    private static ByteBuf buffer(String hex) {
        byte[] bytes = ByteBufUtil.decodeHexDump(hex);
        return PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
    }

    @Test
    void parsesAndRebuilds() {
        ByteBuf in = buffer(REMB);
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer();
        try {
            CompoundPacketReader reader = new CompoundPacketReader().reset(in);
            assertTrue(reader.next());
            assertTrue(Remb.is(reader));
            assertEquals(0xfa17fa17L, Remb.senderSsrc(reader));
            assertEquals(122754L, Remb.bitrate(reader));
            assertEquals(2, Remb.ssrcCount(reader));
            assertEquals(0x02d03702L, Remb.ssrc(reader, 0));
            assertEquals(0x04a76747L, Remb.ssrc(reader, 1));
            Remb.write(out, 0xfa17fa17L, 122754L, new long[] {0x02d03702L, 0x04a76747L}, 2);
            assertEquals(REMB, ByteBufUtil.hexDump(out));
        } finally {
            in.release();
            out.release();
        }
    }

    @ParameterizedTest
    @CsvSource({"0,0", "262143,262143", "262144,262144", "1000000,1000000", "1000001,1000000", "2500000000,2499985408"})
    void bitrateKeepsEighteenBitsOfMantissa(long bitrate, long expected) {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer();
        try {
            Remb.write(out, 1, bitrate, new long[] {5}, 1);
            CompoundPacketReader reader = new CompoundPacketReader().reset(out);
            assertTrue(reader.next());
            assertTrue(Remb.is(reader));
            assertEquals(expected, Remb.bitrate(reader));
        } finally {
            out.release();
        }
    }

    @Test
    void anSsrcCountPastTheLengthIsNotRemb() {
        ByteBuf in = buffer(REMB.replace("52454d4202", "52454d4203"));
        try {
            CompoundPacketReader reader = new CompoundPacketReader().reset(in);
            assertTrue(reader.next());
            assertFalse(Remb.is(reader));
        } finally {
            in.release();
        }
    }
}
