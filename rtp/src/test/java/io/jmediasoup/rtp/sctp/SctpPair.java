package io.jmediasoup.rtp.sctp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiPredicate;

/**
 * Two associations joined by a scripted network and a fake clock: every packet one emits is
 * queued for the other, where a filter may drop, duplicate or hold it back for reordering.
 */
final class SctpPair {
    /** What one side saw. */
    static final class Side implements SctpAssociation.Listener {
        final String name;
        SctpAssociation association;
        final List<byte[]> packets = new ArrayList<>();
        /** Every packet it ever sent, for a corpus. */
        final List<byte[]> sent = new ArrayList<>();
        final List<String> messages = new ArrayList<>();
        final List<Long> ppids = new ArrayList<>();
        final List<Integer> streams = new ArrayList<>();
        final List<SctpState> states = new ArrayList<>();
        final List<int[]> resets = new ArrayList<>();
        long bufferedAmount;

        Side(String name) {
            this.name = name;
        }

        @Override
        public void onSctpPacket(ByteBuf packet) {
            byte[] bytes = new byte[packet.readableBytes()];
            packet.getBytes(packet.readerIndex(), bytes);
            packets.add(bytes);
            sent.add(bytes);
        }

        @Override
        public void onSctpStateChange(SctpState state) {
            states.add(state);
        }

        @Override
        public void onSctpMessage(int streamId, long ppid, ByteBuf message) {
            messages.add(message.toString(java.nio.charset.StandardCharsets.ISO_8859_1));
            ppids.add(ppid);
            streams.add(streamId);
        }

        @Override
        public void onSctpBufferedAmount(long bufferedAmount) {
            this.bufferedAmount = bufferedAmount;
        }

        @Override
        public void onSctpIncomingStreamsReset(int[] streamIds) {
            resets.add(streamIds);
        }
    }

    final Side a = new Side("a");
    final Side b = new Side("b");
    long now = 1_000;
    /** Decides per packet (sender, packet number) whether it is lost. */
    BiPredicate<Side, Integer> lose = (side, n) -> false;
    boolean reorder;
    boolean duplicate;
    private final Random random = new Random(7);
    private int sent;

    SctpPair(SctpConfig config) {
        this(config, config);
    }

    SctpPair(SctpConfig aConfig, SctpConfig bConfig) {
        a.association = new SctpAssociation(aConfig, a, PooledByteBufAllocator.DEFAULT, new Random(1));
        b.association = new SctpAssociation(bConfig, b, PooledByteBufAllocator.DEFAULT, new Random(2));
    }

    static SctpConfig config() {
        return new SctpConfig(16, 16, 262_144, 262_144, SctpConfig.DEFAULT_MTU);
    }

    /** Moves packets both ways, each hop taking 10 ms, and fires timers, until quiet or {@code maxMs}. */
    void run(long maxMs) {
        long end = now + maxMs;
        while (now < end) {
            boolean moved = deliver(a, b) | deliver(b, a);
            now += 10;
            if (now >= a.association.nextTimeout()) {
                a.association.handleTimeout(now);
            }
            if (now >= b.association.nextTimeout()) {
                b.association.handleTimeout(now);
            }
            if (!moved && a.packets.isEmpty() && b.packets.isEmpty()
                    && a.association.nextTimeout() > end && b.association.nextTimeout() > end) {
                return;
            }
        }
    }

    private boolean deliver(Side from, Side to) {
        if (from.packets.isEmpty()) {
            return false;
        }
        List<byte[]> batch = new ArrayList<>(from.packets);
        from.packets.clear();
        if (reorder && batch.size() > 1) {
            java.util.Collections.shuffle(batch, random);
        }
        for (byte[] packet : batch) {
            if (lose.test(from, sent++)) {
                continue;
            }
            to.association.receivePacket(Unpooled.wrappedBuffer(packet), now);
            if (duplicate && random.nextInt(4) == 0) {
                to.association.receivePacket(Unpooled.wrappedBuffer(packet), now);
            }
        }
        return true;
    }

    void close() {
        a.association.close();
        b.association.close();
    }
}
