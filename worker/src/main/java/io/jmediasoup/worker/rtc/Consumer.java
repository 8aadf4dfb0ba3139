package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.rtcp.CompoundPacketReader;
import io.jmediasoup.rtp.stream.LayerBitrates;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.ConsumerEvent;
import io.jmediasoup.worker.messages.ConsumerLayers;
import io.jmediasoup.worker.messages.ConsumerRequest;
import io.jmediasoup.worker.messages.ConsumerResponse;
import io.jmediasoup.worker.messages.ConsumerScore;
import io.jmediasoup.worker.messages.RtpStreamStats;
import io.jmediasoup.worker.messages.TransportMediaRequest;
import io.jmediasoup.worker.rtc.params.MediaKind;
import io.jmediasoup.worker.rtc.params.RtpCodecParameters;
import io.jmediasoup.worker.rtc.params.RtpEncodingParameters;
import io.jmediasoup.worker.rtc.params.RtpParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A sink of one producer's RTP on a transport (transport.consume): what the four kinds
 * (simple, simulcast, svc, pipe) share. Each kind forwards the producer's packets in its own
 * way ({@link #sendRtpPacket}).
 */
abstract class Consumer implements ChannelHandler, RtpStreamSend.Listener {
    /** Its transport, told when the consumer goes because its producer went. */
    interface Listener {
        void onConsumerProducerClosed(Consumer consumer);

        /** A packet rewritten for this consumer, to send now; lent for the call. */
        void onConsumerSendRtpPacket(Consumer consumer, RtpPacket packet);

        /** A retransmission the remote receiver asked for (RTX or original), to send now; lent for the call. */
        default void onConsumerRetransmitRtpPacket(Consumer consumer, RtpPacket packet) {
            onConsumerSendRtpPacket(consumer, packet);
        }

        /** The consumer needs a key frame of the producer's stream the router knows as {@code mappedSsrc}. */
        void onConsumerKeyFrameRequested(Consumer consumer, long mappedSsrc);

        /**
         * A layered consumer whose layers the bandwidth estimate chooses would change spatial
         * layer, or stopped forwarding: the transport shares the estimate out again.
         */
        default void onConsumerNeedBitrateChange(Consumer consumer) {}
    }

    /** Its producer's receiving streams, whose stats follow the consumer's own in getStats(). */
    interface ProducerRtpStreams {
        /** The "inbound-rtp" entry of the stream the router knows as {@code mappedSsrc}; null before it exists. */
        RtpStreamStats rtpStreamStats(long mappedSsrc, long nowMs);

        /** The per-layer bitrates of the stream the router knows as {@code mappedSsrc}; null before it exists. */
        default LayerBitrates rtpStreamLayerBitrates(long mappedSsrc) {
            return null;
        }

        /** How long the stream the router knows as {@code mappedSsrc} has been active (ms); 0 before it exists. */
        default long rtpStreamActiveMs(long mappedSsrc, long nowMs) {
            return 0;
        }
    }

    /** The longest the C++ worker lets pass between two RTCP reports of a stream, per kind. */
    long maxRtcpIntervalMs() {
        return kind == MediaKind.AUDIO ? 5000 : 1000;
    }

    /** The extensions that tell which bandwidth estimation a consumer negotiated. */
    static final String ABS_SEND_TIME_URI = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    static final String TRANSPORT_WIDE_CC_URI = "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";

    /** No preferred layers: what a consumer that has no layers reports. */
    static final int NO_LAYER = -1;

    final String id;
    final String producerId;
    final MediaKind kind;
    final RtpParameters rtpParameters;
    final RtpParameters.Type type;
    final List<RtpEncodingParameters> consumableRtpEncodings;
    protected final Shared shared;
    protected final Listener listener;
    private final Set<Integer> supportedCodecPayloadTypes = new TreeSet<>();
    private final RtpTraceEvents traceEvents;
    private boolean paused;
    private boolean producerPaused;
    private boolean transportConnected;
    private int priority = 1;
    /** Video that negotiated transport-cc: its packets carry transport-wide sequence numbers. */
    final boolean transportWideCc;
    /** Video that negotiated REMB (goog-remb with abs-send-time) instead: the receiver sends its estimate. */
    final boolean remb;
    /** The producer's score per encoding, kept up to date by the producer. */
    private int[] producerScores = new int[0];
    private ProducerRtpStreams producerRtpStreams = (mappedSsrc, nowMs) -> null;

    protected Consumer(String id, Shared shared, Listener listener, TransportMediaRequest.Consume request,
            RtpParameters.Type type) {
        this.id = id;
        this.producerId = request.producerId();
        this.shared = shared;
        this.listener = listener;
        this.type = type;
        this.traceEvents = RtpTraceEvents.forConsumer(id, shared);
        this.kind = request.kind();
        this.rtpParameters = request.rtpParameters();
        for (RtpEncodingParameters encoding : rtpParameters.encodings()) {
            if (encoding.ssrc() == 0) {
                throw new MediasoupTypeError("invalid encoding in rtpParameters (missing ssrc)");
            }
            if (encoding.hasRtx() && encoding.rtxSsrc() == 0) {
                throw new MediasoupTypeError("invalid encoding in rtpParameters (missing rtx.ssrc)");
            }
        }
        this.consumableRtpEncodings = consumableRtpEncodings(request.consumableRtpEncodings());
        this.paused = request.paused();
        for (RtpCodecParameters codec : rtpParameters.codecs()) {
            if (codec.mimeType().isMediaCodec()) {
                supportedCodecPayloadTypes.add(codec.payloadType());
            }
        }
        // 3.32 numbers audio for the estimator too, since its packets carry room for it.
        this.transportWideCc = (kind == MediaKind.VIDEO || shared.routerExtensions().transportWideCcOnAudio())
                && rtpParameters.hasHeaderExtension(TRANSPORT_WIDE_CC_URI)
                && rtpParameters.hasRtcpFeedback("transport-cc");
        this.remb = !transportWideCc && kind == MediaKind.VIDEO
                && rtpParameters.hasHeaderExtension(ABS_SEND_TIME_URI)
                && rtpParameters.hasRtcpFeedback("goog-remb");
    }

    int priority() {
        return priority;
    }

    /** The per-layer bitrates of the producer stream the router knows as {@code mappedSsrc}; null before it exists. */
    protected LayerBitrates producerLayerBitrates(long mappedSsrc) {
        return producerRtpStreams.rtpStreamLayerBitrates(mappedSsrc);
    }

    /** How long the producer stream the router knows as {@code mappedSsrc} has been active (ms). */
    protected long producerRtpStreamActiveMs(long mappedSsrc) {
        return producerRtpStreams.rtpStreamActiveMs(mappedSsrc, shared.nowMs());
    }

    /** The producer's encodings as the router maps them: each needs its (mapped) ssrc. */
    private static List<RtpEncodingParameters> consumableRtpEncodings(List<RtpEncodingParameters> encodings) {
        if (encodings == null) {
            throw new MediasoupTypeError("missing consumableRtpEncodings");
        }
        if (encodings.isEmpty()) {
            throw new MediasoupTypeError("empty consumableRtpEncodings");
        }
        for (RtpEncodingParameters encoding : encodings) {
            if (encoding.ssrc() == 0) {
                throw new MediasoupTypeError("wrong encoding in consumableRtpEncodings (missing ssrc)");
            }
        }
        return List.copyOf(encodings);
    }

    boolean supportsPayloadType(int payloadType) {
        return supportedCodecPayloadTypes.contains(payloadType);
    }

    /** The SSRCs it sends media with. */
    List<Long> mediaSsrcs() {
        return rtpParameters.encodings().stream().map(RtpEncodingParameters::ssrc).toList();
    }

    /** The SSRCs it retransmits with (RTX). */
    List<Long> rtxSsrcs() {
        return rtpParameters.encodings().stream().filter(RtpEncodingParameters::hasRtx)
                .map(RtpEncodingParameters::rtxSsrc).toList();
    }

    boolean isPaused() {
        return paused;
    }

    boolean isProducerPaused() {
        return producerPaused;
    }

    /** The router hands over the producer's live per-encoding scores. */
    void producerRtpStreamScores(int[] scores) {
        this.producerScores = scores;
    }

    /** The router hands over the producer's live per-encoding sender reports; only simulcast needs them. */
    void producerSenderReports(SenderReportTimes senderReports) {}

    /** One of the producer's streams got its first sender report. */
    void producerFirstSenderReport() {}

    /** The router hands over the producer's streams, for stats. */
    void producerRtpStreams(ProducerRtpStreams producerRtpStreams) {
        this.producerRtpStreams = producerRtpStreams;
    }

    /** The stats of the producer's stream the router knows as {@code mappedSsrc}, or null. */
    protected RtpStreamStats producerRtpStreamStats(long mappedSsrc, long nowMs) {
        return producerRtpStreams.rtpStreamStats(mappedSsrc, nowMs);
    }

    /** A producer stream began: the "score" event. */
    void producerNewRtpStream() {
        emitScore();
    }

    /** A spatial layer of the producer's SVC stream began to carry bitrate; only layered consumers care. */
    void producerSpatialLayerStarted() {}

    /** A producer stream's score went from {@code previousScore} to {@code score}: the "score" event. */
    void producerRtpStreamScoreChanged(int score, int previousScore) {
        emitScore();
    }

    protected void emitScore() {
        shared.emit(id, new ConsumerEvent.Score(score()));
    }

    /** The producer's score for encoding {@code encodingIdx}, 0 before its stream exists. */
    protected int producerScore(int encodingIdx) {
        return encodingIdx < producerScores.length ? producerScores[encodingIdx] : 0;
    }

    protected List<Integer> producerScores() {
        List<Integer> scores = new ArrayList<>(producerScores.length);
        for (int score : producerScores) {
            scores.add(score);
        }
        return scores;
    }

    @Override
    public ChannelResponse handle(ChannelRequest request) {
        if (request instanceof ConsumerRequest.Dump) {
            return dump();
        }
        if (request instanceof ConsumerRequest.GetStats) {
            return new ConsumerResponse.Stats(stats(), pipedProducerStats());
        }
        if (request instanceof ConsumerRequest.SetPriority setPriority) {
            if (setPriority.priority() < 1) {
                throw new MediasoupTypeError("wrong priority (must be higher than 0)");
            }
            priority = setPriority.priority();
            return new ConsumerResponse.Priority(priority);
        }
        if (request instanceof ConsumerRequest.SetPreferredLayers setPreferredLayers) {
            return new ConsumerResponse.PreferredLayers(setPreferredLayers(setPreferredLayers.preferredLayers()));
        }
        if (request instanceof ConsumerRequest.Pause) {
            deactivate(() -> paused = true);
        } else if (request instanceof ConsumerRequest.Resume) {
            resume(() -> paused = false);
        } else if (request instanceof ConsumerRequest.EnableTraceEvent enable) {
            traceEvents.enable(enable.types());
        } else if (request instanceof ConsumerRequest.RequestKeyFrame) {
            requestKeyFrame();
        } else {
            throw ChannelHandler.unknownMethod(request);
        }
        return null;
    }

    /** Consumers without layers accept and ignore the request: null, no layers. */
    protected ConsumerLayers setPreferredLayers(ConsumerLayers preferredLayers) {
        return null;
    }

    void producerPaused() {
        if (producerPaused) {
            return;
        }
        deactivate(() -> producerPaused = true);
        shared.emit(id, new ConsumerEvent.ProducerPause());
    }

    void producerResumed() {
        if (!producerPaused) {
            return;
        }
        resume(() -> producerPaused = false);
        shared.emit(id, new ConsumerEvent.ProducerResume());
    }

    /** Its transport can send: forwarding starts (again) from a sync point. */
    void transportConnected() {
        transportConnected = true;
        onActivated();
    }

    /** Its transport lost the remote side: nothing is sent until it connects again. */
    void transportDisconnected() {
        deactivate(() -> transportConnected = false);
    }

    private void deactivate(Runnable change) {
        boolean wasActive = isActive();
        change.run();
        if (wasActive) {
            rtpStreams().forEach(RtpStreamSend::pause);
            onDeactivated();
        }
    }

    private void resume(Runnable change) {
        change.run();
        if (isActive()) {
            onActivated();
        }
    }

    /** Forwarding: the transport is connected and neither side is paused. */
    boolean isActive() {
        return transportConnected && !paused && !producerPaused;
    }

    /** Forwarding (re)starts: the next packet sent must continue the sequence seamlessly. */
    protected abstract void onActivated();

    /** Forwarding stops (pause, producer pause, transport gone); layered consumers drop their layers. */
    protected void onDeactivated() {}

    /** One of the producer's packets, in the router's payload type and SSRC; lent for the call. */
    abstract void sendRtpPacket(RtpPacket packet);

    /** Its sending streams, for sender reports and the remote receiver's reports. */
    abstract List<RtpStreamSend> rtpStreams();

    /** Asks the producer for a key frame of what it forwards, when active and video. */
    abstract void requestKeyFrame();

    /** The remote receiver sent a PLI or FIR for one of our streams: relayed as a request to the producer. */
    void receiveKeyFrameRequest(RtpStreamSend stream, boolean fir) {
        if (fir) {
            traceEvents.fir(stream.params.ssrc());
        } else {
            traceEvents.pli(stream.params.ssrc());
        }
        stream.keyFrameRequested(fir);
        requestKeyFrame();
    }

    /** The remote receiver NACKed packets of one of our streams: retransmitted while active. */
    void receiveNack(RtpStreamSend stream, CompoundPacketReader reader) {
        if (isActive()) {
            traceEvents.nack();
            stream.receiveNack(reader, shared.nowMs());
        }
    }

    @Override
    public void onRtpStreamScore(RtpStreamSend stream) {
        emitScore();
    }

    @Override
    public void onRtpStreamRetransmitRtpPacket(RtpStreamSend stream, RtpPacket packet) {
        listener.onConsumerRetransmitRtpPacket(this, packet);
        traceEvents.packet(packet, stream.params.hasRtx(), RtpExtensionIds.ROUTER);
    }

    /** A packet of the producer's was sent, rewritten for this consumer: a "trace" event if enabled. */
    void rtpPacketSent(RtpPacket packet) {
        traceEvents.packet(packet, false, RtpExtensionIds.ROUTER);
    }

    /** Frees its streams' buffers and leaves the channel's handlers; it is leaving its transport. */
    void close() {
        rtpStreams().forEach(RtpStreamSend::close);
        shared.handlers().unregister(id, this);
    }

    /** Its producer is gone: the consumer tells Node and leaves its transport. */
    void producerClosed() {
        shared.emit(id, new ConsumerEvent.ProducerClose());
        listener.onConsumerProducerClosed(this);
    }

    ConsumerResponse.Dump dump() {
        return new ConsumerResponse.Dump(id, producerId, kind, rtpParameters, type, consumableRtpEncodings,
                List.copyOf(supportedCodecPayloadTypes), traceEvents.enabled(), paused, producerPaused, priority,
                rtpStreams().stream().map(RtpStream::dump).toList(), layers());
    }

    /** A layered consumer's preferred, target and current layers; null for the others. */
    protected ConsumerResponse.Layers layers() {
        return null;
    }

    /** consumer.getStats(): its sending streams' entries, then the producer stream's it follows. */
    protected abstract List<RtpStreamStats> stats();

    /** A pipe consumer's producer streams, whose stats only 3.32 adds to its own. */
    protected List<RtpStreamStats> pipedProducerStats() {
        return List.of();
    }

    /** The consumer's score, its producer's and the producer's per encoding. */
    abstract ConsumerScore score();

    /** The layers it would like to send; {@link #NO_LAYER} for both when it has none. */
    int preferredSpatialLayer() {
        return NO_LAYER;
    }

    int preferredTemporalLayer() {
        return NO_LAYER;
    }

    /** The answer to transport.consume. */
    ConsumerResponse.Consumed status() {
        ConsumerLayers preferredLayers = preferredSpatialLayer() > NO_LAYER && preferredTemporalLayer() > NO_LAYER
                ? new ConsumerLayers(preferredSpatialLayer(), preferredTemporalLayer())
                : null;
        return new ConsumerResponse.Consumed(paused, producerPaused, score(), preferredLayers);
    }
}
