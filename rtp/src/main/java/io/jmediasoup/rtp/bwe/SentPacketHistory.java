package io.jmediasoup.rtp.bwe;

import java.util.Arrays;

/**
 * When and how big each packet with a transport-wide sequence number was sent, kept for the
 * last {@link #CAPACITY} numbers so that feedback can be matched to it.
 */
final class SentPacketHistory {
    static final int CAPACITY = 4096;

    private final int[] sequenceNumbers = new int[CAPACITY];
    private final long[] sendTimesMs = new long[CAPACITY];
    private final int[] sizes = new int[CAPACITY];
    private final int[] probeClusters = new int[CAPACITY];

    SentPacketHistory() {
        Arrays.fill(sequenceNumbers, -1);
    }

    /** {@code probeCluster} is -1 for a packet that belongs to no probe. */
    void add(int sequenceNumber, int size, long sendTimeMs, int probeCluster) {
        int slot = sequenceNumber & (CAPACITY - 1);
        sequenceNumbers[slot] = sequenceNumber & 0xFFFF;
        sendTimesMs[slot] = sendTimeMs;
        sizes[slot] = size;
        probeClusters[slot] = probeCluster;
    }

    /** Whether {@code sequenceNumber} is still known; after that its time and size may be read. */
    boolean contains(int sequenceNumber) {
        return sequenceNumbers[sequenceNumber & (CAPACITY - 1)] == (sequenceNumber & 0xFFFF);
    }

    long sendTimeMs(int sequenceNumber) {
        return sendTimesMs[sequenceNumber & (CAPACITY - 1)];
    }

    int size(int sequenceNumber) {
        return sizes[sequenceNumber & (CAPACITY - 1)];
    }

    int probeCluster(int sequenceNumber) {
        return probeClusters[sequenceNumber & (CAPACITY - 1)];
    }

    /** Feedback came for it: it counts once only. */
    void remove(int sequenceNumber) {
        sequenceNumbers[sequenceNumber & (CAPACITY - 1)] = -1;
    }
}
