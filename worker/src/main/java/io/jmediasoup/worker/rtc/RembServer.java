package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.bwe.ReceiveSideBandwidthEstimator;
import io.jmediasoup.worker.rtc.params.RtpParameters;

/**
 * A transport's receive side of REMB (the C++ worker's TransportCongestionControlServer for
 * goog-remb): the bandwidth towards us is estimated from the abs-send-time of each packet
 * ({@link ReceiveSideBandwidthEstimator}) and told to the sender in REMBs, capped by the
 * maximum incoming bitrate.
 */
final class RembServer {
    /** SSRCs a REMB names at most: those of the streams seen in the last two seconds. */
    private static final int MAX_SSRCS = 16;
    private static final long SSRC_TIMEOUT_MS = 2000;

    private final Shared shared;
    private final Producer.RtcpSender sender;
    private final int extensionId;
    private final ReceiveSideBandwidthEstimator estimator = new ReceiveSideBandwidthEstimator();
    private final long[] ssrcs = new long[MAX_SSRCS];
    private final long[] ssrcSeenMs = new long[MAX_SSRCS];
    private final long[] rembSsrcs = new long[MAX_SSRCS];
    private int ssrcCount;
    private long maxIncomingBitrate;

    private RembServer(Shared shared, Producer.RtcpSender sender, int extensionId) {
        this.shared = shared;
        this.sender = sender;
        this.extensionId = extensionId;
    }

    /**
     * The server a producer's parameters ask for: goog-remb in a codec's RTCP feedback and the
     * abs-send-time extension under {@code extensionId} (0 when absent); null when not.
     */
    static RembServer forProducer(Shared shared, Producer.RtcpSender sender, RtpParameters rtpParameters,
            int extensionId) {
        return extensionId != 0 && rtpParameters.hasRtcpFeedback("goog-remb") ? new RembServer(shared, sender, extensionId) : null;
    }

    /** Takes the packet's abs-send-time, if it has one; read before its extensions are remapped. */
    void packetReceived(RtpPacket packet) {
        if (!packet.hasExtension(extensionId) || packet.extensionLength(extensionId) != 3) {
            return;
        }
        long nowMs = shared.nowMs();
        seen(packet.ssrc(), nowMs);
        int absSendTime = packet.buffer().getUnsignedMedium(packet.extensionIndex(extensionId));
        if (estimator.incomingPacket(nowMs, packet.payloadLength(), absSendTime)) {
            long bitrate = estimator.estimate();
            sendRemb(maxIncomingBitrate != 0 ? Math.min(bitrate, maxIncomingBitrate) : bitrate, nowMs);
        }
    }

    /** transport.setMaxIncomingBitrate: lifting it (0) is told at once, as a REMB of 0. */
    void setMaxIncomingBitrate(long bitrate) {
        long previous = maxIncomingBitrate;
        maxIncomingBitrate = bitrate;
        if (previous != 0 && bitrate == 0) {
            sendRemb(0, shared.nowMs());
        }
    }

    /** The estimate (bps); 0 before there is one. */
    long availableBitrate() {
        return estimator.estimate();
    }

    private void seen(long ssrc, long nowMs) {
        int oldest = 0;
        for (int i = 0; i < ssrcCount; i++) {
            if (ssrcs[i] == ssrc) {
                ssrcSeenMs[i] = nowMs;
                return;
            }
            if (ssrcSeenMs[i] < ssrcSeenMs[oldest]) {
                oldest = i;
            }
        }
        int slot = ssrcCount < MAX_SSRCS ? ssrcCount++ : oldest;
        ssrcs[slot] = ssrc;
        ssrcSeenMs[slot] = nowMs;
    }

    private void sendRemb(long bitrate, long nowMs) {
        int count = 0;
        for (int i = 0; i < ssrcCount; i++) {
            if (nowMs - ssrcSeenMs[i] <= SSRC_TIMEOUT_MS) {
                rembSsrcs[count++] = ssrcs[i];
            }
        }
        sender.sendRemb(bitrate, rembSsrcs, count);
    }
}
