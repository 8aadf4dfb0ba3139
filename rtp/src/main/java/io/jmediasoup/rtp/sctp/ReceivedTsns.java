package io.jmediasoup.rtp.sctp;

import io.netty.buffer.ByteBuf;
import java.util.TreeSet;

/**
 * The TSNs received from the peer (RFC 9260 §6.2): the cumulative point, those received beyond
 * it (the gap ack blocks of the next SACK) and the duplicates to report.
 */
final class ReceivedTsns {
    /** Beyond this distance from the cumulative point a TSN cannot be told in a gap block. */
    static final long MAX_AHEAD = 65_535;
    private static final int MAX_GAP_BLOCKS = 64;
    private static final int MAX_DUPLICATES = 32;

    private final Tsn tsn;
    private long cumulative;
    private final TreeSet<Long> ahead = new TreeSet<>();
    private final long[] duplicates = new long[MAX_DUPLICATES];
    private int duplicateCount;
    private final int[] gaps = new int[2 * MAX_GAP_BLOCKS];

    ReceivedTsns(long peerInitialTsn) {
        this.tsn = new Tsn(peerInitialTsn);
        this.cumulative = tsn.unwrap(peerInitialTsn) - 1;
    }

    long unwrap(long value) {
        return tsn.unwrap(value);
    }

    /** Records {@code unwrapped}; false for a duplicate or one too far ahead to track (both to be dropped). */
    boolean receive(long unwrapped) {
        if (unwrapped <= cumulative || ahead.contains(unwrapped)) {
            if (duplicateCount < MAX_DUPLICATES) {
                duplicates[duplicateCount++] = Tsn.wrap(unwrapped);
            }
            return false;
        }
        if (unwrapped - cumulative > MAX_AHEAD) {
            return false;
        }
        ahead.add(unwrapped);
        advance();
        return true;
    }

    /** FORWARD TSN: the peer will not send what lies up to {@code unwrapped}. */
    void forward(long unwrapped) {
        if (unwrapped <= cumulative || unwrapped - cumulative > MAX_AHEAD) {
            return;
        }
        cumulative = unwrapped;
        ahead.headSet(unwrapped, true).clear();
        advance();
    }

    private void advance() {
        while (!ahead.isEmpty() && ahead.first() == cumulative + 1) {
            cumulative = ahead.pollFirst();
        }
    }

    long cumulative() {
        return cumulative;
    }

    /** Writes the SACK for what was received so far and forgets the reported duplicates. */
    void writeSack(ByteBuf out, long arwnd) {
        int count = 0;
        long start = -1;
        long end = -1;
        for (long value : ahead) {
            if (value != end + 1) {
                if (start >= 0 && count < MAX_GAP_BLOCKS) {
                    gaps[2 * count] = (int) (start - cumulative);
                    gaps[2 * count + 1] = (int) (end - cumulative);
                    count++;
                }
                start = value;
            }
            end = value;
        }
        if (start >= 0 && count < MAX_GAP_BLOCKS) {
            gaps[2 * count] = (int) (start - cumulative);
            gaps[2 * count + 1] = (int) (end - cumulative);
            count++;
        }
        SackChunk.write(out, Tsn.wrap(cumulative), arwnd, gaps, count, duplicates, duplicateCount);
        duplicateCount = 0;
    }

    /** Room a SACK takes at most. */
    static int maxSackSize() {
        return ChunkReader.CHUNK_HEADER_SIZE + SackChunk.FIXED_SIZE + 4 * MAX_GAP_BLOCKS + 4 * MAX_DUPLICATES;
    }
}
