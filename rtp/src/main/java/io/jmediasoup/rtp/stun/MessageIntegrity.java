package io.jmediasoup.rtp.stun;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * MESSAGE-INTEGRITY with a short-term credential (RFC 5389 §15.4): the HMAC-SHA1, keyed with
 * the password, of the message up to the attribute, with the header's length field set as if
 * the message ended after the attribute. One instance per password; not thread-safe.
 */
public final class MessageIntegrity {
    private final Mac mac;
    private final byte[] lengthField = new byte[2];
    private final byte[] computed = new byte[StunPacket.MESSAGE_INTEGRITY_SIZE];

    public MessageIntegrity(String password) {
        try {
            mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        } catch (GeneralSecurityException unavailable) {
            // Every Java runtime has HmacSHA1; an empty password is the only key it refuses.
            throw new IllegalArgumentException("cannot key HMAC-SHA1 with this password", unavailable);
        }
    }

    /**
     * Whether the 20 bytes after the attribute header at {@code attributeOffset} (from the
     * message start {@code start}) are the HMAC of the bytes before it, {@code length} being
     * the length field the HMAC covers.
     */
    boolean matches(ByteBuf message, int start, int attributeOffset, int length) {
        compute(message, start, attributeOffset, length);
        int value = start + attributeOffset + 4;
        for (int i = 0; i < computed.length; i++) {
            if (message.getByte(value + i) != computed[i]) {
                return false;
            }
        }
        return true;
    }

    /** Writes the HMAC of the bytes before {@code attributeOffset} as that attribute's value. */
    void write(ByteBuf message, int start, int attributeOffset, int length) {
        compute(message, start, attributeOffset, length);
        message.setBytes(start + attributeOffset + 4, computed);
    }

    private void compute(ByteBuf message, int start, int attributeOffset, int length) {
        lengthField[0] = (byte) (length >> 8);
        lengthField[1] = (byte) length;
        mac.update(message.nioBuffer(start, 2));
        mac.update(lengthField);
        mac.update(message.nioBuffer(start + 4, attributeOffset - 4));
        try {
            mac.doFinal(computed, 0);
        } catch (ShortBufferException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
