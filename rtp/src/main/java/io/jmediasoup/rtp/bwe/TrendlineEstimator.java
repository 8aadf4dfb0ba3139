package io.jmediasoup.rtp.bwe;

/**
 * The delay-based overuse detector of GoogCC (libwebrtc's TrendlineEstimator): the slope of
 * the smoothed accumulated delay over the last {@value #WINDOW} group arrivals, scaled, is
 * compared with a threshold that adapts to it so that competing TCP flows are not starved.
 */
final class TrendlineEstimator {
    static final int WINDOW = 20;
    private static final double SMOOTHING = 0.9;
    private static final double THRESHOLD_GAIN = 4;
    private static final int MIN_DELTAS = 60;
    private static final double OVERUSING_TIME_MS = 10;
    private static final double K_UP = 0.0087;
    private static final double K_DOWN = 0.039;
    private static final double MAX_ADAPT_OFFSET_MS = 15;

    private final double[] xs = new double[WINDOW];
    private final double[] ys = new double[WINDOW];
    private int size;
    private int head;
    private int deltas;
    private long firstArrivalMs = -1;
    private double accumulatedDelay;
    private double smoothedDelay;
    private double previousTrend;
    private double threshold = 12.5;
    private long lastThresholdUpdateMs = -1;
    private double timeOverUsing = -1;
    private int overuseCounter;
    private BandwidthUsage usage = BandwidthUsage.NORMAL;

    /** One completed group: how long after the previous it was sent and arrived. */
    BandwidthUsage update(double sendDeltaMs, double arrivalDeltaMs, long arrivalTimeMs) {
        deltas = Math.min(deltas + 1, 1000);
        if (firstArrivalMs == -1) {
            firstArrivalMs = arrivalTimeMs;
        }
        accumulatedDelay += arrivalDeltaMs - sendDeltaMs;
        smoothedDelay = SMOOTHING * smoothedDelay + (1 - SMOOTHING) * accumulatedDelay;
        xs[head] = arrivalTimeMs - firstArrivalMs;
        ys[head] = smoothedDelay;
        head = (head + 1) % WINDOW;
        size = Math.min(size + 1, WINDOW);
        double trend = size == WINDOW ? slope(previousTrend) : previousTrend;
        detect(trend, sendDeltaMs, arrivalTimeMs);
        return usage;
    }

    BandwidthUsage usage() {
        return usage;
    }

    /** Least-squares slope of delay over time; the previous one when all times are equal. */
    private double slope(double fallback) {
        double sumX = 0;
        double sumY = 0;
        for (int i = 0; i < WINDOW; i++) {
            sumX += xs[i];
            sumY += ys[i];
        }
        double meanX = sumX / WINDOW;
        double meanY = sumY / WINDOW;
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < WINDOW; i++) {
            double dx = xs[i] - meanX;
            numerator += dx * (ys[i] - meanY);
            denominator += dx * dx;
        }
        return denominator == 0 ? fallback : numerator / denominator;
    }

    private void detect(double trend, double sendDeltaMs, long nowMs) {
        if (deltas < 2) {
            usage = BandwidthUsage.NORMAL;
            return;
        }
        double modifiedTrend = Math.min(deltas, MIN_DELTAS) * trend * THRESHOLD_GAIN;
        if (modifiedTrend > threshold) {
            timeOverUsing = timeOverUsing == -1 ? sendDeltaMs / 2 : timeOverUsing + sendDeltaMs;
            overuseCounter++;
            if (timeOverUsing > OVERUSING_TIME_MS && overuseCounter > 1 && trend >= previousTrend) {
                timeOverUsing = 0;
                overuseCounter = 0;
                usage = BandwidthUsage.OVERUSING;
            }
        } else if (modifiedTrend < -threshold) {
            timeOverUsing = -1;
            overuseCounter = 0;
            usage = BandwidthUsage.UNDERUSING;
        } else {
            timeOverUsing = -1;
            overuseCounter = 0;
            usage = BandwidthUsage.NORMAL;
        }
        previousTrend = trend;
        updateThreshold(modifiedTrend, nowMs);
    }

    private void updateThreshold(double modifiedTrend, long nowMs) {
        if (lastThresholdUpdateMs == -1) {
            lastThresholdUpdateMs = nowMs;
        }
        double magnitude = Math.abs(modifiedTrend);
        if (magnitude > threshold + MAX_ADAPT_OFFSET_MS) {
            // A spike (e.g. a route change) must not drag the threshold along.
            lastThresholdUpdateMs = nowMs;
            return;
        }
        double k = magnitude < threshold ? K_DOWN : K_UP;
        long elapsedMs = Math.min(nowMs - lastThresholdUpdateMs, 100);
        threshold += k * (magnitude - threshold) * elapsedMs;
        threshold = Math.max(6, Math.min(600, threshold));
        lastThresholdUpdateMs = nowMs;
    }
}
