package io.jmediasoup.rtp.bwe;

/**
 * The delay-based rate of GoogCC (libwebrtc's AimdRateControl): while the path is not
 * overused it grows multiplicatively (8 % a second) until it has once found the link's
 * capacity, then additively near it; on overuse it drops to 85 % of what the receiver
 * acknowledged; while queues drain it holds.
 */
final class AimdRateControl {
    private static final double BETA = 0.85;
    private static final double MULTIPLICATIVE_PER_SECOND = 1.08;
    private static final int FRAMES_PER_SECOND = 30;
    private static final int PACKET_SIZE_BITS = 1200 * 8;

    private enum State { HOLD, INCREASE, DECREASE }

    private long minBitrate;
    private long maxBitrate;
    private long bitrate;
    private State state = State.INCREASE;
    private long lastChangeMs = -1;
    private long rttMs = 200;
    /** The acknowledged rate, averaged over overuses: the link's capacity in kbps, -1 when unknown. */
    private double linkCapacityKbps = -1;
    private double linkDeviationKbps = 0.4;

    AimdRateControl(long initialBitrate, long minBitrate, long maxBitrate) {
        this.bitrate = initialBitrate;
        this.minBitrate = minBitrate;
        this.maxBitrate = maxBitrate;
    }

    void setRtt(long rttMs) {
        this.rttMs = rttMs;
    }

    /** A floor the estimate rises to at once when above it. */
    void setMinBitrate(long minBitrate) {
        this.minBitrate = minBitrate;
        bitrate = Math.max(bitrate, minBitrate);
    }

    void setMaxBitrate(long maxBitrate) {
        this.maxBitrate = maxBitrate;
        bitrate = Math.min(bitrate, maxBitrate);
    }

    long bitrate() {
        return bitrate;
    }

    /** A probe measured what the path carries: taken as it is. */
    long setEstimate(long bitrate, long nowMs) {
        this.bitrate = Math.max(minBitrate, Math.min(maxBitrate, bitrate));
        lastChangeMs = nowMs;
        return this.bitrate;
    }

    /** Applies what the detector concluded; {@code ackedBitrate} is -1 when not yet known. */
    long update(BandwidthUsage usage, long ackedBitrate, long nowMs) {
        switch (usage) {
            case OVERUSING -> state = State.DECREASE;
            case UNDERUSING -> state = State.HOLD;
            case NORMAL -> {
                if (state != State.INCREASE) {
                    state = State.INCREASE;
                    lastChangeMs = nowMs;
                }
            }
        }
        long elapsedMs = lastChangeMs == -1 ? 0 : Math.min(nowMs - lastChangeMs, 1000);
        switch (state) {
            case HOLD -> lastChangeMs = nowMs;
            case INCREASE -> {
                if (ackedBitrate > 0 && linkCapacityKbps > 0 && ackedBitrate > linkUpperBound()) {
                    // Well above what we thought the link could take: it changed, search again.
                    linkCapacityKbps = -1;
                }
                double increase = linkCapacityKbps > 0 ? additiveIncrease(elapsedMs) : multiplicativeIncrease(elapsedMs);
                long next = bitrate + (long) increase;
                if (ackedBitrate > 0) {
                    // Never run far ahead of what actually gets through.
                    long cap = (long) (1.5 * ackedBitrate) + 10_000;
                    if (bitrate < cap) {
                        next = Math.min(next, cap);
                    } else {
                        next = bitrate;
                    }
                }
                bitrate = next;
                lastChangeMs = nowMs;
            }
            case DECREASE -> {
                if (ackedBitrate > 0) {
                    long decreased = (long) (BETA * ackedBitrate);
                    if (decreased > bitrate && linkCapacityKbps > 0) {
                        decreased = (long) (BETA * linkCapacityKbps * 1000);
                    }
                    bitrate = Math.min(bitrate, decreased);
                    updateLinkCapacity(ackedBitrate);
                }
                state = State.HOLD;
                lastChangeMs = nowMs;
            }
        }
        bitrate = Math.max(minBitrate, Math.min(maxBitrate, bitrate));
        return bitrate;
    }

    private double multiplicativeIncrease(long elapsedMs) {
        double alpha = Math.pow(MULTIPLICATIVE_PER_SECOND, elapsedMs / 1000.0);
        return Math.max(bitrate * (alpha - 1), 1000 * elapsedMs / 1000.0);
    }

    /** About one packet per response time (an RTT plus 100 ms), at least 4 kbps per second. */
    private double additiveIncrease(long elapsedMs) {
        double bitsPerFrame = (double) bitrate / FRAMES_PER_SECOND;
        double packetsPerFrame = Math.ceil(bitsPerFrame / PACKET_SIZE_BITS);
        double packetSizeBits = bitsPerFrame / packetsPerFrame;
        double responseTimeS = (rttMs + 100) / 1000.0;
        double perSecond = Math.max(4000, packetSizeBits / responseTimeS);
        return perSecond * elapsedMs / 1000.0;
    }

    /** Three deviations above the capacity, in bps. */
    private double linkUpperBound() {
        return (linkCapacityKbps + 3 * Math.sqrt(linkDeviationKbps * linkCapacityKbps)) * 1000;
    }

    private void updateLinkCapacity(long ackedBitrate) {
        double sampleKbps = ackedBitrate / 1000.0;
        linkCapacityKbps = linkCapacityKbps < 0 ? sampleKbps : 0.95 * linkCapacityKbps + 0.05 * sampleKbps;
        double error = linkCapacityKbps - sampleKbps;
        linkDeviationKbps = 0.95 * linkDeviationKbps + 0.05 * error * error / Math.max(linkCapacityKbps, 1);
        linkDeviationKbps = Math.max(0.4, Math.min(2.5, linkDeviationKbps));
    }
}
