package io.jmediasoup.rtp.ice;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds STUN messages as an ICE agent in a browser sends them, with the JDK's HMAC and CRC. */
final class StunRequestBuilder {
    private int type = 0x0001;
    private String username;
    private long priority = 0x6e0001ffL;
    private boolean useCandidate;
    private boolean controlled;
    private String password;
    private boolean fingerprint = true;
    /** NOMINATION attributes to add, as type and value pairs. */
    private final java.util.List<long[]> nominations = new java.util.ArrayList<>();

    static StunRequestBuilder binding(String username, String password) {
        StunRequestBuilder builder = new StunRequestBuilder();
        builder.username = username;
        builder.password = password;
        return builder;
    }

    StunRequestBuilder type(int messageType) {
        type = messageType;
        return this;
    }

    StunRequestBuilder useCandidate() {
        useCandidate = true;
        return this;
    }

    /** A NOMINATION attribute of {@code attributeType} (0x0030, or libwebrtc's old 0xC001). */
    StunRequestBuilder nomination(int attributeType, long value) {
        nominations.add(new long[] {attributeType, value});
        return this;
    }

    StunRequestBuilder controlled() {
        controlled = true;
        return this;
    }

    StunRequestBuilder withoutPriority() {
        priority = 0;
        return this;
    }

    StunRequestBuilder withoutUsername() {
        username = null;
        return this;
    }

    StunRequestBuilder withoutIntegrity() {
        password = null;
        return this;
    }

    StunRequestBuilder withoutFingerprint() {
        fingerprint = false;
        return this;
    }

    byte[] build() {
        ByteArrayOutputStream attributes = new ByteArrayOutputStream();
        if (username != null) {
            attribute(attributes, 0x0006, username.getBytes(StandardCharsets.UTF_8));
        }
        if (priority != 0) {
            attribute(attributes, 0x0024, ByteBuffer.allocate(4).putInt((int) priority).array());
        }
        attribute(attributes, controlled ? 0x8029 : 0x802A, ByteBuffer.allocate(8).putLong(0x0102030405060708L).array());
        if (useCandidate) {
            attribute(attributes, 0x0025, new byte[0]);
        }
        for (long[] nomination : nominations) {
            attribute(attributes, (int) nomination[0], ByteBuffer.allocate(4).putInt((int) nomination[1]).array());
        }
        byte[] message = withHeader(attributes.toByteArray(), password != null ? 24 : 0);
        if (password != null) {
            attribute(attributes, 0x0008, hmac(message, password));
        }
        if (fingerprint) {
            message = withHeader(attributes.toByteArray(), 8);
            CRC32 crc = new CRC32();
            crc.update(message);
            attribute(attributes, 0x8028, ByteBuffer.allocate(4).putInt((int) crc.getValue() ^ 0x5354554e).array());
        }
        return withHeader(attributes.toByteArray(), 0);
    }

    /** The header, with a length counting {@code extra} bytes yet to come, then the attributes. */
    private byte[] withHeader(byte[] attributes, int extra) {
        ByteBuffer message = ByteBuffer.allocate(20 + attributes.length);
        message.putShort((short) type).putShort((short) (attributes.length + extra)).putInt(0x2112A442);
        message.put(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}).put(attributes);
        return message.array();
    }

    private static void attribute(ByteArrayOutputStream out, int type, byte[] value) {
        out.write(type >> 8);
        out.write(type);
        out.write(value.length >> 8);
        out.write(value.length);
        out.writeBytes(value);
        out.writeBytes(new byte[(4 - value.length % 4) % 4]);
    }

    static byte[] hmac(byte[] covered, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return mac.doFinal(covered);
        } catch (java.security.GeneralSecurityException impossible) {
            throw new AssertionError(impossible);
        }
    }
}
