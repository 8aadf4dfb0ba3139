package io.jmediasoup.worker.rtc;

import com.google.gson.JsonObject;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.bwe.SendSideBandwidthEstimator;
import io.jmediasoup.rtp.rtcp.CompoundPacketReader;
import io.jmediasoup.rtp.rtcp.TransportFeedback;

/**
 * A transport's send side of congestion control (the C++ worker's
 * TransportCongestionControlClient). With transport-cc, each video packet to a consumer that
 * negotiated it gets the next transport-wide sequence number in its extension, and the remote
 * receiver's feedback drives a {@link SendSideBandwidthEstimator}. With REMB only, the
 * receiver's own estimate is taken as it comes.
 */
final class TransportCcClient {
    /** What the C++ worker's client never goes below. */
    private static final long MIN_BITRATE = 30_000;
    /** The cap while the application sets none (setMaxOutgoingBitrate with 0 lifts it). */
    private static final long NO_MAX_BITRATE = 100_000_000;
    static final long AVAILABLE_BITRATE_EVENT_INTERVAL_MS = 2000;

    private final SendSideBandwidthEstimator estimator;
    private final boolean transportCc;
    private long maxBitrate;
    private long rembBitrate = -1;
    private final TransportFeedback feedback = new TransportFeedback();
    private int nextSequenceNumber = 1;
    private boolean availableBitrateEventEmitted;
    private long availableBitrateEventAtMs;

    TransportCcClient(long initialBitrate, long maxBitrate, boolean transportCc) {
        this.transportCc = transportCc;
        this.maxBitrate = maxBitrate > 0 ? maxBitrate : NO_MAX_BITRATE;
        estimator = new SendSideBandwidthEstimator(Math.min(initialBitrate, this.maxBitrate), MIN_BITRATE, this.maxBitrate);
    }

    /** Numbers the packet, if it has room for the extension, and notes its departure. */
    void packetSent(RtpPacket packet, long nowMs) {
        probePacketSent(packet, -1, nowMs);
    }

    /** Like {@link #packetSent} for a packet of probe cluster {@code probeCluster} (-1 for none). */
    void probePacketSent(RtpPacket packet, int probeCluster, long nowMs) {
        int id = HeaderExtensionMap.TRANSPORT_WIDE_CC;
        if (transportCc && packet.hasExtension(id) && packet.extensionLength(id) == 2) {
            int sequenceNumber = nextSequenceNumber;
            nextSequenceNumber = (nextSequenceNumber + 1) & 0xFFFF;
            packet.buffer().setShort(packet.extensionIndex(id), sequenceNumber);
            if (probeCluster >= 0) {
                estimator.onProbePacketSent(sequenceNumber, packet.size(), nowMs, probeCluster);
            } else {
                estimator.onPacketSent(sequenceNumber, packet.size(), nowMs);
            }
        }
    }

    /** The remote receiver's transport-cc feedback; false when it is malformed or REMB is in use. */
    boolean receiveFeedback(CompoundPacketReader reader, long nowMs) {
        if (!transportCc || !feedback.parse(reader)) {
            return false;
        }
        estimator.onTransportFeedback(feedback, nowMs);
        return true;
    }

    /** The receiver's REMB (bps); false when this client estimates by transport-cc and ignores it. */
    boolean receiveRemb(long bitrate) {
        if (transportCc) {
            return false;
        }
        rembBitrate = bitrate;
        return true;
    }

    void setRtt(long rttMs) {
        estimator.onRtt(rttMs);
    }

    void setMaxBitrate(long maxBitrate) {
        this.maxBitrate = maxBitrate > 0 ? maxBitrate : NO_MAX_BITRATE;
        estimator.setMaxBitrate(this.maxBitrate);
    }

    /**
     * The "info" of a "bwe" trace event, with the C++ worker's fields: its maximum is the
     * desired bitrate plus 35 % (at least the initial estimate, at most the application's
     * cap), its padding goes up to 85 % of that.
     */
    JsonObject bweTraceInfo(long desiredBitrate, long initialBitrate) {
        long max = desiredBitrate > 0 ? Math.max(initialBitrate, desiredBitrate * 135 / 100) : initialBitrate;
        max = Math.min(max, maxBitrate);
        JsonObject info = new JsonObject();
        info.addProperty("desiredBitrate", desiredBitrate);
        info.addProperty("effectiveDesiredBitrate", desiredBitrate);
        info.addProperty("minBitrate", MIN_BITRATE);
        info.addProperty("maxBitrate", max);
        info.addProperty("startBitrate", Math.max(MIN_BITRATE, availableBitrate()));
        info.addProperty("maxPaddingBitrate", max * 85 / 100);
        info.addProperty("availableBitrate", availableBitrate());
        info.addProperty("type", transportCc ? "transport-cc" : "remb");
        return info;
    }

    /** Whether the estimate comes from transport-cc feedback rather than the receiver's REMB. */
    boolean usesTransportCc() {
        return transportCc;
    }

    /**
     * Whether the estimate, {@code previousBitrate} before the feedback just taken, should be
     * shared out again (the C++ worker's available-bitrate event): the first time, then every
     * {@link #AVAILABLE_BITRATE_EVENT_INTERVAL_MS}, or at once after a fall below three
     * quarters or a rise above one and a half times.
     */
    boolean availableBitrateEventDue(long previousBitrate, long nowMs) {
        long available = availableBitrate();
        return !availableBitrateEventEmitted || nowMs - availableBitrateEventAtMs >= AVAILABLE_BITRATE_EVENT_INTERVAL_MS
                || available * 4 < previousBitrate * 3 || available * 2 > previousBitrate * 3;
    }

    /** The estimate was just shared out: the interval starts again. */
    void availableBitrateEventEmitted(long nowMs) {
        availableBitrateEventEmitted = true;
        availableBitrateEventAtMs = nowMs;
    }

    long availableBitrate() {
        if (!transportCc && rembBitrate >= 0) {
            return Math.max(MIN_BITRATE, Math.min(maxBitrate, rembBitrate));
        }
        return estimator.availableBitrate();
    }
}
