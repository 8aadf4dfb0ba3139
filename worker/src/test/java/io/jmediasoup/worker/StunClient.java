package io.jmediasoup.worker;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * STUN as a browser's ICE agent sends and checks it, written with the JDK only: Binding
 * requests with USERNAME, PRIORITY, ICE-CONTROLLING, USE-CANDIDATE, MESSAGE-INTEGRITY and
 * FINGERPRINT, and the exact bytes of the responses the worker must send back.
 */
final class StunClient {
    static final byte[] TRANSACTION_ID = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    private StunClient() {}

    static byte[] bindingRequest(String username, String password, boolean useCandidate) {
        ByteArrayOutputStream attributes = new ByteArrayOutputStream();
        attribute(attributes, 0x0006, username.getBytes(StandardCharsets.UTF_8));
        attribute(attributes, 0x0024, ByteBuffer.allocate(4).putInt(0x6e0001ff).array());
        attribute(attributes, 0x802A, ByteBuffer.allocate(8).putLong(0x1122334455667788L).array());
        if (useCandidate) {
            attribute(attributes, 0x0025, new byte[0]);
        }
        return signed(0x0001, attributes, password);
    }

    /** The success response with XOR-MAPPED-ADDRESS of {@code ipv4}:{@code port}, signed with {@code password}. */
    static byte[] successResponse(byte[] ipv4, int port, String password) {
        ByteArrayOutputStream attributes = new ByteArrayOutputStream();
        ByteBuffer address = ByteBuffer.allocate(8).put((byte) 0).put((byte) 1).putShort((short) (port ^ 0x2112));
        for (int i = 0; i < 4; i++) {
            address.put((byte) (ipv4[i] ^ header(0, 0)[4 + i]));
        }
        attribute(attributes, 0x0020, address.array());
        return signed(0x0101, attributes, password);
    }

    static byte[] errorResponse(int code) {
        ByteArrayOutputStream attributes = new ByteArrayOutputStream();
        attribute(attributes, 0x0009, new byte[] {0, 0, (byte) (code / 100), (byte) (code % 100)});
        return signed(0x0111, attributes, null);
    }

    /** Adds MESSAGE-INTEGRITY (when {@code password} is set) and FINGERPRINT, RFC 5389 §15.4-15.5. */
    private static byte[] signed(int type, ByteArrayOutputStream attributes, String password) {
        if (password != null) {
            byte[] covered = concat(header(type, attributes.size() + 24), attributes.toByteArray());
            try {
                Mac mac = Mac.getInstance("HmacSHA1");
                mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
                attribute(attributes, 0x0008, mac.doFinal(covered));
            } catch (java.security.GeneralSecurityException impossible) {
                throw new AssertionError(impossible);
            }
        }
        CRC32 crc = new CRC32();
        crc.update(concat(header(type, attributes.size() + 8), attributes.toByteArray()));
        attribute(attributes, 0x8028, ByteBuffer.allocate(4).putInt((int) crc.getValue() ^ 0x5354554e).array());
        return concat(header(type, attributes.size()), attributes.toByteArray());
    }

    private static byte[] header(int type, int length) {
        return ByteBuffer.allocate(20).putShort((short) type).putShort((short) length).putInt(0x2112A442)
                .put(TRANSACTION_ID).array();
    }

    private static void attribute(ByteArrayOutputStream out, int type, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putShort((short) type).putShort((short) value.length).array());
        out.writeBytes(value);
        out.writeBytes(new byte[(4 - value.length % 4) % 4]);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** {@code packet} behind its RFC 4571 length. */
    static byte[] framed(byte[] packet) {
        return concat(new byte[] {(byte) (packet.length >> 8), (byte) packet.length}, packet);
    }
}
