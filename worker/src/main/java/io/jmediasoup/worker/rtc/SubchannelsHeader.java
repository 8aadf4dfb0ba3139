package io.jmediasoup.worker.rtc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How mediasoup 3.32 carries a message's subchannels between routers over a pipe transport:
 * in front of the payload, an 8-byte magic token whose two low bits flag a required and an
 * ignored subchannel, the count of subchannels, each one, then the flagged ones (all in
 * network order). A payload that does not start with the token has none.
 */
final class SubchannelsHeader {
    private static final long MAGIC_TOKEN = 0xA5F09CB3D6E1F28CL;
    private static final long REQUIRED_FLAG = 0x2;
    private static final long IGNORED_FLAG = 0x1;
    private static final long FLAGS = REQUIRED_FLAG | IGNORED_FLAG;
    private static final int FIXED_SIZE = 8 + 2;

    private SubchannelsHeader() {}

    /**
     * The payload to send: {@code message}'s own when there is nothing to carry, else a new
     * buffer (the caller releases it) with the header. A consumer subscribed to subchannels
     * carries only those of them the message names.
     */
    static ByteBuf encode(DataMessage message, Set<Integer> consumerSubchannels) {
        List<Integer> subchannels = message.subchannels();
        if (!consumerSubchannels.isEmpty()) {
            subchannels = new ArrayList<>();
            for (Integer subchannel : message.subchannels()) {
                if (consumerSubchannels.contains(subchannel)) {
                    subchannels.add(subchannel);
                }
            }
        }
        Integer required = message.requiredSubchannel();
        Integer ignored = message.ignoredSubchannel();
        if ((subchannels.isEmpty() && required == null && ignored == null) || subchannels.size() > 0xFFFF) {
            return message.payload();
        }
        ByteBuf payload = message.payload();
        int headerSize = FIXED_SIZE + 2 * subchannels.size() + (required != null ? 2 : 0) + (ignored != null ? 2 : 0);
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer(headerSize + payload.readableBytes());
        out.writeLong(MAGIC_TOKEN | (required != null ? REQUIRED_FLAG : 0) | (ignored != null ? IGNORED_FLAG : 0));
        out.writeShort(subchannels.size());
        subchannels.forEach(out::writeShort);
        if (required != null) {
            out.writeShort(required);
        }
        if (ignored != null) {
            out.writeShort(ignored);
        }
        out.writeBytes(payload, payload.readerIndex(), payload.readableBytes());
        return out;
    }

    /**
     * The message a pipe transport received, with the subchannels its header carried and the
     * header skipped (a view of {@code payload}); unfiltered when it has no whole header.
     */
    static DataMessage decode(long ppid, ByteBuf payload) {
        int start = payload.readerIndex();
        int length = payload.readableBytes();
        if (length < FIXED_SIZE) {
            return DataMessage.unfiltered(ppid, payload);
        }
        long token = payload.getLong(start);
        if ((token & ~FLAGS) != MAGIC_TOKEN) {
            return DataMessage.unfiltered(ppid, payload);
        }
        boolean hasRequired = (token & REQUIRED_FLAG) != 0;
        boolean hasIgnored = (token & IGNORED_FLAG) != 0;
        int count = payload.getUnsignedShort(start + 8);
        int headerSize = FIXED_SIZE + 2 * count + (hasRequired ? 2 : 0) + (hasIgnored ? 2 : 0);
        if (length < headerSize) {
            return DataMessage.unfiltered(ppid, payload);
        }
        int offset = start + FIXED_SIZE;
        List<Integer> subchannels = new ArrayList<>(count);
        for (int i = 0; i < count; i++, offset += 2) {
            subchannels.add(payload.getUnsignedShort(offset));
        }
        Integer required = null;
        if (hasRequired) {
            required = payload.getUnsignedShort(offset);
            offset += 2;
        }
        Integer ignored = hasIgnored ? payload.getUnsignedShort(offset) : null;
        return new DataMessage(ppid, payload.slice(start + headerSize, length - headerSize), subchannels, required,
                ignored);
    }
}
