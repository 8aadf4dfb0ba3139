package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.rtcp.CompoundPacketReader;
import io.jmediasoup.worker.LogTag;
import io.jmediasoup.worker.messages.TransportEvent;
import io.jmediasoup.worker.messages.TransportOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A transport's sending side of congestion control, as the C++ worker's Transport drives its
 * TransportCongestionControlClient: from the first video consumer that negotiated transport-cc
 * or REMB on, the estimate from the remote receiver's feedback ({@link TransportCcClient}) is
 * shared out among the layered consumers, and probation padding ({@link Probator}) goes out while
 * they want more than it.
 */
final class OutgoingBitrateControl {
    /** The transport's side: probation packets go out on its connection. */
    interface Sender {
        /** Sends a probation packet (ssrc 1234) on the transport's connection; lent for the call. */
        void sendProbationPacket(RtpPacket packet);
    }

    /**
     * Padding goes on while the consumers' desired bitrate times this (in percent) exceeds the
     * estimate: the C++ worker allows up to 1.35 times the desired rate and pads to 85 % of it.
     */
    private static final long PADDING_MARGIN_PERCENT = 115;
    /** Probes go up to the desired bitrate times this (in percent), the C++ worker's maximum. */
    private static final long MAX_BITRATE_PERCENT = 135;
    private static final long TIMER_INTERVAL_MS = 250;
    /** 3.32's congestion controller updates its target this often. */
    private static final long TIMER_INTERVAL_332_MS = 100;
    /** The C++ worker's initial estimate when the application gives none. */
    private static final long DEFAULT_INITIAL_BITRATE = 600_000;

    private final String transportId;
    private final Shared shared;
    private final Sender sender;
    /** The transport's consumers, a live view. */
    private final Collection<Consumer> consumers;
    private final TraceEventTypes traceEventTypes;
    /** Whether the transport estimates at all (3.32's enableBwe). */
    private final boolean enabled;
    /** Whether the limits follow 3.32's bounds ({@link BweLimits}), else 3.8's (as given, 0 for none). */
    private final boolean clampedLimits;
    /**
     * Whether a "bwe" trace tells of every change of the estimate, as 3.32's worker does, whose
     * controller also updates it every 100 ms (a floor raises it then); else of each 2 s round.
     */
    private final boolean tracedOnEveryChange;
    /** The estimate the last "bwe" trace told of under 3.32; -1 before the first one. */
    private long tracedBitrate = -1;
    /** The estimate to start from: the application's initialAvailableOutgoingBitrate, else the C++ worker's default. */
    private long startBitrate;
    private long maxOutgoingBitrate;
    private long minOutgoingBitrate;
    private boolean connected;
    /** Bandwidth estimation from the remote receiver's feedback, once a consumer negotiated transport-cc or REMB. */
    private TransportCcClient tccClient;
    /** Probation (ssrc 1234) once there is an estimate. */
    private Probator probator;
    /** Whether the initial probe clusters went, the first time both the estimate and the path were there. */
    private boolean probedInitially;
    /**
     * While connected with an estimate: moves it within the limits set since the last feedback
     * and shares it out when due, even when no feedback comes (the C++ worker's process timer).
     */
    private ScheduledFuture<?> timer;

    /** With the application's options: a null bitrate when it gave none. */
    OutgoingBitrateControl(String transportId, Shared shared, Sender sender, Collection<Consumer> consumers,
            TraceEventTypes traceEventTypes, TransportOptions options) {
        this.transportId = transportId;
        this.shared = shared;
        this.sender = sender;
        this.consumers = consumers;
        this.traceEventTypes = traceEventTypes;
        this.enabled = options.bwe().enabled();
        this.clampedLimits = options.bwe().clampedLimits();
        this.tracedOnEveryChange = options.bwe().tracedOnEveryChange();
        Long initialBitrate = options.initialAvailableOutgoingBitrate();
        Long minBitrate = options.minOutgoingBitrate();
        Long maxBitrate = options.maxOutgoingBitrate();
        if (clampedLimits) {
            startBitrate = initialBitrate != null ? BweLimits.bounded(initialBitrate) : DEFAULT_INITIAL_BITRATE;
            minOutgoingBitrate = minBitrate != null ? BweLimits.bounded(minBitrate) : BweLimits.ABSOLUTE_MIN_BITRATE;
            maxOutgoingBitrate = maxBitrate != null ? BweLimits.bounded(maxBitrate) : BweLimits.ABSOLUTE_MAX_BITRATE;
            fixLimits();
        } else {
            startBitrate = initialBitrate != null && initialBitrate != 0 ? initialBitrate : DEFAULT_INITIAL_BITRATE;
            minOutgoingBitrate = minBitrate != null ? minBitrate : 0;
            maxOutgoingBitrate = maxBitrate != null ? maxBitrate : 0;
        }
    }

    /** 3.32: the maximum is raised to the minimum, and the start moved between them. */
    private void fixLimits() {
        maxOutgoingBitrate = Math.max(maxOutgoingBitrate, minOutgoingBitrate);
        startBitrate = Math.max(minOutgoingBitrate, Math.min(startBitrate, maxOutgoingBitrate));
    }

    /** Whether a video consumer negotiated transport-cc or REMB, so that there is an estimate. */
    boolean active() {
        return tccClient != null;
    }

    long availableBitrate() {
        return tccClient.availableBitrate();
    }

    /** The loss the remote receiver's transport-cc feedback tells of ({@link io.jmediasoup.rtp.bwe.PacketLossHistory}); 0 with REMB. */
    double packetLoss() {
        return tccClient.packetLoss();
    }

    /**
     * A consumer is being added (not among the transport's consumers yet). The first that
     * negotiated transport-cc or REMB starts the estimation, and from then on the estimate
     * chooses the layers of every layered consumer.
     */
    void consumerAdded(Consumer consumer) {
        if (!enabled) {
            return;
        }
        if (tccClient == null && (consumer.transportWideCc || consumer.remb)) {
            tccClient = new TransportCcClient(startBitrate, minOutgoingBitrate, appliedMaxOutgoingBitrate(),
                    consumer.transportWideCc);
            if (TransportCcClient.RECORD_DIRECTORY != null) {
                recordBwe();
            }
            probator = new Probator(shared, this::sendProbationPacket);
            consumers.forEach(OutgoingBitrateControl::manageBitrate);
            startTimer();
            mayProbeInitially();
        }
        if (tccClient != null) {
            manageBitrate(consumer);
        }
    }

    /** From now on the estimate chooses a layered consumer's layers. */
    private static void manageBitrate(Consumer consumer) {
        if (consumer instanceof LayeredConsumer layered) {
            layered.manageBitrate();
        }
    }

    /** The application's cap (3.32: within its bounds), or null when 3.8's application set none. */
    Long maxOutgoingBitrate() {
        return maxOutgoingBitrate != 0 ? maxOutgoingBitrate : null;
    }

    /** The application's floor (3.32: within its bounds), or null when 3.8's application set none. */
    Long minOutgoingBitrate() {
        return minOutgoingBitrate != 0 ? minOutgoingBitrate : null;
    }

    /** transport.setMinOutgoingBitrate: the estimate, and so what the consumers are given, stays above it; 0 lifts it. */
    void setMinOutgoingBitrate(long bitrate) {
        if (clampedLimits) {
            minOutgoingBitrate = BweLimits.minimum(bitrate);
            fixLimits();
        } else {
            minOutgoingBitrate = bitrate;
        }
        applyLimits();
    }

    /** transport.setMaxOutgoingBitrate: 0 lifts it. */
    void setMaxOutgoingBitrate(long bitrate) {
        if (clampedLimits) {
            maxOutgoingBitrate = BweLimits.maximum(bitrate);
            fixLimits();
        } else {
            maxOutgoingBitrate = bitrate;
        }
        applyLimits();
    }

    /** The cap the estimator applies: none for 3.32's unset (lifted) one. */
    private long appliedMaxOutgoingBitrate() {
        return clampedLimits && maxOutgoingBitrate == BweLimits.ABSOLUTE_MAX_BITRATE ? 0 : maxOutgoingBitrate;
    }

    /** New limits: the estimate they make is shared out at once (3.32 traces it when they changed it). */
    private void applyLimits() {
        if (tccClient != null) {
            tccClient.setMinBitrate(minOutgoingBitrate);
            tccClient.setMaxBitrate(appliedMaxOutgoingBitrate(), shared.nowMs());
            distributeAvailableBitrate();
            if (tracedOnEveryChange) {
                mayTraceChange();
            }
        }
    }

    void transportConnected() {
        connected = true;
        startTimer();
        mayProbeInitially();
    }

    /** libwebrtc's initial probing, once the network is available with an estimate (the C++ worker's client). */
    private void mayProbeInitially() {
        if (probator != null && connected && !probedInitially) {
            probedInitially = true;
            probator.probeInitially(startBitrate, appliedMaxOutgoingBitrate());
        }
    }

    void transportDisconnected() {
        connected = false;
        if (probator != null) {
            probator.stop();
        }
        stopTimer();
    }

    private void startTimer() {
        if (tccClient != null && connected && timer == null) {
            long intervalMs = tracedOnEveryChange ? TIMER_INTERVAL_332_MS : TIMER_INTERVAL_MS;
            timer = shared.loop().scheduleAtFixedRate(this::onTimer, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        }
    }

    private void stopTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void onTimer() {
        long previousBitrate = tccClient.availableBitrate();
        tccClient.applyLimits();
        mayShareAvailableBitrate(previousBitrate);
    }

    /** A consumer's packet is about to go out: it gets its transport-wide sequence number if it negotiated transport-cc. */
    void packetSending(Consumer consumer, RtpPacket packet) {
        if (tccClient != null && consumer.transportWideCc) {
            tccClient.packetSent(packet, shared.nowMs());
        }
    }

    /** A consumer's packet of {@code size} bytes went out: padding fills only what media leaves. */
    void packetSent(int size) {
        if (probator != null) {
            probator.mediaSent(size);
        }
    }

    private void sendProbationPacket(RtpPacket packet, int probeCluster) {
        if (!connected) {
            return;
        }
        packet.updateAbsSendTime(HeaderExtensionMap.ABS_SEND_TIME, shared.nowMs());
        tccClient.probePacketSent(packet, probeCluster, shared.nowMs());
        emitProbationTrace(packet);
        sender.sendProbationPacket(packet);
    }

    private void emitProbationTrace(RtpPacket packet) {
        if (traceEventTypes.isEnabled("probation")) {
            shared.emit(transportId, new TransportEvent.ProbationTrace(shared.nowMs(),
                    RtpTraceEvents.packetDump(packet, RtpExtensionIds.ROUTER)));
        }
    }

    /** The remote receiver's transport-cc feedback. */
    void receiveTransportFeedback(CompoundPacketReader reader) {
        if (tccClient == null) {
            return;
        }
        long previousBitrate = tccClient.availableBitrate();
        if (tccClient.receiveFeedback(reader, shared.nowMs())) {
            outgoingBitrateEstimated(previousBitrate);
        }
    }

    /** The remote receiver's REMB, its estimate in bps. */
    void receiveRemb(long bitrate) {
        if (tccClient == null) {
            return;
        }
        long previousBitrate = tccClient.availableBitrate();
        if (tccClient.receiveRemb(bitrate)) {
            outgoingBitrateEstimated(previousBitrate);
        }
    }

    /** A round-trip time a receiver report gave for one of the consumers' streams. */
    void receiveRtt(long rttMs) {
        if (tccClient != null) {
            tccClient.setRtt(rttMs, shared.nowMs());
        }
    }

    /**
     * The outgoing estimate was {@code previousBitrate} before the feedback just taken: padding
     * follows it at once; the layers and a "bwe" trace event follow when the C++ worker would
     * tell of a new estimate.
     */
    private void outgoingBitrateEstimated(long previousBitrate) {
        if (!mayShareAvailableBitrate(previousBitrate)) {
            updateProbation();
        }
    }

    /**
     * The C++ worker's available-bitrate event, when {@link TransportCcClient#availableBitrateEventDue}
     * says so: the estimate shared out (padding updated with it) and a "bwe" trace event, which
     * 3.32 sends on every change of the estimate instead. Returns whether it was due.
     */
    private boolean mayShareAvailableBitrate(long previousBitrate) {
        boolean due = tccClient.availableBitrateEventDue(previousBitrate, shared.nowMs());
        if (due) {
            distributeAvailableBitrate();
        }
        if (tracedOnEveryChange) {
            mayTraceChange();
        } else if (due) {
            emitBweTrace();
        }
        return due;
    }

    /** 3.32: a "bwe" trace when the estimate is not the one the last trace told of. */
    private void mayTraceChange() {
        long available = tccClient.availableBitrate();
        if (available != tracedBitrate) {
            tracedBitrate = available;
            emitBweTrace();
        }
    }

    private void emitBweTrace() {
        if (traceEventTypes.isEnabled("bwe")) {
            shared.emit(transportId, tccClient.bweTrace(shared.nowMs(), desiredBitrate(), startBitrate,
                    maxOutgoingBitrate));
        }
    }

    /** What the active layered consumers would send at their preferred layers (bps). */
    private long desiredBitrate() {
        long desired = 0;
        for (Consumer consumer : consumers) {
            if (consumer instanceof LayeredConsumer layered) {
                desired += layered.desiredBitrate();
            }
        }
        return desired;
    }

    /** While what the consumers want (with the C++ worker's margin) exceeds the estimate, pads up to it so that it can grow. */
    private void updateProbation() {
        if (probator == null) {
            return;
        }
        long desired = desiredBitrate();
        boolean wantsMore = connected && desired * PADDING_MARGIN_PERCENT / 100 > tccClient.availableBitrate();
        probator.setTargetBitrate(wantsMore ? tccClient.availableBitrate() : 0, desired * MAX_BITRATE_PERCENT / 100);
    }

    /** Shares the estimate out among the layered consumers, layer by layer ({@link BitrateDistribution}). */
    private void distributeAvailableBitrate() {
        tccClient.availableBitrateEventEmitted(shared.nowMs());
        List<LayeredConsumer> layered = new ArrayList<>();
        for (Consumer consumer : consumers) {
            if (consumer instanceof LayeredConsumer layeredConsumer) {
                layered.add(layeredConsumer);
            }
        }
        BitrateDistribution.distribute(layered, tccClient.availableBitrate(), !tccClient.usesTransportCc());
        updateProbation();
    }

    /** A layered consumer wants its share recomputed. */
    void consumerNeedsBitrateChange() {
        if (tccClient != null) {
            distributeAvailableBitrate();
        }
    }

    void close() {
        if (tccClient != null) {
            tccClient.close();
        }
        if (probator != null) {
            probator.stop();
        }
        stopTimer();
    }

    /** A debugging aid ({@link TransportCcClient#RECORD_ENV}): a failure is logged and media goes on. */
    private void recordBwe() {
        try {
            if (tccClient.recordInto(TransportCcClient.RECORD_DIRECTORY, transportId, shared.nowMs())) {
                shared.logger().debug(LogTag.BWE, "Transport", "recording the estimator's inputs into "
                        + TransportCcClient.RECORD_DIRECTORY.resolve(transportId + ".bwe"));
            }
        } catch (IOException | RuntimeException e) {
            shared.logger().warn(LogTag.BWE, "Transport", "cannot record the estimator's inputs: " + e);
        }
    }
}
