package io.jmediasoup.rtp.stun;

import io.netty.buffer.ByteBuf;
import java.util.zip.CRC32;

/** FINGERPRINT (RFC 5389 §15.5): the CRC-32 of the message before it, XORed with "STUN". Not thread-safe. */
final class StunFingerprint {
    private static final int XOR = 0x5354554e;
    private final CRC32 crc = new CRC32();

    /** The FINGERPRINT value of the {@code length} bytes at {@code index}. */
    int of(ByteBuf data, int index, int length) {
        crc.reset();
        crc.update(data.nioBuffer(index, length));
        return (int) crc.getValue() ^ XOR;
    }
}
