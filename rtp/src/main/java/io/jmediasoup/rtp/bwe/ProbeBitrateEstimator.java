package io.jmediasoup.rtp.bwe;

/**
 * What one probe cluster proved (libwebrtc's ProbeBitrateEstimator): a burst of packets sent
 * at a chosen rate; the rate they arrived at, from transport-cc feedback, is what the path
 * carries, up to the rate they were sent at. A saturated path spreads them out on arrival.
 */
final class ProbeBitrateEstimator {
    /** Fewer packets than this say nothing. */
    static final int MIN_PACKETS = 5;
    private static final long MAX_INTERVAL_MS = 1000;
    /** Most of a cluster ({@link ProbeController#DURATION_MS}) must have been sent and acknowledged. */
    private static final long MIN_SEND_INTERVAL_MS = ProbeController.DURATION_MS * 6 / 10;
    /** Arrivals slower than this share of the send rate: the link is saturated. */
    private static final double MIN_RATIO_FOR_UNSATURATED_LINK = 0.9;
    private static final double TARGET_UTILIZATION = 0.95;

    private int cluster = -1;
    private int packets;
    private long bytes;
    private long firstSendMs;
    private long lastSendMs;
    private int lastSendSize;
    private long firstArrivalMs;
    private long lastArrivalMs;
    private int firstArrivalSize;

    /** A packet of cluster {@code clusterId} was acknowledged; returns the cluster's rate (bps) so far, -1 when unknown. */
    long packetAcknowledged(int clusterId, long sendMs, long arrivalMs, int size) {
        if (clusterId != cluster) {
            cluster = clusterId;
            packets = 0;
            bytes = 0;
        }
        if (packets == 0) {
            firstSendMs = lastSendMs = sendMs;
            firstArrivalMs = lastArrivalMs = arrivalMs;
            lastSendSize = firstArrivalSize = size;
        }
        packets++;
        bytes += size;
        if (sendMs < firstSendMs) {
            firstSendMs = sendMs;
        }
        if (sendMs >= lastSendMs) {
            lastSendMs = sendMs;
            lastSendSize = size;
        }
        if (arrivalMs < firstArrivalMs) {
            firstArrivalMs = arrivalMs;
            firstArrivalSize = size;
        }
        lastArrivalMs = Math.max(lastArrivalMs, arrivalMs);
        if (packets < MIN_PACKETS) {
            return -1;
        }
        long sendIntervalMs = lastSendMs - firstSendMs;
        long arrivalIntervalMs = lastArrivalMs - firstArrivalMs;
        // Part of a cluster only: its first packets may have left in a burst.
        if (sendIntervalMs < MIN_SEND_INTERVAL_MS || sendIntervalMs > MAX_INTERVAL_MS || arrivalIntervalMs <= 0
                || arrivalIntervalMs > MAX_INTERVAL_MS) {
            return -1;
        }
        // The interval covers all but the last packet sent and all but the first one arrived.
        double sendRate = (bytes - lastSendSize) * 8000.0 / sendIntervalMs;
        double arrivalRate = (bytes - firstArrivalSize) * 8000.0 / arrivalIntervalMs;
        if (arrivalRate < MIN_RATIO_FOR_UNSATURATED_LINK * sendRate) {
            return (long) (TARGET_UTILIZATION * arrivalRate);
        }
        return (long) Math.min(sendRate, arrivalRate);
    }
}
