package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.bwe.FeedbackRecorder;
import io.jmediasoup.rtp.bwe.PacketLossHistory;
import io.jmediasoup.rtp.bwe.SendSideBandwidthEstimator;
import io.jmediasoup.rtp.rtcp.CompoundPacketReader;
import io.jmediasoup.rtp.rtcp.TransportFeedback;
import io.jmediasoup.rtp.stream.TokenBucket;
import io.jmediasoup.worker.messages.TransportEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A transport's send side of congestion control (the C++ worker's
 * TransportCongestionControlClient). With transport-cc, each video packet to a consumer that
 * negotiated it gets the next transport-wide sequence number in its extension, and the remote
 * receiver's feedback drives a {@link SendSideBandwidthEstimator}. With REMB only, the
 * receiver's own estimate is taken as it comes.
 *
 * <p>With {@value #RECORD_ENV} set to a directory, the estimator's inputs are recorded there,
 * one file per transport, for replaying in tests ({@link FeedbackRecorder}).
 */
final class TransportCcClient {
    /** What the C++ worker's client never goes below unless the application sets another floor. */
    static final long DEFAULT_MIN_BITRATE = 30_000;
    /** The cap while the application sets none (setMaxOutgoingBitrate with 0 lifts it). */
    private static final long NO_MAX_BITRATE = 100_000_000;
    static final long AVAILABLE_BITRATE_EVENT_INTERVAL_MS = 2000;
    /**
     * Packets the receiver's feedback may report per second: some thousands a second for
     * video, so feedback claiming more (which costs a lookup per packet) is dropped.
     */
    static final int MAX_FEEDBACK_STATUSES_PER_SECOND = 65_536;
    static final String RECORD_ENV = "JMEDIASOUP_BWE_RECORD";
    /** Where transports record their estimator's inputs: the directory {@value #RECORD_ENV} names, or null. */
    static final Path RECORD_DIRECTORY = recordDirectory(System.getenv(RECORD_ENV));

    private final SendSideBandwidthEstimator estimator;
    private final long initialBitrate;
    /** Null unless recording: the only cost then is this check per call. */
    private FeedbackRecorder recorder;
    private final boolean transportCc;
    private long minBitrate;
    private long maxBitrate;
    private long rembBitrate = -1;
    private final TransportFeedback feedback = new TransportFeedback();
    private final TokenBucket feedbackStatuses = new TokenBucket(MAX_FEEDBACK_STATUSES_PER_SECOND);
    private final PacketLossHistory packetLoss = new PacketLossHistory();
    private int nextSequenceNumber = 1;
    private boolean availableBitrateEventEmitted;
    private long availableBitrateEventAtMs;

    /** A {@code minBitrate} or {@code maxBitrate} of 0 is the default floor or no cap. */
    TransportCcClient(long initialBitrate, long minBitrate, long maxBitrate, boolean transportCc) {
        this.transportCc = transportCc;
        this.minBitrate = minBitrate > 0 ? minBitrate : DEFAULT_MIN_BITRATE;
        this.maxBitrate = maxBitrate > 0 ? maxBitrate : NO_MAX_BITRATE;
        this.initialBitrate = Math.min(Math.max(initialBitrate, this.minBitrate), this.maxBitrate);
        estimator = new SendSideBandwidthEstimator(this.initialBitrate, this.minBitrate, this.maxBitrate);
    }

    private static Path recordDirectory(String value) {
        return value == null || value.isEmpty() ? null : Path.of(value);
    }

    /**
     * Records this client's estimator inputs from now on into {@code <directory>/<transportId>.bwe}
     * (created, or replaced); call it before any packet. Only transport-cc is recorded: false
     * for a REMB client. Throws when the file cannot be opened.
     */
    boolean recordInto(Path directory, String transportId, long nowMs) throws IOException {
        if (!transportCc) {
            return false;
        }
        Files.createDirectories(directory);
        recorder = new FeedbackRecorder(Files.newBufferedWriter(directory.resolve(transportId + ".bwe"), StandardCharsets.US_ASCII),
                nowMs, initialBitrate, minBitrate, maxBitrate);
        recorder.comment("transport " + transportId + ", pid " + ProcessHandle.current().pid());
        recorder.comment("wall clock " + Instant.now() + " = " + System.currentTimeMillis() + " ms since the epoch at " + nowMs + " ms");
        return true;
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
            if (recorder != null) {
                recorder.packetSent(nowMs, sequenceNumber, packet.size(), probeCluster);
            }
        }
    }

    /**
     * The remote receiver's transport-cc feedback; false when it is malformed, over the
     * per-second budget of reported packets, or REMB is in use.
     */
    boolean receiveFeedback(CompoundPacketReader reader, long nowMs) {
        if (!transportCc || !feedbackStatuses.take(TransportFeedback.statusCount(reader), nowMs) || !feedback.parse(reader)) {
            return false;
        }
        packetLoss.add(feedback.lossRatio());
        long estimate = estimator.onTransportFeedback(feedback, nowMs);
        if (recorder != null) {
            recorder.feedback(nowMs, reader.buffer(), reader.index(), reader.length());
            recorder.estimate(nowMs, estimate, estimator.usage());
        }
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

    void setRtt(long rttMs, long nowMs) {
        estimator.onRtt(rttMs);
        if (recorder != null) {
            recorder.rtt(nowMs, rttMs);
        }
    }

    /** The application's floor; 0 restores the default. */
    /** The periodic update between feedbacks: the estimate moved within the limits set since. */
    void applyLimits() {
        estimator.applyLimits();
    }

    void setMinBitrate(long minBitrate) {
        this.minBitrate = minBitrate > 0 ? minBitrate : DEFAULT_MIN_BITRATE;
        estimator.setMinBitrate(this.minBitrate);
    }

    void setMaxBitrate(long maxBitrate, long nowMs) {
        this.maxBitrate = maxBitrate > 0 ? maxBitrate : NO_MAX_BITRATE;
        estimator.setMaxBitrate(this.maxBitrate);
        if (recorder != null) {
            recorder.maxBitrate(nowMs, this.maxBitrate);
        }
    }

    /** Ends the recording, if any. */
    void close() {
        if (recorder != null) {
            recorder.close();
            recorder = null;
        }
    }

    /**
     * A "bwe" trace event with the C++ worker's fields: its maximum is the desired bitrate plus
     * 35 % (at least the initial estimate, at most the application's cap), its padding goes up
     * to 85 % of that. {@code maxOutgoingBitrate} is the transport's cap as 3.32 reports it.
     */
    TransportEvent.BweTrace bweTrace(long timestamp, long desiredBitrate, long initialBitrate,
            long maxOutgoingBitrate) {
        long max = desiredBitrate > 0 ? Math.max(initialBitrate, desiredBitrate * 135 / 100) : initialBitrate;
        max = Math.min(max, maxBitrate);
        return new TransportEvent.BweTrace(timestamp, desiredBitrate, desiredBitrate, minBitrate, max,
                Math.max(minBitrate, availableBitrate()), max * 85 / 100, availableBitrate(), transportCc,
                maxOutgoingBitrate);
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

    /** The weighted loss of the last feedback packets; 0 before any, and always with REMB. */
    double packetLoss() {
        return packetLoss.packetLoss();
    }

    long availableBitrate() {
        if (!transportCc && rembBitrate >= 0) {
            return Math.max(minBitrate, Math.min(maxBitrate, rembBitrate));
        }
        return estimator.availableBitrate();
    }
}
