package io.jmediasoup.rtp.bwe;

import io.jmediasoup.rtp.rtcp.TransportFeedback;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayDeque;

/**
 * A sender pacing 1200-byte packets at the estimator's rate (or, application-limited, at the
 * highest of its layers that fits the estimate, optionally padded up to it) through a bottleneck of a given
 * capacity (a FIFO queue: delay grows when the sender outruns it), with optional loss, and a
 * receiver sending transport-cc feedback every 100 ms. Time is simulated in 5 ms steps.
 */
final class SimulatedPath {
    private static final int PACKET_SIZE = 1200;
    private static final long STEP_MS = 5;
    private static final long FEEDBACK_INTERVAL_MS = 100;
    private static final long PROPAGATION_MS = 20;

    private record InFlight(int sequenceNumber, double arrivalMs) {}

    final SendSideBandwidthEstimator estimator;
    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    private final TransportFeedback builder = new TransportFeedback();
    private final TransportFeedback parsed = new TransportFeedback();
    private long nowMs = 1_000;
    private double budgetBytes;
    private double queueFreeAtMs;
    private int nextSequenceNumber = 65000;
    private int feedbackBase = nextSequenceNumber;
    private boolean feedbackStarted;
    private int feedbackCount;
    private long nextFeedbackMs = nowMs + FEEDBACK_INTERVAL_MS;
    private long capacityBps;
    private int loseOneIn;
    private long[] layers;
    private boolean padding;
    private final PaddingBudget paddingBudget = new PaddingBudget();
    private final ProbeController probes = new ProbeController();
    private boolean probing;

    SimulatedPath(SendSideBandwidthEstimator estimator, long capacityBps) {
        this.estimator = estimator;
        this.capacityBps = capacityBps;
    }

    void setCapacity(long capacityBps) {
        this.capacityBps = capacityBps;
    }

    /** Every {@code n}th packet is lost on the path; 0 for none. */
    void setLoseOneIn(int n) {
        this.loseOneIn = n;
    }

    /**
     * From now the sender is application-limited: it sends the highest of {@code layerBitrates}
     * (ascending) that fits the estimate, the lowest when none does, and with {@code padding}
     * pads up to the estimate while the top layer (with a 15 % margin) does not fit.
     */
    void sendLayers(long[] layerBitrates, boolean padding) {
        this.layers = layerBitrates;
        this.padding = padding;
    }

    /** With padding, also a probe cluster every {@link ProbeController#INTERVAL_MS}. */
    void probe() {
        this.probing = true;
    }

    /** The layer the application-limited sender sends now. */
    long layerBitrate() {
        long estimate = estimator.availableBitrate();
        long chosen = layers[0];
        for (long layer : layers) {
            if (layer <= estimate) {
                chosen = layer;
            }
        }
        return chosen;
    }

    /** Runs for {@code durationMs}; returns the estimate at the end. */
    long run(long durationMs) {
        long end = nowMs + durationMs;
        while (nowMs < end) {
            nowMs += STEP_MS;
            send();
            if (nowMs >= nextFeedbackMs) {
                feedback();
                nextFeedbackMs += FEEDBACK_INTERVAL_MS;
            }
        }
        return estimator.availableBitrate();
    }

    private void send() {
        long estimate = estimator.availableBitrate();
        budgetBytes += (layers == null ? estimate : layerBitrate()) * STEP_MS / 8000.0;
        budgetBytes = Math.min(budgetBytes, 10 * PACKET_SIZE);
        while (budgetBytes >= PACKET_SIZE) {
            budgetBytes -= PACKET_SIZE;
            sendPacket(PACKET_SIZE);
            paddingBudget.mediaSent(PACKET_SIZE);
        }
        if (layers != null) {
            boolean wantsMore = padding && layers[layers.length - 1] * 115 / 100 > estimate;
            int paddingBytes = paddingBudget.paddingBytes(wantsMore ? estimate : 0, nowMs);
            while (paddingBytes >= ProbationPacketWriter.HEADER_SIZE) {
                int size = Math.min(paddingBytes, PACKET_SIZE);
                paddingBytes -= size;
                sendPacket(size);
            }
            long max = layers[layers.length - 1] * 135 / 100;
            int probeBytes = probing ? probes.probeBytes(estimate, max, wantsMore, nowMs) : 0;
            while (probeBytes >= ProbationPacketWriter.HEADER_SIZE) {
                int size = Math.min(probeBytes, PACKET_SIZE);
                probeBytes -= size;
                sendPacket(size, probes.cluster());
            }
        }
    }

    private void sendPacket(int size) {
        sendPacket(size, -1);
    }

    private void sendPacket(int size, int probeCluster) {
        int sequenceNumber = nextSequenceNumber;
        nextSequenceNumber = (nextSequenceNumber + 1) & 0xFFFF;
        if (probeCluster >= 0) {
            estimator.onProbePacketSent(sequenceNumber, size, nowMs, probeCluster);
        } else {
            estimator.onPacketSent(sequenceNumber, size, nowMs);
        }
        if (loseOneIn > 0 && sequenceNumber % loseOneIn == 0) {
            return;
        }
        queueFreeAtMs = Math.max(queueFreeAtMs, nowMs) + size * 8000.0 / capacityBps;
        inFlight.add(new InFlight(sequenceNumber, queueFreeAtMs + PROPAGATION_MS));
    }

    /** Reports every packet from the last base to the newest one arrived; the ones missing are lost. */
    private void feedback() {
        boolean any = false;
        while (!inFlight.isEmpty() && inFlight.peek().arrivalMs <= nowMs) {
            InFlight packet = inFlight.poll();
            long arrivalUs = (long) (packet.arrivalMs * 1000);
            if (!feedbackStarted) {
                builder.reset(1, 2, feedbackBase, feedbackCount++, arrivalUs);
                feedbackStarted = true;
            }
            if (!builder.addReceived(packet.sequenceNumber, arrivalUs)) {
                deliver();
                feedbackBase = packet.sequenceNumber;
                builder.reset(1, 2, feedbackBase, feedbackCount++, arrivalUs);
                builder.addReceived(packet.sequenceNumber, arrivalUs);
            }
            any = true;
        }
        if (any) {
            deliver();
        }
    }

    private void deliver() {
        ByteBuf out = Unpooled.buffer();
        try {
            builder.write(out);
            if (!parsed.parse(out, 0, out.readableBytes())) {
                throw new AssertionError("feedback we built does not parse");
            }
            estimator.onTransportFeedback(parsed, nowMs);
        } finally {
            out.release();
        }
        feedbackBase = (builder.baseSequenceNumber() + builder.packetStatusCount()) & 0xFFFF;
        feedbackStarted = false;
    }

    /** The queueing delay a packet sent now would see. */
    double queueDelayMs() {
        return Math.max(0, queueFreeAtMs - nowMs);
    }
}
