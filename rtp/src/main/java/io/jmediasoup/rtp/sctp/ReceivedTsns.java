package io.jmediasoup.rtp.sctp;

import io.netty.buffer.ByteBuf;
import java.util.Map;
import java.util.TreeMap;

/**
 * The TSNs received from the peer (RFC 9260 §6.2): the cumulative point, the runs received
 * beyond it (the gap ack blocks of the next SACK) and the duplicates to report. The runs are
 * kept as intervals, so that a TSN costs O(log n) and a SACK reads no more than it reports.
 */
final class ReceivedTsns {
    /** Beyond this distance from the cumulative point a TSN cannot be told in a gap block. */
    static final long MAX_AHEAD = 65_535;
    /**
     * Runs held beyond the cumulative point at most: a TSN that would start one more is dropped
     * (the peer sends it again), and the TSN the cumulative point waits for never starts one.
     */
    static final int MAX_RUNS = 4_096;
    private static final int MAX_GAP_BLOCKS = 64;
    private static final int MAX_DUPLICATES = 32;

    private long cumulative;
    /** Runs received beyond the cumulative point, first TSN to last, neither touching another nor the cumulative point. */
    private final TreeMap<Long, Long> ahead = new TreeMap<>();
    private final long[] duplicates = new long[MAX_DUPLICATES];
    private int duplicateCount;
    private final int[] gaps = new int[2 * MAX_GAP_BLOCKS];

    ReceivedTsns(long peerInitialTsn) {
        this.cumulative = (peerInitialTsn & 0xFFFFFFFFL) - 1;
    }

    /** The unwrapped TSN nearest to the cumulative point, which only the peer's progress moves. */
    long unwrap(long value) {
        return cumulative + (int) (value - Tsn.wrap(cumulative));
    }

    boolean contains(long unwrapped) {
        if (unwrapped <= cumulative) {
            return true;
        }
        Map.Entry<Long, Long> run = ahead.floorEntry(unwrapped);
        return run != null && run.getValue() >= unwrapped;
    }

    /** Whether {@code unwrapped} was not received yet; a duplicate is noted for the next SACK. */
    boolean isNew(long unwrapped) {
        if (!contains(unwrapped)) {
            return true;
        }
        if (duplicateCount < MAX_DUPLICATES) {
            duplicates[duplicateCount++] = Tsn.wrap(unwrapped);
        }
        return false;
    }

    /** Records a new TSN; false for one too far ahead or too scattered to track (to be dropped). */
    boolean receive(long unwrapped) {
        if (unwrapped - cumulative > MAX_AHEAD) {
            return false;
        }
        if (unwrapped == cumulative + 1) {
            cumulative = unwrapped;
            advance();
            return true;
        }
        Map.Entry<Long, Long> left = ahead.floorEntry(unwrapped);
        boolean joinsLeft = left != null && left.getValue() == unwrapped - 1;
        Long rightEnd = ahead.get(unwrapped + 1);
        if (joinsLeft && rightEnd != null) {
            ahead.remove(unwrapped + 1);
            ahead.put(left.getKey(), rightEnd);
        } else if (joinsLeft) {
            ahead.put(left.getKey(), unwrapped);
        } else if (rightEnd != null) {
            ahead.remove(unwrapped + 1);
            ahead.put(unwrapped, rightEnd);
        } else if (ahead.size() < MAX_RUNS) {
            ahead.put(unwrapped, unwrapped);
        } else {
            return false;
        }
        return true;
    }

    /** FORWARD TSN: the peer will not send what lies up to {@code unwrapped}. */
    void forward(long unwrapped) {
        if (unwrapped <= cumulative || unwrapped - cumulative > MAX_AHEAD) {
            return;
        }
        cumulative = unwrapped;
        while (!ahead.isEmpty() && ahead.firstKey() <= cumulative) {
            cumulative = Math.max(cumulative, ahead.pollFirstEntry().getValue());
        }
        advance();
    }

    private void advance() {
        if (!ahead.isEmpty() && ahead.firstKey() == cumulative + 1) {
            cumulative = ahead.pollFirstEntry().getValue();
        }
    }

    long cumulative() {
        return cumulative;
    }

    /** Runs held beyond the cumulative point. */
    int runs() {
        return ahead.size();
    }

    /** Writes the SACK for what was received so far and forgets the reported duplicates. */
    void writeSack(ByteBuf out, long arwnd) {
        int count = 0;
        for (Map.Entry<Long, Long> run : ahead.entrySet()) {
            if (count == MAX_GAP_BLOCKS) {
                break;
            }
            gaps[2 * count] = (int) (run.getKey() - cumulative);
            gaps[2 * count + 1] = (int) (run.getValue() - cumulative);
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
