package io.jmediasoup.rtp.bwe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The estimator driven by scripted paths (a bottleneck queue, loss) with a fake clock. */
class SendSideBandwidthEstimatorTest {
    private static final long MIN = 30_000;
    private static final long MAX = 10_000_000;

    @Test
    void onAStableLinkTheEstimateGrowsTowardTheLink() {
        SimulatedPath path = new SimulatedPath(new SendSideBandwidthEstimator(300_000, MIN, MAX), 2_000_000);
        long after5s = path.run(5_000);
        long after40s = path.run(35_000);
        assertTrue(after5s > 300_000, "grows from the start: " + after5s);
        assertTrue(after40s > 1_400_000 && after40s < 2_600_000, "near the 2 Mbps link: " + after40s);
        assertTrue(path.queueDelayMs() < 300, "without a standing queue: " + path.queueDelayMs());
    }

    /**
     * A floor holds the estimate up at once, and moves it up at the next update: lifted before
     * that, the estimate is where it was (as mediasoup 3.32.2's worker reports it); after, it stays.
     */
    @Test
    void aFloorRaisesTheEstimateAtTheNextUpdate() {
        SendSideBandwidthEstimator estimator = new SendSideBandwidthEstimator(600_000, MIN, MAX);
        estimator.setMinBitrate(3_000_000);
        assertEquals(3_000_000, estimator.availableBitrate());
        estimator.setMinBitrate(MIN);
        assertEquals(600_000, estimator.availableBitrate());
        estimator.setMinBitrate(3_000_000);
        estimator.applyLimits();
        estimator.setMinBitrate(MIN);
        assertEquals(3_000_000, estimator.availableBitrate());
    }

    @Test
    void whenQueueingDelayGrowsTheEstimateDrops() {
        SimulatedPath path = new SimulatedPath(new SendSideBandwidthEstimator(300_000, MIN, MAX), 2_000_000);
        long before = path.run(40_000);
        path.setCapacity(500_000);
        long after = path.run(5_000);
        long later = path.run(20_000);
        assertTrue(after < 650_000, "drops to about the new capacity within seconds: " + after);
        assertTrue(later > 250_000 && later < 650_000, "stays around it: " + later);
        assertEquals(BandwidthUsage.NORMAL, path.estimator.usage());
    }

    @Test
    void lossMakesTheEstimateDrop() {
        SimulatedPath path = new SimulatedPath(new SendSideBandwidthEstimator(1_000_000, MIN, 3_000_000), 20_000_000);
        long before = path.run(20_000);
        path.setLoseOneIn(4);
        // A loss fraction a second, each cutting by half of it: 12.5 % a second.
        long after = path.run(8_000);
        assertTrue(before > 2_500_000, "up to the maximum without loss: " + before);
        assertTrue(after < before / 2, "25 % loss cuts it: " + after);
        assertEquals(0.25, path.estimator.lossFraction(), 0.05);
        path.setLoseOneIn(0);
        long recovered = path.run(30_000);
        assertTrue(recovered > after * 2, "and it recovers once loss stops: " + recovered);
    }

    @Test
    void theMaximumCapsTheEstimate() {
        SendSideBandwidthEstimator estimator = new SendSideBandwidthEstimator(300_000, MIN, MAX);
        SimulatedPath path = new SimulatedPath(estimator, 20_000_000);
        path.run(10_000);
        estimator.setMaxBitrate(400_000);
        assertTrue(path.run(5_000) <= 400_000);
    }

    /** Simulcast-like layers: 150 kbps, 500 kbps and 1.2 Mbps. */
    private static final long[] LAYERS = {150_000, 500_000, 1_200_000};

    @Test
    void anApplicationLimitedSenderWithoutPaddingStaysNearWhatItSends() {
        SimulatedPath path = new SimulatedPath(new SendSideBandwidthEstimator(600_000, MIN, MAX), 300_000);
        path.sendLayers(LAYERS, false);
        path.run(15_000);
        path.setCapacity(5_000_000);
        long later = path.run(30_000);
        assertTrue(later < 500_000, "capped near 1.5 times the acknowledged rate: " + later);
    }

    @Test
    void paddingLetsTheEstimateRecoverOnceACapIsLifted() {
        SimulatedPath path = new SimulatedPath(new SendSideBandwidthEstimator(600_000, MIN, MAX), 5_000_000);
        path.sendLayers(LAYERS, true);
        long before = path.run(20_000);
        assertTrue(before > 1_200_000 * 115 / 100, "the top layer first: " + before);
        path.setCapacity(300_000);
        long capped = path.run(5_000);
        assertTrue(capped < 400_000 && path.layerBitrate() == LAYERS[0], "a 300 kbps link: the lowest layer: " + capped);
        long underCap = path.run(10_000);
        assertTrue(underCap < 400_000, "padding does not push it above the link: " + underCap);
        assertTrue(path.queueDelayMs() < 500, "without a standing queue: " + path.queueDelayMs());
        path.setCapacity(5_000_000);
        long seconds = 0;
        while (path.run(1_000) < LAYERS[2] && seconds < 60) {
            seconds++;
        }
        assertTrue(seconds <= 25, "back above the top layer within 25 s: " + seconds + " s");
        assertTrue(path.run(5_000) > LAYERS[2], "and it stays there");
    }

    @Test
    void probesMakeTheRecoveryFaster() {
        SimulatedPath path = new SimulatedPath(new SendSideBandwidthEstimator(600_000, MIN, MAX), 300_000);
        path.sendLayers(LAYERS, true);
        path.probe();
        long capped = path.run(15_000);
        assertTrue(capped < 400_000, "probes do not push it above a 300 kbps link: " + capped);
        assertTrue(path.queueDelayMs() < 500, "without a standing queue: " + path.queueDelayMs());
        path.setCapacity(5_000_000);
        long seconds = 0;
        while (path.run(1_000) < LAYERS[2] && seconds < 60) {
            seconds++;
        }
        assertTrue(seconds <= 8, "back above the top layer within 8 s: " + seconds + " s");
        assertTrue(path.run(5_000) > LAYERS[2], "and it stays there");
    }
}
