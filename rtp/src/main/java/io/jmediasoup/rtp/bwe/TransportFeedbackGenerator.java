package io.jmediasoup.rtp.bwe;

import io.jmediasoup.rtp.rtcp.TransportFeedback;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * The receive side of transport-wide congestion control: remembers when each packet with a
 * transport-wide sequence number arrived and, when asked (every 100 ms, as the C++ worker
 * does), writes transport-cc feedback for everything since the last one so that the sender
 * can estimate the bandwidth. Packets older than the last feedback are not reported again.
 * Sans-I/O: arrival times are given, packets are written into buffers the caller sends.
 */
public final class TransportFeedbackGenerator {
    /** Arrivals kept between two feedbacks; far more than 100 ms of any real stream. */
    static final int WINDOW = 8192;

    private final long[] arrivalsUs = new long[WINDOW];
    private final long[] sequenceNumbers = new long[WINDOW];
    private final TransportFeedback feedback = new TransportFeedback();
    private long mediaSsrc;
    private int feedbackPacketCount;
    /** Unwrapped: the next sequence number to report, and the highest one arrived (-1 when none). */
    private long nextToReport = -1;
    private long highest = -1;

    public TransportFeedbackGenerator() {
        Arrays.fill(sequenceNumbers, -1);
    }

    /** A packet carrying transport-wide sequence number {@code sequenceNumber} arrived at {@code arrivalUs}. */
    public void packetReceived(int sequenceNumber, long mediaSsrc, long arrivalUs) {
        this.mediaSsrc = mediaSsrc;
        long unwrapped = unwrap(sequenceNumber & 0xFFFF);
        if (nextToReport == -1) {
            nextToReport = unwrapped;
        }
        if (unwrapped < nextToReport) {
            return;
        }
        int slot = (int) (unwrapped % WINDOW);
        sequenceNumbers[slot] = unwrapped;
        arrivalsUs[slot] = arrivalUs;
        if (unwrapped > highest) {
            highest = unwrapped;
        }
        // A gap larger than the window: what fell out of it is lost anyway.
        if (highest - nextToReport >= WINDOW) {
            nextToReport = highest - WINDOW + 1;
        }
    }

    /** The 16-bit number placed next to the highest one so far. */
    private long unwrap(int sequenceNumber) {
        if (highest == -1) {
            return sequenceNumber + 0x10000L;
        }
        long candidate = (highest & ~0xFFFFL) | sequenceNumber;
        if (candidate - highest > 0x8000) {
            candidate -= 0x10000;
        } else if (highest - candidate > 0x8000) {
            candidate += 0x10000;
        }
        return candidate;
    }

    /** Whether packets arrived that no feedback reported yet. */
    public boolean hasPending() {
        return highest >= nextToReport && nextToReport != -1;
    }

    /**
     * Writes one feedback packet about the pending arrivals into {@code out}; false when none
     * is pending. Call again while it returns true: one packet holds at most
     * {@link TransportFeedback#MAX_STATUS_COUNT} statuses and deltas of two bytes.
     */
    public boolean writeFeedback(ByteBuf out) {
        while (hasPending() && !arrived(nextToReport)) {
            nextToReport++;
        }
        if (!hasPending()) {
            return false;
        }
        long base = nextToReport;
        feedback.reset(0, mediaSsrc, (int) base, feedbackPacketCount, arrivalsUs[(int) (base % WINDOW)]);
        for (long seq = base; seq <= highest; seq++) {
            if (arrived(seq) && !feedback.addReceived((int) seq, arrivalsUs[(int) (seq % WINDOW)])) {
                break;
            }
            nextToReport = seq + 1;
        }
        feedback.write(out);
        feedbackPacketCount = (feedbackPacketCount + 1) & 0xFF;
        return true;
    }

    /** The share of the packets the feedback last written covers that did not arrive. */
    public double lastFeedbackLossRatio() {
        return feedback.lossRatio();
    }

    private boolean arrived(long seq) {
        return sequenceNumbers[(int) (seq % WINDOW)] == seq;
    }
}
