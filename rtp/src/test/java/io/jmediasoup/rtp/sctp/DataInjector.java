package io.jmediasoup.rtp.sctp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Plays a hostile peer towards side b of a connected {@link SctpPair}: writes DATA chunks of its
 * own choosing (TSN, flags, stream, SSN) with the tag b expects, packed into packets of up to
 * the MTU, and hands them to b. Side a sends one message first, whose TSN tells where the
 * peer's TSNs stand.
 */
final class DataInjector {
    private final SctpPair pair;
    private final long tag;
    /** The TSN right after a's first message: the next one b waits for. */
    final long nextTsn;
    private ByteBuf packet;
    private long bytesIn;
    /** What b's last SACK told the peer: its cumulative TSN ack and window. */
    long ackedTsn = -1;
    long arwnd = -1;

    DataInjector(SctpPair pair) {
        this.pair = pair;
        pair.a.association.connect(pair.now);
        pair.run(2_000);
        pair.a.association.send(0, 51, Unpooled.wrappedBuffer(new byte[] {'x'}), SendOptions.RELIABLE_ORDERED, pair.now);
        ByteBuf first = Unpooled.wrappedBuffer(pair.a.packets.get(pair.a.packets.size() - 1));
        this.tag = SctpPacket.verificationTag(first);
        ChunkReader reader = new ChunkReader().reset(first);
        long tsn = -1;
        while (reader.next()) {
            if (reader.type() == ChunkType.DATA) {
                tsn = DataChunk.tsn(reader);
            }
        }
        if (tsn < 0) {
            throw new IllegalStateException("a sent no DATA");
        }
        this.nextTsn = (tsn + 1) & 0xFFFFFFFFL;
        pair.run(1_000);
        pair.a.packets.clear();
        pair.b.packets.clear();
        pair.b.messages.clear();
    }

    /** Adds a DATA chunk with {@code payload} bytes of 'p' (flags as in {@link DataChunk}); sends the packet when full. */
    void data(long tsn, int flags, int streamId, int ssn, int payload) {
        int size = DataChunk.sizeOf(payload);
        if (packet != null && packet.readableBytes() + size > SctpConfig.DEFAULT_MTU) {
            flush();
        }
        if (packet == null) {
            packet = Unpooled.buffer(Math.max(SctpConfig.DEFAULT_MTU, SctpPacket.HEADER_SIZE + size));
            SctpPacket.writeHeader(packet, tag);
        }
        ByteBuf bytes = Unpooled.buffer(payload);
        bytes.writerIndex(payload);
        bytes.setBytes(0, new byte[payload]);
        DataChunk.write(packet, flags, tsn & 0xFFFFFFFFL, streamId, ssn, 53, bytes);
    }

    /** Sends what is pending to b, drops b's answers. */
    void flush() {
        if (packet == null) {
            return;
        }
        SctpPacket.finish(packet);
        bytesIn += packet.readableBytes();
        pair.b.association.receivePacket(packet, pair.now);
        packet = null;
        for (byte[] answer : pair.b.packets) {
            ChunkReader reader = new ChunkReader().reset(Unpooled.wrappedBuffer(answer));
            while (reader.next()) {
                if (reader.type() == ChunkType.SACK && SackChunk.isWellFormed(reader)) {
                    ackedTsn = SackChunk.cumulativeTsnAck(reader);
                    arwnd = SackChunk.arwnd(reader);
                }
            }
        }
        pair.b.packets.clear();
    }

    /** Bytes sent to b so far. */
    long bytesIn() {
        return bytesIn;
    }
}
