package io.jmediasoup.worker.rtc;

import java.util.TreeSet;

/**
 * What a sending stream lost on its own link, as mediasoup 3.32.2 counts it: a receiver report
 * counts as lost every sequence number it never got, including those the producer's uplink
 * lost and this stream therefore never sent. So each report is measured against the previous
 * one (the first one against the first packet sent), and the sequence numbers skipped in
 * between are left out. Sequence numbers are unwrapped into this stream's own numbering, which
 * starts over when the stream's numbering is reset.
 */
final class DownlinkLoss {
    /** What one report measured since the previous one; both only over packets really sent. */
    record Interval(long lost, long expected) {
    }

    /** Skipped numbers kept for the next report; a receiver that stops reporting must not grow it forever. */
    static final int MAX_UNSENT = 2000;

    private final TreeSet<Long> unsent = new TreeSet<>();
    private boolean anySent;
    private int lastWrapped;
    private long lastUnwrapped;
    private long highestSent;
    /** Highest sequence number the previous report had seen; seeded one below the first sent. */
    private long lastReportSeq;
    /** The previous report's total lost; unknown after a reset, as the receiver's total goes on over it. */
    private long lastReportTotalLost;
    private boolean lastReportTotalLostKnown = true;

    /** Takes note of a packet sent: what it skips is never sent, what it fills in late is. */
    void sent(int seq) {
        long unwrapped = unwrap(seq);
        if (!anySent) {
            anySent = true;
            lastWrapped = seq;
            lastUnwrapped = unwrapped;
            highestSent = unwrapped;
            lastReportSeq = unwrapped - 1;
            return;
        }
        lastWrapped = seq;
        lastUnwrapped = unwrapped;
        if (unwrapped <= highestSent) {
            unsent.remove(unwrapped);
            return;
        }
        for (long skipped = Math.max(highestSent + 1, unwrapped - MAX_UNSENT); skipped < unwrapped; skipped++) {
            unsent.add(skipped);
        }
        highestSent = unwrapped;
        while (unsent.size() > MAX_UNSENT) {
            unsent.pollFirst();
        }
    }

    /**
     * Takes a report naming {@code highestSeq} (only its 16 wire bits count: the receiver counts
     * its cycles from its own start) and {@code totalLost}; null when it measures no interval:
     * nothing sent yet, or a reordered report that goes backwards.
     */
    Interval report(long highestSeq, long totalLost) {
        if (!anySent) {
            return null;
        }
        long reportSeq = unwrap((int) (highestSeq & 0xFFFF));
        long total = Math.max(totalLost, 0);
        if (reportSeq <= lastReportSeq) {
            return null;
        }
        int unsentCount = unsent.subSet(lastReportSeq, false, reportSeq, true).size();
        unsent.headSet(reportSeq, true).clear();
        if (!lastReportTotalLostKnown) {
            // Nothing to measure against: this report only sets the marks for the next one.
            lastReportSeq = reportSeq;
            lastReportTotalLost = total;
            lastReportTotalLostKnown = true;
            return null;
        }
        long expected = reportSeq - lastReportSeq - unsentCount;
        // A hole filled in since the previous report makes the receiver's total go down.
        long lost = Math.max(0, Math.min(total - lastReportTotalLost - unsentCount, expected));
        lastReportSeq = reportSeq;
        lastReportTotalLost = total;
        return new Interval(lost, expected);
    }

    /**
     * The stream's numbering was reset: what was skipped belongs to the old one, the next packet
     * sent starts a numbering of its own, and the next report that measures anything only sets
     * the marks (the receiver's total lost goes on over the whole session).
     */
    void reset() {
        unsent.clear();
        anySent = false;
        lastReportTotalLostKnown = false;
    }

    /** Where {@code seq} falls in the unwrapped numbering, nearest the last packet sent. */
    private long unwrap(int seq) {
        if (!anySent) {
            return seq;
        }
        int delta = seq - lastWrapped;
        if (delta < -0x8000) {
            delta += 0x10000;
        } else if (delta > 0x8000) {
            delta -= 0x10000;
        }
        return lastUnwrapped + delta;
    }
}
