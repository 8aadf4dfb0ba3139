package io.jmediasoup.rtp.bwe;

import io.jmediasoup.rtp.rtcp.TransportFeedback;

/**
 * A send-side bandwidth estimator in the spirit of libwebrtc's GoogCC, which the C++ worker
 * embeds: the sender numbers its packets transport-wide, the receiver's transport-cc feedback
 * says when each arrived; a trendline of the delay change detects queues building up (delay
 * based, AIMD), and the share of packets lost caps the result (loss based). Sans-I/O: every
 * call carries the current time, so tests drive it with a fake clock.
 */
public final class SendSideBandwidthEstimator {
    private final SentPacketHistory sent = new SentPacketHistory();
    private final InterArrival interArrival = new InterArrival();
    private final TrendlineEstimator trendline = new TrendlineEstimator();
    private final AckedBitrateEstimator ackedBitrate = new AckedBitrateEstimator();
    private final ProbeBitrateEstimator probes = new ProbeBitrateEstimator();
    private final AimdRateControl delayBased;
    private final LossBasedEstimator lossBased;
    private long minBitrate;
    private long maxBitrate;
    private long rttMs = 200;
    private long estimate;

    /** Rates in bits per second. */
    public SendSideBandwidthEstimator(long initialBitrate, long minBitrate, long maxBitrate) {
        this.minBitrate = minBitrate;
        this.maxBitrate = maxBitrate;
        this.delayBased = new AimdRateControl(initialBitrate, minBitrate, maxBitrate);
        this.lossBased = new LossBasedEstimator(initialBitrate);
        this.estimate = initialBitrate;
    }

    /** A packet carrying transport-wide sequence number {@code sequenceNumber} left now. */
    public void onPacketSent(int sequenceNumber, int size, long nowMs) {
        sent.add(sequenceNumber, size, nowMs, -1);
    }

    /** Like {@link #onPacketSent} for a packet of probe cluster {@code probeCluster} (0 or more). */
    public void onProbePacketSent(int sequenceNumber, int size, long nowMs, int probeCluster) {
        sent.add(sequenceNumber, size, nowMs, probeCluster);
    }

    /** The round-trip time, from RTCP receiver reports; it paces decreases and additive increases. */
    public void onRtt(long rttMs) {
        this.rttMs = rttMs;
        delayBased.setRtt(rttMs);
    }

    /**
     * The application's floor (setMinOutgoingBitrate): the estimate read never goes below it, and
     * is raised to it by the next feedback or {@link #applyLimits}, as mediasoup 3.32's target
     * rate controller does; a floor lifted before then leaves the estimate where it was.
     */
    public void setMinBitrate(long minBitrate) {
        this.minBitrate = minBitrate;
        delayBased.setMinBitrate(minBitrate);
    }

    /** Moves the estimate within the floor and the cap (the controller's periodic update without feedback). */
    public void applyLimits() {
        estimate = Math.max(minBitrate, Math.min(maxBitrate, estimate));
    }

    public void setMaxBitrate(long maxBitrate) {
        this.maxBitrate = maxBitrate;
        delayBased.setMaxBitrate(maxBitrate);
        estimate = Math.min(estimate, maxBitrate);
    }

    /** Feedback from the receiver; returns the new estimate in bits per second. */
    public long onTransportFeedback(TransportFeedback feedback, long nowMs) {
        int reported = 0;
        int lost = 0;
        long probeBitrate = -1;
        for (int i = 0; i < feedback.packetStatusCount(); i++) {
            int sequenceNumber = (feedback.baseSequenceNumber() + i) & 0xFFFF;
            if (!sent.contains(sequenceNumber)) {
                continue;
            }
            reported++;
            if (!feedback.received(i)) {
                // It may still arrive and be reported by the next feedback: keep it.
                lost++;
                continue;
            }
            long sendTimeMs = sent.sendTimeMs(sequenceNumber);
            long arrivalTimeMs = Math.floorDiv(feedback.receiveTimeUs(i), 1000);
            ackedBitrate.add(arrivalTimeMs, sent.size(sequenceNumber));
            int probeCluster = sent.probeCluster(sequenceNumber);
            if (probeCluster >= 0) {
                probeBitrate = Math.max(probeBitrate,
                        probes.packetAcknowledged(probeCluster, sendTimeMs, arrivalTimeMs, sent.size(sequenceNumber)));
            }
            sent.remove(sequenceNumber);
            if (interArrival.add(sendTimeMs, arrivalTimeMs)) {
                trendline.update(interArrival.sendDeltaMs(), interArrival.arrivalDeltaMs(), arrivalTimeMs);
            }
        }
        if (reported == 0) {
            return availableBitrate();
        }
        lossBased.addPackets(reported, lost, nowMs);
        long delayBasedRate;
        if (probeBitrate > 0 && trendline.usage() != BandwidthUsage.OVERUSING) {
            // What a probe measured is what the path carries: both estimates take it, up or down
            // (as GoogCC's delay-based estimate and SetSendBitrate do).
            delayBasedRate = delayBased.setEstimate(probeBitrate, nowMs);
            lossBased.setBitrate(delayBasedRate);
        } else {
            delayBasedRate = delayBased.update(trendline.usage(), ackedBitrate.bitrate(), nowMs);
        }
        long lossBasedRate = lossBased.update(delayBasedRate, rttMs, nowMs);
        estimate = Math.max(minBitrate, Math.min(maxBitrate, lossBasedRate));
        return availableBitrate();
    }

    /** The rate the path can carry now, in bits per second: never below the floor. */
    public long availableBitrate() {
        return Math.max(minBitrate, estimate);
    }

    /** What the delay detector last concluded. */
    public BandwidthUsage usage() {
        return trendline.usage();
    }

    public double lossFraction() {
        return lossBased.lossFraction();
    }
}
