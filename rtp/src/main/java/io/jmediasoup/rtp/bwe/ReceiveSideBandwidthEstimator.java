package io.jmediasoup.rtp.bwe;

import java.util.Arrays;

/**
 * A receiver's estimate of the bandwidth towards it from the abs-send-time extension, for the
 * REMB it sends (the C++ worker runs libwebrtc's RemoteBitrateEstimatorAbsSendTime for that).
 * Simplified: packets are grouped by send time and the trendline detector and AIMD rate
 * control of the send side judge the delay change, against the bitrate received over the
 * last second; libwebrtc's probe-cluster detection and its initial-estimate rules are left out.
 * Time is injected: arrival times in milliseconds.
 */
public final class ReceiveSideBandwidthEstimator {
    private static final long MIN_BITRATE = 10_000;
    private static final long MAX_BITRATE = 30_000_000;
    private static final int ABS_SEND_TIME_WRAP = 1 << 24;
    private static final long RATE_WINDOW_MS = 1000;
    private static final int RATE_BUCKETS = 10;
    private static final long RATE_BUCKET_MS = RATE_WINDOW_MS / RATE_BUCKETS;
    /** A REMB as often as 5 % of the estimate pays for an 80-byte RTCP packet, every 200 ms to 1 s. */
    private static final long MIN_FEEDBACK_INTERVAL_MS = 200;
    private static final long MAX_FEEDBACK_INTERVAL_MS = 1000;

    private final InterArrival interArrival = new InterArrival();
    private final TrendlineEstimator trendline = new TrendlineEstimator();
    private AimdRateControl rateControl;
    private final long[] bucketBytes = new long[RATE_BUCKETS];
    private final long[] bucketOf = new long[RATE_BUCKETS];
    private boolean started;
    private long firstArrivalMs;
    private int lastAbsSendTime;
    /** Send time in 1/2^18 s, unwrapped. */
    private long sendTime;
    private long estimate;
    private long lastFeedbackMs = Long.MIN_VALUE;

    public ReceiveSideBandwidthEstimator() {
        Arrays.fill(bucketOf, Long.MIN_VALUE);
    }

    /**
     * A packet arrived with a 24-bit abs-send-time (6.18 fixed-point seconds); returns true
     * when a REMB with {@link #estimate()} is due now.
     */
    public boolean incomingPacket(long arrivalMs, int size, int absSendTime) {
        countBytes(arrivalMs, size);
        absSendTime &= ABS_SEND_TIME_WRAP - 1;
        if (!started) {
            started = true;
            firstArrivalMs = arrivalMs;
            lastAbsSendTime = absSendTime;
        }
        int delta = (absSendTime - lastAbsSendTime) & (ABS_SEND_TIME_WRAP - 1);
        // More than half the range ahead is a packet sent before the last one.
        sendTime += delta < ABS_SEND_TIME_WRAP / 2 ? delta : delta - ABS_SEND_TIME_WRAP;
        lastAbsSendTime = absSendTime;
        long sendTimeMs = sendTime * 1000 >> 18;
        if (interArrival.add(sendTimeMs, arrivalMs)) {
            trendline.update(interArrival.sendDeltaMs(), interArrival.arrivalDeltaMs(), arrivalMs);
        }
        long incoming = incomingBitrate(arrivalMs);
        if (arrivalMs - firstArrivalMs < RATE_WINDOW_MS || incoming == 0) {
            return false;
        }
        if (rateControl == null) {
            rateControl = new AimdRateControl(incoming, MIN_BITRATE, MAX_BITRATE);
        }
        long previous = estimate;
        estimate = rateControl.update(trendline.usage(), incoming, arrivalMs);
        boolean fellOnOveruse = trendline.usage() == BandwidthUsage.OVERUSING && estimate < previous;
        if (fellOnOveruse || lastFeedbackMs == Long.MIN_VALUE || arrivalMs - lastFeedbackMs >= feedbackIntervalMs()) {
            lastFeedbackMs = arrivalMs;
            return true;
        }
        return false;
    }

    /** The estimate (bps); 0 before a second of packets. */
    public long estimate() {
        return estimate;
    }

    private long feedbackIntervalMs() {
        long interval = estimate > 0 ? 80 * 8 * 1000 * 20 / estimate : MAX_FEEDBACK_INTERVAL_MS;
        return Math.max(MIN_FEEDBACK_INTERVAL_MS, Math.min(MAX_FEEDBACK_INTERVAL_MS, interval));
    }

    private void countBytes(long nowMs, int size) {
        long bucket = nowMs / RATE_BUCKET_MS;
        int slot = (int) (bucket % RATE_BUCKETS);
        if (bucketOf[slot] != bucket) {
            bucketOf[slot] = bucket;
            bucketBytes[slot] = 0;
        }
        bucketBytes[slot] += size;
    }

    /** Bits per second received over the last second. */
    private long incomingBitrate(long nowMs) {
        long oldest = nowMs / RATE_BUCKET_MS - RATE_BUCKETS;
        long bytes = 0;
        for (int slot = 0; slot < RATE_BUCKETS; slot++) {
            if (bucketOf[slot] > oldest) {
                bytes += bucketBytes[slot];
            }
        }
        return bytes * 8 * 1000 / RATE_WINDOW_MS;
    }
}
