package io.jmediasoup.rtp.stun;

import io.jmediasoup.rtp.stun.StunPacket.MessageClass;
import io.netty.buffer.ByteBuf;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Writes the responses an ICE-lite agent sends, as the C++ worker does: a success response
 * holds XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY and FINGERPRINT; an error response holds
 * ERROR-CODE (3.8.4's without a reason phrase, 3.32.2's with one) and FINGERPRINT. Both echo
 * the request's method and transaction id. Not thread-safe.
 */
public final class StunResponseWriter {
    /** The largest response written: header, XOR-MAPPED-ADDRESS of IPv6, MESSAGE-INTEGRITY, FINGERPRINT. */
    public static final int MAX_RESPONSE_SIZE = StunPacket.HEADER_SIZE + 24 + 24 + 8;

    private final StunFingerprint fingerprint = new StunFingerprint();

    /**
     * Appends to {@code out} the success response to {@code request} telling {@code mapped},
     * signed with {@code integrity}.
     */
    public void writeSuccess(StunPacket request, InetSocketAddress mapped, MessageIntegrity integrity, ByteBuf out) {
        byte[] address = mapped.getAddress().getAddress();
        boolean ipv4 = mapped.getAddress() instanceof Inet4Address;
        int addressSize = 4 + address.length;
        int size = StunPacket.HEADER_SIZE + 4 + addressSize + 4 + StunPacket.MESSAGE_INTEGRITY_SIZE + 8;
        int start = out.writerIndex();
        out.ensureWritable(size);
        writeHeader(request, MessageClass.SUCCESS_RESPONSE, size, out);
        out.writeShort(StunPacket.ATTR_XOR_MAPPED_ADDRESS);
        out.writeShort(addressSize);
        out.writeByte(0);
        out.writeByte(ipv4 ? 0x01 : 0x02);
        out.writeShort(mapped.getPort() ^ (StunPacket.MAGIC_COOKIE >>> 16));
        for (int i = 0; i < address.length; i++) {
            // XORed with the cookie, then (IPv6) with the transaction id: the 16 header bytes from 4.
            out.writeByte(address[i] ^ out.getByte(start + 4 + i));
        }
        int integrityOffset = out.writerIndex() - start;
        out.writeShort(StunPacket.ATTR_MESSAGE_INTEGRITY);
        out.writeShort(StunPacket.MESSAGE_INTEGRITY_SIZE);
        out.writeZero(StunPacket.MESSAGE_INTEGRITY_SIZE);
        integrity.write(out, start, integrityOffset, size - StunPacket.HEADER_SIZE - 8);
        writeFingerprint(out, start);
    }

    /** Appends to {@code out} the error response to {@code request} with {@code errorCode} (300-699) and no reason phrase. */
    public void writeError(StunPacket request, int errorCode, ByteBuf out) {
        writeError(request, errorCode, "", out);
    }

    /** As {@link #writeError(StunPacket, int, ByteBuf)} with {@code reasonPhrase} (UTF-8, padded to 4 bytes). */
    public void writeError(StunPacket request, int errorCode, String reasonPhrase, ByteBuf out) {
        byte[] reason = reasonPhrase.getBytes(StandardCharsets.UTF_8);
        int padding = (4 - reason.length % 4) % 4;
        int size = StunPacket.HEADER_SIZE + 8 + reason.length + padding + 8;
        int start = out.writerIndex();
        out.ensureWritable(size);
        writeHeader(request, MessageClass.ERROR_RESPONSE, size, out);
        out.writeShort(StunPacket.ATTR_ERROR_CODE);
        out.writeShort(4 + reason.length);
        out.writeShort(0);
        out.writeByte(errorCode / 100);
        out.writeByte(errorCode % 100);
        out.writeBytes(reason);
        out.writeZero(padding);
        writeFingerprint(out, start);
    }

    private static void writeHeader(StunPacket request, MessageClass messageClass, int size, ByteBuf out) {
        int method = request.method();
        int bits = messageClass.ordinal();
        int type = ((method & 0x0F80) << 2) | ((method & 0x0070) << 1) | (method & 0x000F)
                | ((bits & 0x02) << 7) | ((bits & 0x01) << 4);
        out.writeShort(type);
        out.writeShort(size - StunPacket.HEADER_SIZE);
        out.writeInt(StunPacket.MAGIC_COOKIE);
        request.copyTransactionId(out, out.writerIndex());
        out.writerIndex(out.writerIndex() + 12);
    }

    private void writeFingerprint(ByteBuf out, int start) {
        int value = fingerprint.of(out, start, out.writerIndex() - start);
        out.writeShort(StunPacket.ATTR_FINGERPRINT);
        out.writeShort(4);
        out.writeInt(value);
    }
}
