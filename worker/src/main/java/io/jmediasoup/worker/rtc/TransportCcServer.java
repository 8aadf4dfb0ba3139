package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.bwe.LimitationRemb;
import io.jmediasoup.rtp.bwe.PacketLossHistory;
import io.jmediasoup.rtp.bwe.TransportFeedbackGenerator;
import io.jmediasoup.worker.rtc.params.RtpParameters;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A transport's receive side of transport-wide congestion control (the C++ worker's
 * TransportCongestionControlServer for transport-cc): the transport-wide sequence number of
 * each packet that arrives is noted, and every 100 ms while connected the feedback goes to
 * the sender, which estimates its bandwidth from it. A maximum incoming bitrate goes to the
 * sender in REMBs besides ({@link LimitationRemb}).
 */
final class TransportCcServer {
    private static final long FEEDBACK_INTERVAL_MS = 100;
    private static final int FEEDBACK_BUFFER_SIZE = 1500;

    private final Shared shared;
    private final Producer.RtcpSender sender;
    private final int extensionId;
    private final TransportFeedbackGenerator generator = new TransportFeedbackGenerator();
    private final LimitationRemb limitationRemb = new LimitationRemb();
    private final PacketLossHistory packetLoss = new PacketLossHistory();
    private ScheduledFuture<?> timer;

    private TransportCcServer(Shared shared, Producer.RtcpSender sender, int extensionId) {
        this.shared = shared;
        this.sender = sender;
        this.extensionId = extensionId;
    }

    /**
     * The server a producer's parameters ask for: transport-cc in a codec's RTCP feedback and
     * the transport-wide-cc extension under {@code extensionId} (0 when absent); null when not.
     */
    static TransportCcServer forProducer(Shared shared, Producer.RtcpSender sender, RtpParameters rtpParameters,
            int extensionId) {
        return extensionId != 0 && rtpParameters.hasRtcpFeedback("transport-cc") ? new TransportCcServer(shared, sender, extensionId) : null;
    }

    /** Notes the packet's transport-wide sequence number, if it has one; read before its extensions are remapped. */
    void packetReceived(RtpPacket packet) {
        if (packet.hasExtension(extensionId) && packet.extensionLength(extensionId) == 2) {
            int sequenceNumber = packet.buffer().getUnsignedShort(packet.extensionIndex(extensionId));
            generator.packetReceived(sequenceNumber, packet.ssrc(), System.nanoTime() / 1000);
            maySendLimitationRemb();
        }
    }

    /** transport.setMaxIncomingBitrate: 0 lifts the limit. */
    void setMaxIncomingBitrate(long bitrate) {
        if (limitationRemb.setMaxIncomingBitrate(bitrate)) {
            maySendLimitationRemb();
        }
    }

    private void maySendLimitationRemb() {
        long bitrate = limitationRemb.due(shared.nowMs());
        if (bitrate < 0) {
            return;
        }
        sender.sendRemb(bitrate, null, 0);
    }

    /** The weighted loss of the last feedback packets sent ({@link PacketLossHistory}); 0 before any. */
    double packetLoss() {
        return packetLoss.packetLoss();
    }

    void start() {
        if (timer == null) {
            timer = shared.loop().scheduleAtFixedRate(this::sendFeedback, FEEDBACK_INTERVAL_MS, FEEDBACK_INTERVAL_MS,
                    TimeUnit.MILLISECONDS);
        }
    }

    void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void sendFeedback() {
        while (generator.hasPending()) {
            ByteBuf packet = PooledByteBufAllocator.DEFAULT.directBuffer(FEEDBACK_BUFFER_SIZE);
            try {
                if (!generator.writeFeedback(packet)) {
                    return;
                }
                sender.sendRtcp(packet);
                packetLoss.add(generator.lastFeedbackLossRatio());
            } finally {
                packet.release();
            }
        }
    }
}
