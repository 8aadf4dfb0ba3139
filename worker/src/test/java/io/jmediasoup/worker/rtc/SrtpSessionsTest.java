package io.jmediasoup.worker.rtc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.jmediasoup.rtp.srtp.SrtpProfile;
import io.jmediasoup.worker.Logger;
import io.jmediasoup.worker.Settings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two transports' sessions facing each other, as connect() pairs them: each one's local key is the other's remote. */
class SrtpSessionsTest {
    private static final SrtpProfile PROFILE = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
    private static final byte[] KEY_A = ByteBufUtil.decodeHexDump("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e");
    private static final byte[] KEY_B = ByteBufUtil.decodeHexDump("f1f2f3f4f5f6f7f8f9fafbfcfdfeff000102030405060708090a0b0c0d0e");
    private static final String RTP = "80600457000003e8" + "12345678" + "0a0b0c0d0e0f1011121314151617";
    private static final String RTCP = "80c90001" + "12345678";

    private final Logger logger = new Logger(Settings.fromArgs(new String[0]));
    private final SrtpSessions a = new SrtpSessions(PROFILE, KEY_A, KEY_B, logger, "PlainTransport");
    private final SrtpSessions b = new SrtpSessions(PROFILE, KEY_B, KEY_A, logger, "PlainTransport");

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private static ByteBuf packet(String hex) {
        byte[] bytes = ByteBufUtil.decodeHexDump(hex);
        return PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
    }

    /** What {@code from} sends of {@code hex}, as {@code to} receives it; null if refused. */
    private static String exchange(SrtpSessions from, SrtpSessions to, String hex, boolean rtp) {
        ByteBuf clear = packet(hex);
        ByteBuf datagram = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        try {
            ByteBuf wire = rtp ? from.protectRtp(clear) : from.protectRtcp(clear);
            assertNotNull(wire);
            assertEquals(hex, ByteBufUtil.hexDump(clear), "the caller's packet is unchanged, for its next consumer");
            datagram.writeBytes(wire);
            boolean accepted = rtp ? to.unprotectRtp(datagram) : to.unprotectRtcp(datagram);
            return accepted ? ByteBufUtil.hexDump(datagram) : null;
        } finally {
            clear.release();
            datagram.release();
        }
    }

    @Test
    void eachSideReadsWhatTheOtherSends() {
        assertEquals(RTP, exchange(a, b, RTP, true));
        assertEquals(RTP, exchange(b, a, RTP, true));
        assertEquals(RTCP, exchange(a, b, RTCP, false));
        assertEquals(RTCP, exchange(b, a, RTCP, false));
        assertEquals(0, a.packetsDropped() + b.packetsDropped());
    }

    @Test
    void aPeerWithAnotherKeyIsDroppedAndCounted() {
        SrtpSessions stranger = new SrtpSessions(PROFILE, KEY_B, KEY_B, logger, "PlainTransport");
        try {
            assertEquals(null, exchange(a, stranger, RTP, true));
            assertEquals(null, exchange(a, stranger, RTCP, false));
            assertEquals(2, stranger.packetsDropped());
        } finally {
            stranger.close();
        }
    }

    @Test
    void aClosedSendStreamStartsItsSrtcpIndexOver() {
        ByteBuf clear = packet(RTCP);
        try {
            byte[] first = ByteBufUtil.getBytes(a.protectRtcp(clear));
            assertFalse(Arrays.equals(first, ByteBufUtil.getBytes(a.protectRtcp(clear))), "the next SRTCP index");
            a.sendStreamClosed(0x12345678L);
            assertArrayEquals(first, ByteBufUtil.getBytes(a.protectRtcp(clear)), "SRTCP index 1 again");
        } finally {
            clear.release();
        }
    }
}
