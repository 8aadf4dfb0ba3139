package io.jmediasoup.rtp.bwe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/** The receive-side estimate from abs-send-time: 1 Mbps of 1250-byte packets every 10 ms. */
class ReceiveSideBandwidthEstimatorTest {
    private final ReceiveSideBandwidthEstimator estimator = new ReceiveSideBandwidthEstimator();
    private int rembs;

    private static int absSendTime(long sendMs) {
        return (int) ((sendMs << 18) / 1000) & 0xFFFFFF;
    }

    /** Packets sent from {@code fromMs} to {@code toMs}, each arriving {@code delayMs(sendMs)} later. */
    private void send(long fromMs, long toMs, LongUnaryOperator delayMs) {
        for (long t = fromMs; t < toMs; t += 10) {
            if (estimator.incomingPacket(t + delayMs.applyAsLong(t), 1250, absSendTime(t))) {
                rembs++;
            }
        }
    }

    @Test
    void nothingBeforeASecondThenAtLeastWhatArrives() {
        send(0, 990, t -> 20);
        assertEquals(0, rembs);
        assertEquals(0, estimator.estimate());
        send(990, 10_000, t -> 20);
        assertTrue(estimator.estimate() >= 950_000, "estimate " + estimator.estimate());
        // 1 Mbps and more: a REMB every 200 ms or so.
        assertTrue(rembs >= 30 && rembs <= 50, rembs + " REMBs");
    }

    @Test
    void aGrowingQueueBringsTheEstimateUnderWhatArrives() {
        send(0, 5000, t -> 20);
        long before = estimator.estimate();
        // Each packet waits 2 ms more than the one before: the path carries less than is sent.
        send(5000, 7000, t -> 20 + (t - 5000) / 5);
        assertTrue(estimator.estimate() < before && estimator.estimate() < 1_000_000,
                before + " -> " + estimator.estimate());
    }

    @Test
    void absSendTimeWrapsEvery64Seconds() {
        send(60_000, 70_000, t -> 20);
        assertTrue(estimator.estimate() >= 950_000, "estimate " + estimator.estimate());
    }
}
