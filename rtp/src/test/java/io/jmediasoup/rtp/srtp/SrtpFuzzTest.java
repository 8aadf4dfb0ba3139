package io.jmediasoup.rtp.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;

/**
 * SRTP and SRTCP packets from a peer, as a transport unprotects them after DTLS-SRTP: each is
 * accepted (its tag or trailer removed) or refused (left as it was); nothing throws, whatever
 * the header, CSRC count, extension length, sequence number or SRTCP index. Each packet is
 * in an exactly sized buffer, so a read past it throws.
 *
 * <p>An input is a byte choosing the suite (low two bits, in {@link SrtpProfile} order), then
 * packets for one inbound session with the suite's fixed keys, each a byte of kind (even:
 * SRTP, odd: SRTCP), a 16-bit length and that many bytes (or what is left). The seeds were
 * protected with the same keys ({@link #keyingMaterial}), so they start out authentic.
 */
class SrtpFuzzTest {
    private static final int LEAD = 6;
    private static final SrtpProfile[] PROFILES = SrtpProfile.values();

    /** The suite's master key and salt the seeds are protected with. */
    static byte[] keyingMaterial(SrtpProfile profile) {
        byte[] material = new byte[profile.keyingMaterialLength()];
        for (int i = 0; i < material.length; i++) {
            material[i] = (byte) (0x40 + 7 * i);
        }
        return material;
    }

    @FuzzTest(maxDuration = "5s")
    void unprotect(byte[] input) {
        if (input.length == 0) {
            return;
        }
        SrtpProfile profile = PROFILES[input[0] & 0x03];
        SrtpSession session = SrtpSession.inbound(profile, keyingMaterial(profile));
        int offset = 1;
        while (input.length - offset >= 3) {
            boolean rtcp = (input[offset] & 1) != 0;
            int length = Math.min(((input[offset + 1] & 0xFF) << 8) | (input[offset + 2] & 0xFF), input.length - offset - 3);
            ByteBuf packet = Unpooled.directBuffer(LEAD + length, LEAD + length);
            try {
                packet.writeZero(LEAD).writeBytes(input, offset + 3, length).readerIndex(LEAD);
                boolean accepted = rtcp ? session.unprotectRtcp(packet) : session.unprotectRtp(packet);
                if (accepted) {
                    int removed = rtcp ? profile.rtcpTrailerLength() : profile.rtpAuthTagLength();
                    assertEquals(length - removed, packet.readableBytes(), "the tag (and SRTCP index) removed");
                } else {
                    assertEquals(LEAD, packet.readerIndex());
                    assertArrayEquals(Arrays.copyOfRange(input, offset + 3, offset + 3 + length),
                            ByteBufUtil.getBytes(packet), "a refused packet is left as it was");
                }
            } finally {
                packet.release();
            }
            offset += 3 + length;
        }
    }
}
