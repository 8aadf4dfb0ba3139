package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.bwe.PaddingBudget;
import io.jmediasoup.rtp.bwe.ProbeController;
import io.jmediasoup.rtp.bwe.ProbationPacketWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Pads a transport's media with probation packets (ssrc 1234) up to the estimate while its
 * consumers want more, as the C++ worker's pacer does: media held down to fit the estimate
 * never shows that the path can carry more, padding does. Every few seconds meanwhile a probe
 * cluster at twice the estimate shows whether the path carries that much at once. Once the
 * path is up, two initial clusters go out whatever the consumers want, as the C++ worker's do.
 */
final class Probator {
    private static final long INTERVAL_MS = 20;
    private static final int PACKET_SIZE = 1200;

    /** Numbers a probation packet for transport-cc (in probe cluster {@code probeCluster}, -1 for none) and sends it; lent for the call. */
    interface Sender {
        void sendProbationPacket(RtpPacket packet, int probeCluster);
    }

    private final Shared shared;
    private final Sender sender;
    private final PaddingBudget budget = new PaddingBudget();
    private final ProbeController probes = new ProbeController();
    private final ProbationPacketWriter writer = new ProbationPacketWriter(
            HeaderExtensionMap.MID, HeaderExtensionMap.ABS_SEND_TIME, HeaderExtensionMap.TRANSPORT_WIDE_CC);
    private final RtpPacket packet = new RtpPacket();
    private long targetBitrate;
    private long maxBitrate;
    private ScheduledFuture<?> timer;

    Probator(Shared shared, Sender sender) {
        this.shared = shared;
        this.sender = sender;
    }

    void mediaSent(int bytes) {
        budget.mediaSent(bytes);
    }

    /**
     * Media plus padding should reach {@code bitrate} (bps), the estimate; 0 stops padding.
     * Probes go no higher than {@code maxBitrate}, what the consumers could use.
     */
    void setTargetBitrate(long bitrate, long maxBitrate) {
        targetBitrate = bitrate;
        this.maxBitrate = maxBitrate;
        if (bitrate > 0) {
            startTimer();
        } else if (!probes.probing()) {
            stop();
        }
    }

    /**
     * The path is up: the initial probe clusters go out whatever the consumers want (libwebrtc's
     * initial exponential probing, {@link ProbeController#probeInitially}).
     */
    void probeInitially(long startBitrate, long maxBitrate) {
        probes.probeInitially(startBitrate, maxBitrate);
        startTimer();
    }

    private void startTimer() {
        if (timer == null) {
            budget.paddingBytes(0, shared.nowMs());
            timer = shared.loop().scheduleAtFixedRate(this::onTimer, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
        }
    }

    void stop() {
        targetBitrate = 0;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void onTimer() {
        long nowMs = shared.nowMs();
        send(budget.paddingBytes(targetBitrate, nowMs), -1);
        send(probes.probeBytes(targetBitrate, maxBitrate, targetBitrate > 0, nowMs), probes.cluster());
        if (targetBitrate <= 0 && !probes.probing()) {
            stop();
        }
    }

    private void send(int bytes, int probeCluster) {
        while (bytes >= ProbationPacketWriter.HEADER_SIZE) {
            int size = Math.min(bytes, PACKET_SIZE);
            bytes -= size;
            ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(size);
            try {
                writer.write(buffer, size);
                if (packet.parse(buffer)) {
                    sender.sendProbationPacket(packet, probeCluster);
                }
            } finally {
                buffer.release();
            }
        }
    }
}
