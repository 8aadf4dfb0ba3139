package io.jmediasoup.rtp.stream;

import java.util.Arrays;

/**
 * The bitrate of a stream per spatial and temporal layer, as the C++ worker's receiving
 * stream counts it: one rate per layer, and the sums a layered consumer decides by.
 * Packets of layers beyond those announced count in the highest announced one.
 */
public final class LayerBitrates {
    private static final long NEVER = Long.MIN_VALUE / 2;

    private final RateCalculator[][] rates;
    private final long windowMs;
    /** Per spatial layer, when a packet of it was last counted. */
    private final long[] lastCountedMs;

    public LayerBitrates(int spatialLayers, int temporalLayers, long windowMs) {
        this.windowMs = windowMs;
        rates = new RateCalculator[Math.max(1, spatialLayers)][Math.max(1, temporalLayers)];
        lastCountedMs = new long[rates.length];
        Arrays.fill(lastCountedMs, NEVER);
        for (RateCalculator[] spatial : rates) {
            for (int t = 0; t < spatial.length; t++) {
                spatial[t] = new RateCalculator(windowMs);
            }
        }
    }

    public int spatialLayers() {
        return rates.length;
    }

    public int temporalLayers() {
        return rates[0].length;
    }

    /** Counts a packet; true when its spatial layer had no bitrate before it (new, or back after a window of silence). */
    public boolean update(int spatialLayer, int temporalLayer, int size, long nowMs) {
        int s = Math.min(Math.max(spatialLayer, 0), rates.length - 1);
        int t = Math.min(Math.max(temporalLayer, 0), rates[0].length - 1);
        rates[s][t].update(size, nowMs);
        boolean started = nowMs - lastCountedMs[s] >= windowMs;
        lastCountedMs[s] = nowMs;
        return started;
    }

    /** All layers together (bps). */
    public long bitrate(long nowMs) {
        long sum = 0;
        for (int s = 0; s < rates.length; s++) {
            sum += spatialLayerBitrate(nowMs, s);
        }
        return sum;
    }

    /**
     * What a receiver of layers up to {@code spatialLayer}.{@code temporalLayer} needs: every
     * lower spatial layer whole plus this one up to the temporal layer; 0 when that very
     * layer is not being received.
     */
    public long bitrate(long nowMs, int spatialLayer, int temporalLayer) {
        if (rates[spatialLayer][temporalLayer].rate(nowMs) == 0) {
            return 0;
        }
        long sum = 0;
        for (int s = 0; s < spatialLayer; s++) {
            sum += spatialLayerBitrate(nowMs, s);
        }
        for (int t = 0; t <= temporalLayer; t++) {
            sum += rates[spatialLayer][t].rate(nowMs);
        }
        return sum;
    }

    /** Every temporal layer of one spatial layer (bps). */
    public long spatialLayerBitrate(long nowMs, int spatialLayer) {
        long sum = 0;
        for (RateCalculator rate : rates[spatialLayer]) {
            sum += rate.rate(nowMs);
        }
        return sum;
    }

    /** That one layer alone (bps). */
    public long layerBitrate(long nowMs, int spatialLayer, int temporalLayer) {
        return rates[spatialLayer][temporalLayer].rate(nowMs);
    }
}
