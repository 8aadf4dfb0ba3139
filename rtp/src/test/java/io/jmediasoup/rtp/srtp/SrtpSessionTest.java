package io.jmediasoup.rtp.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sessions end to end: what one side protects the other unprotects, and nothing else; run on
 * native buffers, which go through OpenSSL ({@link SrtpSessionOpenSslTest}), and on heap
 * buffers, which take the Java engine ({@link SrtpSessionJavaTest}).
 */
abstract class SrtpSessionTest {
    private static final long SSRC = 0x1234ABCDL;

    private static byte[] material(SrtpProfile profile, int seed) {
        byte[] material = new byte[profile.keyingMaterialLength()];
        for (int i = 0; i < material.length; i++) {
            material[i] = (byte) (seed + 7 * i);
        }
        return material;
    }

    /** An RTP packet with two CSRCs and a one-byte header extension, so the header is not just 12 bytes. */
    static byte[] rtp(int seq, int payloadLength) {
        byte[] packet = new byte[12 + 8 + 8 + payloadLength];
        packet[0] = (byte) 0x92;
        packet[1] = 111;
        packet[2] = (byte) (seq >>> 8);
        packet[3] = (byte) seq;
        packet[7] = (byte) seq;
        for (int i = 0; i < 4; i++) {
            packet[8 + i] = (byte) (SSRC >>> (24 - 8 * i));
        }
        packet[12] = 1;
        packet[19] = 2;
        byte[] extension = {(byte) 0xBE, (byte) 0xDE, 0, 1, 0x10, (byte) 0xFF, 0, 0};
        System.arraycopy(extension, 0, packet, 20, 8);
        for (int i = 0; i < payloadLength; i++) {
            packet[28 + i] = (byte) (seq * 31 + i);
        }
        return packet;
    }

    /** A receiver report from SSRC with one report block. */
    static byte[] rtcp(int fill) {
        byte[] packet = new byte[32];
        packet[0] = (byte) 0x81;
        packet[1] = (byte) 201;
        packet[3] = 7;
        for (int i = 0; i < 4; i++) {
            packet[4 + i] = (byte) (SSRC >>> (24 - 8 * i));
        }
        Arrays.fill(packet, 8, 32, (byte) fill);
        return packet;
    }

    /** An empty buffer of the kind the engine under test works on. */
    abstract ByteBuf allocate(int capacity);

    private ByteBuf buffer(byte[] bytes, int room) {
        return allocate(bytes.length + room).writeBytes(bytes);
    }

    private static byte[] bytes(ByteBuf buffer) {
        return ByteBufUtil.getBytes(buffer);
    }

    /** Protects {@code packet} with {@code sender}, returning the protected bytes. */
    private byte[] protect(Predicate<ByteBuf> protect, byte[] packet) {
        ByteBuf buffer = buffer(packet, 32);
        try {
            assertTrue(protect.test(buffer));
            return bytes(buffer);
        } finally {
            buffer.release();
        }
    }

    /** Unprotects {@code packet}, returning the clear bytes, or null if refused (then the buffer must be unchanged). */
    private byte[] unprotect(Predicate<ByteBuf> unprotect, byte[] packet) {
        ByteBuf buffer = buffer(packet, 0);
        try {
            if (!unprotect.test(buffer)) {
                return null;
            }
            return bytes(buffer);
        } finally {
            buffer.release();
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtpRoundTrips(SrtpProfile profile) {
        SrtpSession sender = SrtpSession.outbound(profile, material(profile, 1));
        SrtpSession receiver = SrtpSession.inbound(profile, material(profile, 1));
        for (int seq = 100; seq < 110; seq++) {
            byte[] clear = rtp(seq, 1200);
            byte[] srtp = protect(sender::protectRtp, clear);
            assertEquals(clear.length + profile.rtpAuthTagLength(), srtp.length);
            assertArrayEquals(Arrays.copyOf(clear, 28), Arrays.copyOf(srtp, 28), "header in clear");
            assertFalse(Arrays.equals(Arrays.copyOfRange(clear, 28, clear.length),
                    Arrays.copyOfRange(srtp, 28, clear.length)), "payload encrypted");
            assertArrayEquals(clear, unprotect(receiver::unprotectRtp, srtp));
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtcpRoundTrips(SrtpProfile profile) {
        SrtpSession sender = SrtpSession.outbound(profile, material(profile, 2));
        SrtpSession receiver = SrtpSession.inbound(profile, material(profile, 2));
        for (int i = 1; i <= 5; i++) {
            byte[] clear = rtcp(i);
            byte[] srtcp = protect(sender::protectRtcp, clear);
            assertEquals(clear.length + profile.rtcpTrailerLength(), srtcp.length);
            assertArrayEquals(Arrays.copyOf(clear, 8), Arrays.copyOf(srtcp, 8), "first header in clear");
            int indexAt = profile.isAead() ? clear.length + 16 : clear.length;
            assertEquals(0x80000000 | i, ByteBuffers.intAt(srtcp, indexAt), "E flag and SRTCP index");
            assertArrayEquals(clear, unprotect(receiver::unprotectRtcp, srtcp));
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rocRollsOverFrom65535To0EvenWithReordering(SrtpProfile profile) {
        SrtpSession sender = SrtpSession.outbound(profile, material(profile, 3));
        SrtpSession receiver = SrtpSession.inbound(profile, material(profile, 3));
        int[] sent = {65533, 65534, 65535, 0, 1, 2};
        byte[][] srtp = new byte[sent.length][];
        for (int i = 0; i < sent.length; i++) {
            srtp[i] = protect(sender::protectRtp, rtp(sent[i], 40));
        }
        // Received as 65533, 0, 65534, 1, 65535, 2: late packets of ROC 0 after the first of ROC 1.
        for (int i : new int[] {0, 3, 1, 4, 2, 5}) {
            assertArrayEquals(rtp(sent[i], 40), unprotect(receiver::unprotectRtp, srtp[i]), "seq " + sent[i]);
        }
        // A receiver that never saw the wrap assumes ROC 0 and cannot authenticate ROC 1's packets.
        SrtpSession late = SrtpSession.inbound(profile, material(profile, 3));
        assertEquals(null, unprotect(late::unprotectRtp, srtp[4]));
        assertEquals(SrtpSession.AUTH_FAIL, late.lastFailure());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void replayedAndTooOldPacketsAreRefused(SrtpProfile profile) {
        SrtpSession sender = SrtpSession.outbound(profile, material(profile, 4));
        SrtpSession receiver = SrtpSession.inbound(profile, material(profile, 4));
        byte[] first = protect(sender::protectRtp, rtp(1000, 20));
        assertTrue(unprotect(receiver::unprotectRtp, first) != null);
        assertEquals(null, unprotect(receiver::unprotectRtp, first));
        assertEquals(SrtpSession.REPLAY_FAIL, receiver.lastFailure());

        byte[] old = protect(sender::protectRtp, rtp(1001, 20));
        for (int seq = 1002; seq <= 1001 + ReplayWindow.SIZE; seq++) {
            assertTrue(unprotect(receiver::unprotectRtp, protect(sender::protectRtp, rtp(seq, 20))) != null);
        }
        assertEquals(null, unprotect(receiver::unprotectRtp, old), "1024 behind the highest");
        assertEquals(SrtpSession.REPLAY_OLD, receiver.lastFailure());

        byte[] srtcp = protect(sender::protectRtcp, rtcp(1));
        assertTrue(unprotect(receiver::unprotectRtcp, srtcp) != null);
        assertEquals(null, unprotect(receiver::unprotectRtcp, srtcp));
        assertEquals(SrtpSession.REPLAY_FAIL, receiver.lastFailure());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aTamperedPacketIsRefusedAndChangesNothing(SrtpProfile profile) {
        SrtpSession sender = SrtpSession.outbound(profile, material(profile, 5));
        SrtpSession receiver = SrtpSession.inbound(profile, material(profile, 5));
        byte[] srtp = protect(sender::protectRtp, rtp(7, 100));
        for (int at : new int[] {1, 40, srtp.length - 1}) {
            byte[] tampered = srtp.clone();
            tampered[at] ^= 0x01;
            ByteBuf buffer = buffer(tampered, 0);
            try {
                assertFalse(receiver.unprotectRtp(buffer), "byte " + at + " flipped");
                assertEquals(SrtpSession.AUTH_FAIL, receiver.lastFailure());
                assertArrayEquals(tampered, bytes(buffer), "a refused packet is left as it came");
            } finally {
                buffer.release();
            }
        }
        byte[] srtcp = protect(sender::protectRtcp, rtcp(9));
        byte[] tampered = srtcp.clone();
        tampered[srtcp.length - 1] ^= 0x01;
        assertEquals(null, unprotect(receiver::unprotectRtcp, tampered));
        assertEquals(SrtpSession.AUTH_FAIL, receiver.lastFailure());

        assertArrayEquals(rtp(7, 100), unprotect(receiver::unprotectRtp, srtp), "the genuine packet still passes");
        assertArrayEquals(rtcp(9), unprotect(receiver::unprotectRtcp, srtcp));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aForgedFarAheadPacketDoesNotMoveTheRoc(SrtpProfile profile) {
        SrtpSession sender = SrtpSession.outbound(profile, material(profile, 6));
        SrtpSession receiver = SrtpSession.inbound(profile, material(profile, 6));
        assertTrue(unprotect(receiver::unprotectRtp, protect(sender::protectRtp, rtp(10, 10))) != null);
        byte[] forged = protect(SrtpSession.outbound(profile, material(profile, 99))::protectRtp, rtp(40000, 10));
        assertEquals(null, unprotect(receiver::unprotectRtp, forged));
        assertTrue(unprotect(receiver::unprotectRtp, protect(sender::protectRtp, rtp(11, 10))) != null);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void anotherKeyIsRefused(SrtpProfile profile) {
        SrtpSession sender = SrtpSession.outbound(profile, material(profile, 7));
        SrtpSession receiver = SrtpSession.inbound(profile, material(profile, 8));
        assertEquals(null, unprotect(receiver::unprotectRtp, protect(sender::protectRtp, rtp(1, 50))));
        assertEquals(null, unprotect(receiver::unprotectRtcp, protect(sender::protectRtcp, rtcp(1))));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aResentPacketIsProtectedAgainAlike(SrtpProfile profile) {
        SrtpSession sender = SrtpSession.outbound(profile, material(profile, 9));
        byte[] first = protect(sender::protectRtp, rtp(500, 60));
        assertArrayEquals(first, protect(sender::protectRtp, rtp(500, 60)), "a retransmission without RTX");
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void protectingIntoAnotherBufferLeavesThePacketAlone(SrtpProfile profile) {
        SrtpSession inPlace = SrtpSession.outbound(profile, material(profile, 13));
        SrtpSession intoOther = SrtpSession.outbound(profile, material(profile, 13));
        ByteBuf packet = buffer(rtp(9, 300), 0);
        ByteBuf destination = allocate(8);
        try {
            destination.writeBytes(new byte[] {1, 2, 3});
            assertTrue(intoOther.protectRtp(packet, destination));
            assertArrayEquals(rtp(9, 300), bytes(packet), "source unchanged");
            assertEquals(3, ByteBufUtil.getBytes(destination).length - rtp(9, 300).length - profile.rtpAuthTagLength());
            assertArrayEquals(protect(inPlace::protectRtp, rtp(9, 300)),
                    Arrays.copyOfRange(bytes(destination), 3, destination.readableBytes()), "written after what it held");
            destination.clear();
            assertTrue(intoOther.protectRtcp(packet.clear().writeBytes(rtcp(4)), destination));
            assertArrayEquals(rtcp(4), bytes(packet));
            assertArrayEquals(protect(inPlace::protectRtcp, rtcp(4)), bytes(destination));
        } finally {
            packet.release();
            destination.release();
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void malformedPacketsAreRefused(SrtpProfile profile) {
        SrtpSession sender = SrtpSession.outbound(profile, material(profile, 10));
        SrtpSession receiver = SrtpSession.inbound(profile, material(profile, 10));
        byte[] headerOnly = Arrays.copyOf(rtp(1, 0), 14);
        assertEquals(null, unprotect(sender::protectRtp, headerOnly), "extension cut short");
        assertEquals(SrtpSession.BAD_PARAM, sender.lastFailure());
        assertEquals(null, unprotect(receiver::unprotectRtp, new byte[5]));
        assertEquals(null, unprotect(receiver::unprotectRtcp, new byte[8]));
        assertEquals(null, unprotect(sender::protectRtcp, new byte[4]));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void garbageIsRefusedWithoutThrowing(SrtpProfile profile) {
        SrtpSession receiver = SrtpSession.inbound(profile, material(profile, 14));
        SrtpSession sender = SrtpSession.outbound(profile, material(profile, 14));
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] garbage = new byte[random.nextInt(80)];
            random.nextBytes(garbage);
            if (garbage.length > 0 && random.nextBoolean()) {
                garbage[0] = (byte) (0x80 | garbage[0] & 0x3F);
            }
            assertEquals(null, unprotect(receiver::unprotectRtp, garbage));
            assertEquals(null, unprotect(receiver::unprotectRtcp, garbage));
            ByteBuf buffer = buffer(garbage, 32);
            try {
                sender.protectRtp(buffer.duplicate());
                sender.protectRtcp(buffer);
            } finally {
                buffer.release();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void srtcpStopsAtTheLastIndexAsLibsrtpsKeyExpired(SrtpProfile profile) {
        SrtpSession sender = SrtpSession.outbound(profile, material(profile, 15));
        SrtpSession receiver = SrtpSession.inbound(profile, material(profile, 15));
        sender.startSrtcpAt(SSRC, SrtpStream.MAX_SRTCP_INDEX - 1);
        byte[] last = protect(sender::protectRtcp, rtcp(3));
        int indexAt = profile.isAead() ? rtcp(3).length + 16 : rtcp(3).length;
        assertEquals(0xFFFFFFFF, ByteBuffers.intAt(last, indexAt), "E flag and index 2^31 - 1");
        assertArrayEquals(rtcp(3), unprotect(receiver::unprotectRtcp, last));
        assertEquals(null, unprotect(sender::protectRtcp, rtcp(4)), "no index left");
        assertEquals(SrtpSession.KEY_EXPIRED, sender.lastFailure());
        assertEquals(null, unprotect(sender::protectRtcp, rtcp(5)), "and it stays so");
        assertTrue(unprotect(sender::protectRtp, rtp(1, 10)) != null, "SRTP goes on");
    }

    @Test
    void removedStreamStartsOver() {
        SrtpProfile profile = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
        SrtpSession receiver = SrtpSession.inbound(profile, material(profile, 11));
        SrtpSession sender = SrtpSession.outbound(profile, material(profile, 11));
        byte[] srtp = protect(sender::protectRtp, rtp(3, 10));
        assertTrue(unprotect(receiver::unprotectRtp, srtp) != null);
        receiver.removeStream(SSRC);
        assertTrue(unprotect(receiver::unprotectRtp, srtp) != null);
    }

    @Test
    void protectingNeedsAnOutboundSession() {
        SrtpProfile profile = SrtpProfile.AEAD_AES_128_GCM;
        SrtpSession receiver = SrtpSession.inbound(profile, material(profile, 12));
        ByteBuf buffer = buffer(rtp(1, 10), 16);
        try {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> receiver.protectRtp(buffer));
        } finally {
            buffer.release();
        }
    }

    @Test
    void namesAndLengthsAreMediasoups() {
        assertEquals(SrtpProfile.AES_CM_128_HMAC_SHA1_32, SrtpProfile.byMediasoupName("AES_CM_128_HMAC_SHA1_32"));
        assertEquals(null, SrtpProfile.byMediasoupName("SRTP_AES128_CM_SHA1_80"));
        assertEquals(30, SrtpProfile.AES_CM_128_HMAC_SHA1_80.keyingMaterialLength());
        assertEquals(44, SrtpProfile.AEAD_AES_256_GCM.keyingMaterialLength());
        assertEquals(28, SrtpProfile.AEAD_AES_128_GCM.keyingMaterialLength());
        assertEquals(14, SrtpProfile.AES_CM_128_HMAC_SHA1_32.rtcpTrailerLength(), "SRTCP keeps the 80-bit tag");
        assertEquals(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.byDtlsProfileId(0x0007));
    }

    @Test
    void hmacSha1IsTheJcesMac() throws Exception {
        byte[] key = Hex.bytes("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4");
        byte[] data = rtp(42, 333);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        HmacSha1 ours = new HmacSha1(key);
        for (int round = 0; round < 2; round++) {
            ours.update(data, 0, data.length);
            byte[] out = new byte[HmacSha1.LENGTH];
            ours.finish(out, 0);
            assertArrayEquals(mac.doFinal(data), out, "round " + round);
        }
    }

    @Test
    void noticesADifferentKeyingMaterialLength() {
        assertNotEquals(null, org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SrtpSession.outbound(SrtpProfile.AEAD_AES_128_GCM, new byte[30])));
    }
}
