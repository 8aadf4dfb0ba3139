package io.jmediasoup.worker.rtc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.channel.Request;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.rtcp.CompoundPacketReader;
import io.jmediasoup.rtp.stream.LayerBitrates;
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
abstract class Consumer implements RtpStreamSend.Listener {
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
        JsonObject rtpStreamStats(long mappedSsrc, long nowMs);

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

    protected Consumer(String id, String producerId, Shared shared, Listener listener, JsonObject data,
            RtpParameters.Type type) {
        this.id = id;
        this.producerId = producerId;
        this.shared = shared;
        this.listener = listener;
        this.type = type;
        this.traceEvents = RtpTraceEvents.forConsumer(id, shared);
        this.kind = MediaKind.parse(data);
        JsonElement rtpParametersJson = data.get("rtpParameters");
        if (rtpParametersJson == null || !rtpParametersJson.isJsonObject()) {
            throw new MediasoupTypeError("missing rtpParameters");
        }
        this.rtpParameters = RtpParameters.parse(rtpParametersJson);
        for (RtpEncodingParameters encoding : rtpParameters.encodings()) {
            if (encoding.ssrc() == 0) {
                throw new MediasoupTypeError("invalid encoding in rtpParameters (missing ssrc)");
            }
            if (encoding.hasRtx() && encoding.rtxSsrc() == 0) {
                throw new MediasoupTypeError("invalid encoding in rtpParameters (missing rtx.ssrc)");
            }
        }
        this.consumableRtpEncodings = parseConsumableRtpEncodings(data.get("consumableRtpEncodings"));
        this.paused = data.get("paused") != null && JsonValues.isBoolean(data.get("paused"))
                && data.get("paused").getAsBoolean();
        for (RtpCodecParameters codec : rtpParameters.codecs()) {
            if (codec.mimeType().isMediaCodec()) {
                supportedCodecPayloadTypes.add(codec.payloadType());
            }
        }
        this.transportWideCc = kind == MediaKind.VIDEO
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
    private static List<RtpEncodingParameters> parseConsumableRtpEncodings(JsonElement json) {
        if (json == null || !json.isJsonArray()) {
            throw new MediasoupTypeError("missing consumableRtpEncodings");
        }
        if (json.getAsJsonArray().isEmpty()) {
            throw new MediasoupTypeError("empty consumableRtpEncodings");
        }
        List<RtpEncodingParameters> encodings = new ArrayList<>();
        for (JsonElement entry : json.getAsJsonArray()) {
            RtpEncodingParameters encoding = RtpEncodingParameters.parse(entry);
            if (encoding.ssrc() == 0) {
                throw new MediasoupTypeError("wrong encoding in consumableRtpEncodings (missing ssrc)");
            }
            encodings.add(encoding);
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
    protected JsonObject producerRtpStreamStats(long mappedSsrc, long nowMs) {
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
        shared.notify(id, "score", score());
    }

    /** The producer's score for encoding {@code encodingIdx}, 0 before its stream exists. */
    protected int producerScore(int encodingIdx) {
        return encodingIdx < producerScores.length ? producerScores[encodingIdx] : 0;
    }

    protected JsonArray producerScoresJson() {
        JsonArray json = new JsonArray();
        for (int score : producerScores) {
            json.add(score);
        }
        return json;
    }

    void handleRequest(Request request) {
        switch (request.method()) {
            case "consumer.dump":
                request.accept(dump());
                break;
            case "consumer.getStats":
                request.accept(stats());
                break;
            case "consumer.pause":
                deactivate(() -> paused = true);
                request.accept();
                break;
            case "consumer.resume":
                resume(() -> paused = false);
                request.accept();
                break;
            case "consumer.setPriority":
                priority = priority(request.data());
                JsonObject data = new JsonObject();
                data.addProperty("priority", priority);
                request.accept(data);
                break;
            case "consumer.enableTraceEvent":
                traceEvents.enable(request.data());
                request.accept();
                break;
            case "consumer.requestKeyFrame":
                requestKeyFrame();
                request.accept();
                break;
            case "consumer.setPreferredLayers":
                setPreferredLayers(request);
                break;
            default:
                throw new MediasoupError("unknown method '" + request.method() + "'");
        }
    }

    /** Like the C++ worker, any number is taken and narrowed to 8 bits; 0 is refused. */
    private static int priority(JsonObject data) {
        JsonElement json = data.get("priority");
        if (!JsonValues.isNumber(json)) {
            throw new MediasoupTypeError("wrong priority (not a number)");
        }
        long value = JsonValues.isInteger(json) ? json.getAsLong() : (long) json.getAsDouble();
        int priority = (int) (value & 0xFF);
        if (priority < 1) {
            throw new MediasoupTypeError("wrong priority (must be higher than 0)");
        }
        return priority;
    }

    /** Consumers without layers accept and ignore the request. */
    protected void setPreferredLayers(Request request) {
        request.accept();
    }

    void producerPaused() {
        if (producerPaused) {
            return;
        }
        deactivate(() -> producerPaused = true);
        shared.notify(id, "producerpause", null);
    }

    void producerResumed() {
        if (!producerPaused) {
            return;
        }
        resume(() -> producerPaused = false);
        shared.notify(id, "producerresume", null);
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

    /** Frees its streams' buffers; it is leaving its transport. */
    void close() {
        rtpStreams().forEach(RtpStreamSend::close);
    }

    /** Its producer is gone: the consumer tells Node and leaves its transport. */
    void producerClosed() {
        shared.notify(id, "producerclose", null);
        listener.onConsumerProducerClosed(this);
    }

    JsonObject dump() {
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        json.addProperty("producerId", producerId);
        json.addProperty("kind", kind.label());
        json.add("rtpParameters", rtpParameters.toJson());
        json.addProperty("type", type.label());
        JsonArray encodings = new JsonArray();
        consumableRtpEncodings.forEach(encoding -> encodings.add(encoding.toJson()));
        json.add("consumableRtpEncodings", encodings);
        JsonArray payloadTypes = new JsonArray();
        supportedCodecPayloadTypes.forEach(payloadTypes::add);
        json.add("supportedCodecPayloadTypes", payloadTypes);
        json.addProperty("paused", paused);
        json.addProperty("producerPaused", producerPaused);
        json.addProperty("priority", priority);
        json.addProperty("traceEventTypes", traceEvents.toString());
        fillDump(json);
        return json;
    }

    /** Adds the kind's streams and layers to a dump. */
    protected abstract void fillDump(JsonObject json);

    /** consumer.getStats(): its sending streams' entries, then the producer stream's it follows. */
    protected abstract JsonArray stats();

    /** The consumer's score, its producer's and the producer's per encoding. */
    abstract JsonObject score();

    /** The layers it would like to send; {@link #NO_LAYER} for both when it has none. */
    int preferredSpatialLayer() {
        return NO_LAYER;
    }

    int preferredTemporalLayer() {
        return NO_LAYER;
    }

    /** The answer to transport.consume. */
    JsonObject status() {
        JsonObject json = new JsonObject();
        json.addProperty("paused", paused);
        json.addProperty("producerPaused", producerPaused);
        json.add("score", score());
        if (preferredSpatialLayer() > NO_LAYER && preferredTemporalLayer() > NO_LAYER) {
            JsonObject layers = new JsonObject();
            layers.addProperty("spatialLayer", preferredSpatialLayer());
            layers.addProperty("temporalLayer", preferredTemporalLayer());
            json.add("preferredLayers", layers);
        }
        return json;
    }
}
