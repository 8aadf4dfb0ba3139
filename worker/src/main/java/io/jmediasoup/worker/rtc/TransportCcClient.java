package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.bwe.SendSideBandwidthEstimator;
import io.jmediasoup.rtp.rtcp.CompoundPacketReader;
import io.jmediasoup.rtp.rtcp.TransportFeedback;

/**
 * A transport's send side of transport-wide congestion control (the C++ worker's
 * TransportCongestionControlClient for transport-cc): each video packet to a consumer that
 * negotiated transport-cc gets the next transport-wide sequence number in its extension, and
 * the remote receiver's feedback drives a {@link SendSideBandwidthEstimator}.
 */
final class TransportCcClient {
    /** What the C++ worker's client never goes below. */
    private static final long MIN_BITRATE = 30_000;
    /** The cap while the application sets none (setMaxOutgoingBitrate with 0 lifts it). */
    private static final long NO_MAX_BITRATE = 100_000_000;

    private final SendSideBandwidthEstimator estimator;
    private final TransportFeedback feedback = new TransportFeedback();
    private int nextSequenceNumber = 1;

    TransportCcClient(long initialBitrate, long maxBitrate) {
        long max = maxBitrate > 0 ? maxBitrate : NO_MAX_BITRATE;
        estimator = new SendSideBandwidthEstimator(Math.min(initialBitrate, max), MIN_BITRATE, max);
    }

    /** Numbers the packet, if it has room for the extension, and notes its departure. */
    void packetSent(RtpPacket packet, long nowMs) {
        int id = HeaderExtensionMap.TRANSPORT_WIDE_CC;
        if (packet.hasExtension(id) && packet.extensionLength(id) == 2) {
            int sequenceNumber = nextSequenceNumber;
            nextSequenceNumber = (nextSequenceNumber + 1) & 0xFFFF;
            packet.buffer().setShort(packet.extensionIndex(id), sequenceNumber);
            estimator.onPacketSent(sequenceNumber, packet.size(), nowMs);
        }
    }

    /** The remote receiver's transport-cc feedback; false when it is malformed. */
    boolean receiveFeedback(CompoundPacketReader reader, long nowMs) {
        if (!feedback.parse(reader)) {
            return false;
        }
        estimator.onTransportFeedback(feedback, nowMs);
        return true;
    }

    void setRtt(long rttMs) {
        estimator.onRtt(rttMs);
    }

    void setMaxBitrate(long maxBitrate) {
        estimator.setMaxBitrate(maxBitrate > 0 ? maxBitrate : NO_MAX_BITRATE);
    }

    long availableBitrate() {
        return estimator.availableBitrate();
    }
}
