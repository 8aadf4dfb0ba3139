package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.codecs.DependencyDescriptor;
import io.jmediasoup.rtp.codecs.KeyFrameDetector;
import io.jmediasoup.rtp.rtcp.KeyFrameRequest;
import io.jmediasoup.rtp.rtcp.Nack;
import io.jmediasoup.rtp.rtcp.RemoteClockOffsetEstimator;
import io.jmediasoup.rtp.rtcp.Remb;
import io.jmediasoup.rtp.rtcp.RtcpType;
import io.jmediasoup.rtp.stream.KeyFrameRequestManager;
import io.jmediasoup.rtp.stream.LayerBitrates;
import io.jmediasoup.rtp.stream.NackGenerator;
import io.jmediasoup.worker.LogTag;
import io.jmediasoup.worker.messages.ChannelNotification;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.MediaNotification;
import io.jmediasoup.worker.messages.ProducerEvent;
import io.jmediasoup.worker.messages.ProducerRequest;
import io.jmediasoup.worker.messages.ProducerResponse;
import io.jmediasoup.worker.messages.RtpStreamDump;
import io.jmediasoup.worker.messages.RtpStreamStats;
import io.jmediasoup.worker.messages.TransportMediaRequest;
import io.jmediasoup.worker.rtc.params.MediaKind;
import io.jmediasoup.worker.rtc.params.RtpCodecParameters;
import io.jmediasoup.worker.rtc.params.RtpEncodingParameters;
import io.jmediasoup.worker.rtc.params.RtpHeaderExtensionParameters;
import io.jmediasoup.worker.rtc.params.RtpMapping;
import io.jmediasoup.worker.rtc.params.RtpParameters;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.collection.LongObjectHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A source of RTP on a transport (transport.produce). It finds or creates the receiving
 * stream of each packet from its encodings (RTX packets decoded back to the original on
 * the way), then rewrites the packet's payload type, SSRC and header extensions to the
 * router's before handing it to the router. Its streams NACK losses, ask for key frames and
 * keep the scores sent in "score" events.
 */
final class Producer implements ChannelHandler, RtpStreamRecv.Listener, Consumer.ProducerRtpStreams, KeyFrameRequestManager.Listener {
    /** Who hears of pauses and resumes: the router, which tells the consumers. */
    interface Listener {
        void onProducerPaused(Producer producer);

        void onProducerResumed(Producer producer);

        /** A packet, already in the router's payload type and SSRC, to forward; lent for the call. */
        void onProducerRtpPacketReceived(Producer producer, RtpPacket packet);

        /** A stream began: consumers may now report its score. */
        void onProducerNewRtpStream(Producer producer);

        /** One of its streams' scores went from {@code previousScore} to {@code score} ({@link #rtpStreamScores} holds them all). */
        void onProducerRtpStreamScore(Producer producer, int score, int previousScore);

        /** A stream's first sender report arrived ({@link #senderReports} holds them all). */
        void onProducerFirstSenderReport(Producer producer);

        /** A spatial layer of one of its SVC streams began to carry bitrate. */
        void onProducerRtpStreamSpatialLayerStarted(Producer producer);
    }

    /** Where its RTCP to the sender goes: its transport. */
    interface RtcpSender {
        void sendRtcp(ByteBuf packet);

        /** An RTP packet the application gave the producer (producer.send), lent for the call. */
        void receiveApplicationRtp(ByteBuf packet);

        /** How far the clock of the sender of CNAME {@code cname} is from ours, fed by its sender reports. */
        RemoteClockOffsetEstimator clockOffset(String cname);

        /** A REMB of {@code bitrate} (bps) naming the first {@code count} of {@code ssrcs} (none: null, 0). */
        default void sendRemb(long bitrate, long[] ssrcs, int count) {
            ByteBuf packet = PooledByteBufAllocator.DEFAULT.directBuffer(20 + 4 * count);
            try {
                Remb.write(packet, 0, bitrate, ssrcs, count);
                sendRtcp(packet);
            } finally {
                packet.release();
            }
        }
    }

    /**
     * A receiving stream, the SSRC the router knows it by, and how to find its key frames and
     * layers: its dependency descriptor where the era reads one, else its payload.
     */
    private static final class ReceivingStream {
        final RtpStreamRecv rtpStream;
        final long mappedSsrc;
        final KeyFrameDetector keyFrameDetector;
        /** Null unless the stream's codec carries its layers in a negotiated dependency descriptor. */
        final DependencyDescriptor dependencyDescriptor;

        ReceivingStream(RtpStreamRecv rtpStream, long mappedSsrc, KeyFrameDetector keyFrameDetector,
                DependencyDescriptor dependencyDescriptor) {
            this.rtpStream = rtpStream;
            this.mappedSsrc = mappedSsrc;
            this.keyFrameDetector = keyFrameDetector;
            this.dependencyDescriptor = dependencyDescriptor;
        }

        /**
         * Marks the packet a key frame or not, with the layers its dependency descriptor names
         * when it has one that reads (the C++ worker's AV1 and H264 payload descriptors).
         */
        void describe(RtpPacket packet, int dependencyDescriptorId) {
            DependencyDescriptor descriptor = dependencyDescriptor;
            if (descriptor != null && packet.hasExtension(dependencyDescriptorId)
                    && descriptor.parse(packet.buffer(), packet.extensionIndex(dependencyDescriptorId),
                            packet.extensionLength(dependencyDescriptorId))) {
                packet.setKeyFrame(descriptor.isKeyFrame());
                packet.describeFrame(descriptor.spatialLayer(), descriptor.temporalLayer(), descriptor.endOfFrame());
                return;
            }
            packet.setKeyFrame(keyFrameDetector.isKeyFrame(packet.buffer(), packet.payloadIndex(), packet.payloadLength()));
        }
    }

    /** The 32-bit seconds of Q32.32 hold no offset of 2^31 s or more. */
    private static final long Q32_OUT_OF_RANGE_US = (1L << 31) * 1_000_000;
    /** A datagram's largest size plus the router's header extensions (a dependency descriptor up to 255 bytes). */
    private static final int SPARE_SIZE = 2048 + 512;

    final String id;
    final MediaKind kind;
    final RtpParameters rtpParameters;
    final RtpParameters.Type type;
    final RtpMapping rtpMapping;
    private final HeaderExtensionMap headerExtensionMap;
    /** The producer's id of the dependency descriptor, 0 when not negotiated or not read in this era. */
    private final int dependencyDescriptorId;
    /** Where a packet moves when the router's header extensions need more room than it has; made on first use. */
    private ByteBuf spare;
    /** The score of each encoding's stream (0 until it receives), shared live with the consumers. */
    final int[] rtpStreamScores;
    /** The last sender report of each encoding's stream, shared live with the consumers. */
    final SenderReportTimes senderReports;
    private final Listener listener;
    private final Shared shared;
    private final RtcpSender rtcpSender;
    /** The router's payload type per payload type received, -1 where unmapped. */
    private final int[] mappedPayloadTypes = new int[128];
    private final LongObjectHashMap<ReceivingStream> streamsBySsrc = new LongObjectHashMap<>();
    private final LongObjectHashMap<ReceivingStream> streamsByRtxSsrc = new LongObjectHashMap<>();
    private ScheduledFuture<?> nackTimer;
    private ScheduledFuture<?> inactivityTimer;
    /** Video only: the key-frame requests to the sender, and the timer of their deadlines. */
    private final KeyFrameRequestManager keyFrameRequestManager;
    private final DeadlineTimer keyFrameTimer;
    private boolean closed;
    /** The last video orientation seen (its low four bits), -1 before any. */
    private int videoOrientation = -1;
    private final RtpTraceEvents traceEvents;
    private boolean paused;

    Producer(String id, Shared shared, Listener listener, RtcpSender rtcpSender, TransportMediaRequest.Produce request) {
        this.id = id;
        this.shared = shared;
        this.keyFrameTimer = new DeadlineTimer(shared, this::onKeyFrameTimer);
        this.rtcpSender = rtcpSender;
        this.listener = listener;
        this.traceEvents = RtpTraceEvents.forProducer(id, shared);
        this.kind = request.kind();
        this.rtpParameters = request.rtpParameters();
        this.type = request.layeredCodecs().typeOf(rtpParameters);
        RtpCodecParameters mediaCodec = rtpParameters.codecFor(rtpParameters.encodings().get(0));
        if (!request.layeredCodecs().supports(type, mediaCodec.mimeType())) {
            throw new MediasoupTypeError(mediaCodec.mimeType() + " codec not supported for " + type.label());
        }
        this.headerExtensionMap = new HeaderExtensionMap(kind, rtpParameters.headerExtensions(),
                shared.routerExtensions(), request.enableMediasoupPacketId(), this::remoteClockOffsetQ32);
        this.dependencyDescriptorId = shared.routerExtensions().readsDependencyDescriptor()
                ? extensionId(rtpParameters, DependencyDescriptor.URI) : 0;
        this.rtpMapping = request.rtpMapping();
        this.paused = request.paused();
        this.keyFrameRequestManager = kind == MediaKind.VIDEO
                ? new KeyFrameRequestManager(this, request.keyFrameRequestDelay())
                : null;
        this.rtpStreamScores = new int[rtpParameters.encodings().size()];
        this.senderReports = new SenderReportTimes(rtpParameters.encodings().size());
        Arrays.fill(mappedPayloadTypes, -1);
        rtpMapping.codecs().forEach((payloadType, mapped) -> mappedPayloadTypes[payloadType & 0x7F] = mapped);
        if (rtpParameters.encodings().size() != rtpMapping.encodings().size()) {
            throw new MediasoupTypeError("rtpParameters.encodings size does not match rtpMapping.encodings size");
        }
    }

    private static int extensionId(RtpParameters rtpParameters, String uri) {
        for (RtpHeaderExtensionParameters extension : rtpParameters.headerExtensions()) {
            if (extension.uri().equals(uri)) {
                return extension.id();
            }
        }
        return 0;
    }

    /** The codecs whose payload descriptor the C++ worker takes from the dependency descriptor. */
    private static boolean readsDependencyDescriptor(String mimeType) {
        return mimeType.equalsIgnoreCase("video/AV1") || mimeType.equalsIgnoreCase("video/H264");
    }

    /** The CNAME of its sender, "" when it gave none. */
    String cname() {
        return rtpParameters.rtcp() != null ? rtpParameters.rtcp().cname() : "";
    }

    /**
     * Our clock minus the sender's as its sender reports tell (none yet: the same clock), in
     * abs-capture-time's Q32.32 seconds; {@link HeaderExtensionMap#UNFIT_OFFSET} when it does
     * not fit, as for a clock decades away.
     */
    private long remoteClockOffsetQ32() {
        RemoteClockOffsetEstimator estimator = rtcpSender.clockOffset(cname());
        long offsetUs = estimator.known() ? estimator.offsetUs() : 0;
        if (Math.abs(offsetUs) >= Q32_OUT_OF_RANGE_US) {
            return HeaderExtensionMap.UNFIT_OFFSET;
        }
        return Math.round(offsetUs * (4294967296.0 / 1_000_000));
    }

    boolean isPaused() {
        return paused;
    }

    @Override
    public ChannelResponse handle(ChannelRequest request) {
        if (request instanceof ProducerRequest.Dump) {
            return dump();
        }
        if (request instanceof ProducerRequest.GetStats) {
            return stats();
        }
        if (request instanceof ProducerRequest.Pause) {
            pause();
        } else if (request instanceof ProducerRequest.Resume) {
            resume();
        } else if (request instanceof ProducerRequest.EnableTraceEvent enable) {
            traceEvents.enable(enable.types());
        } else {
            throw ChannelHandler.unknownMethod(request);
        }
        return null;
    }

    /** producer.send: RTP the application gives a DirectTransport's producer goes to its transport. */
    @Override
    public void handle(ChannelNotification notification) {
        if (!(notification instanceof MediaNotification.ProducerSend send)) {
            ChannelHandler.super.handle(notification);
            return;
        }
        rtcpSender.receiveApplicationRtp(send.packet());
    }

    private void pause() {
        if (!paused) {
            paused = true;
            streamsBySsrc.values().forEach(stream -> stream.rtpStream.pause());
            listener.onProducerPaused(this);
        }
    }

    private void resume() {
        if (paused) {
            paused = false;
            listener.onProducerResumed(this);
            // Consumers resume from a key frame.
            if (keyFrameRequestManager != null) {
                long nowMs = shared.nowMs();
                streamsBySsrc.values().forEach(stream ->
                        keyFrameRequestManager.forceKeyFrameNeeded(stream.rtpStream.ssrc(), nowMs));
                scheduleKeyFrameTimer();
            }
        }
    }

    /** What a received packet was, for the transport's counters (the C++ worker's). */
    enum ReceiveResult {
        /** A packet of one of its streams' SSRCs, whether the stream took it or not. */
        MEDIA,
        /** A packet of one of its streams' RTX SSRCs, whether the stream took it or not. */
        RETRANSMISSION,
        /** No stream of this producer matches it, or its payload type has no mapping. */
        DISCARDED
    }

    /**
     * Receives a packet the transport routed here; {@code extensionIds} are the transport's
     * ids of the header extensions that identify it. It goes on to the consumers unless no
     * stream matches it, its sequence number is out of line, it is a retransmission of
     * nothing we lost, or its payload type has no mapping.
     */
    ReceiveResult receiveRtpPacket(RtpPacket packet, RtpExtensionIds extensionIds) {
        long nowMs = shared.nowMs();
        ReceivingStream stream = streamsBySsrc.get(packet.ssrc());
        boolean isRtx = false;
        boolean isNew = false;
        if (stream == null) {
            stream = streamsByRtxSsrc.get(packet.ssrc());
            isRtx = stream != null;
        }
        if (stream == null) {
            stream = createStream(packet, extensionIds, nowMs);
            if (stream == null) {
                shared.logger().warn(LogTag.RTP, "Producer", "no stream found for received packet [ssrc:" + packet.ssrc() + "]");
                return ReceiveResult.DISCARDED;
            }
            isRtx = stream.rtpStream.params().rtxSsrc() == packet.ssrc();
            isNew = !isRtx;
        }
        RtpStreamRecv rtpStream = stream.rtpStream;
        ReceiveResult result = isRtx ? ReceiveResult.RETRANSMISSION : ReceiveResult.MEDIA;
        if (isRtx) {
            RtpStreamParams params = rtpStream.params();
            if (packet.payloadType() != params.rtxPayloadType() || !packet.rtxDecode(params.payloadType(), params.ssrc())) {
                return result;
            }
        }
        stream.describe(packet, dependencyDescriptorId);
        boolean accepted = isRtx ? rtpStream.receiveRetransmission(packet, nowMs) : rtpStream.receivePacket(packet, nowMs);
        if (rtpStream.hasPendingNacks()) {
            startNackTimer();
        }
        if (!accepted) {
            return result;
        }
        if (keyFrameRequestManager != null) {
            if (packet.isKeyFrame()) {
                keyFrameRequestManager.keyFrameReceived(packet.ssrc());
            } else if (isNew && !paused) {
                // The first packets may have been lost: ask for a key frame straight away.
                keyFrameRequestManager.forceKeyFrameNeeded(packet.ssrc(), nowMs);
                scheduleKeyFrameTimer();
            }
        }
        if (isNew) {
            listener.onProducerNewRtpStream(this);
        }
        if (paused) {
            return result;
        }
        traceEvents.packet(packet, isRtx, extensionIds);
        int mappedPayloadType = mappedPayloadTypes[packet.payloadType()];
        if (mappedPayloadType < 0) {
            shared.logger().warn(LogTag.RTP, "Producer", "unknown payload type [payloadType:" + packet.payloadType() + "]");
            return ReceiveResult.DISCARDED;
        }
        packet.setPayloadType(mappedPayloadType);
        packet.setSsrc(stream.mappedSsrc);
        if (spare == null) {
            spare = PooledByteBufAllocator.DEFAULT.directBuffer(SPARE_SIZE);
        }
        headerExtensionMap.apply(packet, spare);
        int videoOrientationId = shared.routerExtensions().videoOrientation();
        if (kind == MediaKind.VIDEO && packet.hasExtension(videoOrientationId)) {
            videoOrientation(packet.buffer().getByte(packet.extensionIndex(videoOrientationId)));
        }
        listener.onProducerRtpPacketReceived(this, packet);
        return result;
    }

    /**
     * The coordination of video orientation (3GPP TS 26.114 §7.4.5): camera, flip and
     * rotation; "videoorientationchange" when it first shows or changes.
     */
    private void videoOrientation(int value) {
        int orientation = value & 0x0F;
        if (orientation == videoOrientation) {
            return;
        }
        videoOrientation = orientation;
        shared.emit(id, new ProducerEvent.VideoOrientationChange((orientation & 0x08) != 0, (orientation & 0x04) != 0,
                (orientation & 0x03) * 90));
    }

    /**
     * The stream for a packet of an SSRC not seen yet, as the C++ worker finds it: the
     * encoding with that SSRC (or RTX SSRC), else the one with the packet's RID, else the
     * only encoding when it names neither. An RTX packet pairs with an existing media stream
     * and is returned with it; null when nothing matches.
     */
    private ReceivingStream createStream(RtpPacket packet, RtpExtensionIds extensionIds, long nowMs) {
        List<RtpEncodingParameters> encodings = rtpParameters.encodings();
        for (int i = 0; i < encodings.size(); i++) {
            RtpEncodingParameters encoding = encodings.get(i);
            if (encoding.ssrc() == packet.ssrc() && carriesMedia(encoding, packet)) {
                return newStream(packet, i, nowMs);
            }
            if (encoding.hasRtx() && encoding.rtxSsrc() == packet.ssrc() && carriesRtx(encoding, packet)) {
                return pairRtx(streamsBySsrc.get(encoding.ssrc()), packet);
            }
        }
        String rid = extensionIds.readRid(packet);
        if (rid != null) {
            for (int i = 0; i < encodings.size(); i++) {
                RtpEncodingParameters encoding = encodings.get(i);
                if (!encoding.rid().equals(rid)) {
                    continue;
                }
                if (carriesMedia(encoding, packet)) {
                    return streamWithRid(rid) == null ? newStream(packet, i, nowMs) : null;
                }
                if (carriesRtx(encoding, packet)) {
                    return pairRtx(streamWithRid(rid), packet);
                }
            }
            return null;
        }
        if (encodings.size() == 1 && encodings.get(0).ssrc() == 0 && encodings.get(0).rid().isEmpty()) {
            if (carriesMedia(encodings.get(0), packet)) {
                return streamsBySsrc.isEmpty() ? newStream(packet, 0, nowMs) : null;
            }
            if (carriesRtx(encodings.get(0), packet) && !streamsBySsrc.isEmpty()) {
                return pairRtx(streamsBySsrc.values().iterator().next(), packet);
            }
        }
        return null;
    }

    private ReceivingStream newStream(RtpPacket packet, int encodingIdx, long nowMs) {
        RtpStreamParams params = RtpStreamParams.forReceiving(rtpParameters, encodingIdx, packet.ssrc());
        RtpStreamRecv rtpStream = new RtpStreamRecv(params, this, shared.streamReports(), nowMs);
        ReceivingStream stream = new ReceivingStream(rtpStream, rtpMapping.encodings().get(encodingIdx).mappedSsrc(),
                KeyFrameDetector.forMimeType(params.mimeType()),
                dependencyDescriptorId != 0 && readsDependencyDescriptor(params.mimeType()) ? new DependencyDescriptor() : null);
        streamsBySsrc.put(packet.ssrc(), stream);
        rtpStreamScores[encodingIdx] = rtpStream.score();
        if (paused) {
            rtpStream.pause();
        }
        startInactivityTimer();
        emitScore();
        return stream;
    }

    /** The media stream's first RTX packet: from now on its SSRC is the stream's RTX SSRC. */
    private ReceivingStream pairRtx(ReceivingStream stream, RtpPacket packet) {
        if (stream == null || stream.rtpStream.params().hasRtx()) {
            return null;
        }
        stream.rtpStream.setRtx(packet.payloadType(), packet.ssrc());
        streamsByRtxSsrc.put(packet.ssrc(), stream);
        return stream;
    }

    /**
     * The sender's SR about one of our streams, arrived at {@code arrivalUs} (µs since the Unix
     * epoch); false when the SSRC is not one of them.
     */
    boolean receiveSenderReport(long ssrc, long ntpSeconds, long ntpFraction, long rtpTimestamp, long packetCount,
            long octetCount, long arrivalUs) {
        ReceivingStream stream = streamsBySsrc.get(ssrc);
        if (stream == null) {
            return streamsByRtxSsrc.containsKey(ssrc);
        }
        stream.rtpStream.receiveSenderReport(ntpSeconds, ntpFraction, shared.nowMs());
        rtcpSender.clockOffset(cname()).addSenderReport(ntpSeconds, ntpFraction, arrivalUs,
                stream.rtpStream.roundTripTime());
        if (senderReports.update(stream.rtpStream.params().encodingIdx(), ntpSeconds, ntpFraction, rtpTimestamp)) {
            listener.onProducerFirstSenderReport(this);
        }
        traceEvents.senderReport(ssrc, ntpSeconds, ntpFraction, rtpTimestamp, packetCount, octetCount);
        return true;
    }

    /**
     * A DLRR sub-block about one of its media streams (not RTX, as the C++ worker); others are
     * ignored. Returns the round-trip time measured (ms), or -1.
     */
    double receiveXrDelaySinceLastRr(long ssrc, long lastRr, long delaySinceLastRr, long wallMs) {
        ReceivingStream stream = streamsBySsrc.get(ssrc);
        return stream != null ? stream.rtpStream.receiveXrDelaySinceLastRr(lastRr, delaySinceLastRr, wallMs) : -1;
    }

    /** Writes the report blocks that are due, at most {@code room}; returns how many. */
    int writeReportBlocks(ByteBuf out, long nowMs, int room) {
        int written = 0;
        long maxIntervalMs = kind == MediaKind.AUDIO ? 5000 : 1000;
        for (ReceivingStream stream : streamsBySsrc.values()) {
            if (written < room && stream.rtpStream.reportDue(nowMs, maxIntervalMs)) {
                stream.rtpStream.writeReportBlock(out, nowMs);
                written++;
            }
        }
        return written;
    }

    /**
     * A consumer needs a key frame of the stream the router knows as {@code mappedSsrc}: the
     * sender is asked, many consumers asking at once making one request.
     */
    void requestKeyFrame(long mappedSsrc) {
        if (keyFrameRequestManager == null || paused) {
            return;
        }
        RtpStreamRecv rtpStream = rtpStreamOf(mappedSsrc);
        if (rtpStream != null) {
            keyFrameRequestManager.keyFrameNeeded(rtpStream.ssrc(), shared.nowMs());
            scheduleKeyFrameTimer();
        }
    }

    @Override
    public void onKeyFrameNeeded(long ssrc) {
        ReceivingStream stream = streamsBySsrc.get(ssrc);
        if (stream == null) {
            shared.logger().warn(LogTag.RTCP, "Producer", "no associated RtpStream found [ssrc:" + ssrc + "]");
            return;
        }
        stream.rtpStream.requestKeyFrame();
    }

    /** Has the key-frame timer fire at the manager's next deadline, unless it fires earlier already. */
    private void scheduleKeyFrameTimer() {
        keyFrameTimer.armAt(keyFrameRequestManager.nextDeadlineMs());
    }

    private void onKeyFrameTimer() {
        if (closed) {
            return;
        }
        keyFrameRequestManager.onTimer(shared.nowMs());
        scheduleKeyFrameTimer();
    }

    @Override
    public void onRtpStreamSendRtcp(RtpStreamRecv rtpStream, ByteBuf packet) {
        int type = packet.getUnsignedByte(packet.readerIndex() + 1);
        int format = packet.getUnsignedByte(packet.readerIndex()) & 0x1F;
        if (type == RtcpType.PSFB && format == KeyFrameRequest.PLI) {
            traceEvents.pli(rtpStream.ssrc());
        } else if (type == RtcpType.PSFB && format == KeyFrameRequest.FIR) {
            traceEvents.fir(rtpStream.ssrc());
        }
        // The C++ worker's feedback switch falls through from PSFB to RTPFB, so a PLI (FMT 1, a
        // NACK's FMT) is traced as a "nack" too.
        if (format == Nack.FMT && (type == RtcpType.RTPFB || type == RtcpType.PSFB)) {
            traceEvents.nack();
        }
        rtcpSender.sendRtcp(packet);
    }

    @Override
    public void onRtpStreamSpatialLayerStarted(RtpStreamRecv rtpStream) {
        listener.onProducerRtpStreamSpatialLayerStarted(this);
    }

    @Override
    public void onRtpStreamScore(RtpStreamRecv rtpStream, int score, int previousScore) {
        rtpStreamScores[rtpStream.params().encodingIdx()] = score;
        listener.onProducerRtpStreamScore(this, score, previousScore);
        emitScore();
    }

    /** The "score" event: each receiving stream's score by encoding. */
    private void emitScore() {
        shared.emit(id, new ProducerEvent.Score(scores()));
    }

    private List<ProducerEvent.StreamScore> scores() {
        ReceivingStream[] byEncoding = new ReceivingStream[rtpStreamScores.length];
        streamsBySsrc.values().forEach(stream -> byEncoding[stream.rtpStream.params().encodingIdx()] = stream);
        List<ProducerEvent.StreamScore> scores = new ArrayList<>();
        for (ReceivingStream stream : byEncoding) {
            if (stream != null) {
                RtpStreamParams params = stream.rtpStream.params();
                scores.add(new ProducerEvent.StreamScore(params.encodingIdx(), params.ssrc(), params.rid(),
                        stream.rtpStream.score()));
            }
        }
        return scores;
    }

    private void startNackTimer() {
        if (nackTimer == null) {
            nackTimer = shared.loop().schedule(this::onNackTimer, NackGenerator.TIMER_INTERVAL_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void onNackTimer() {
        nackTimer = null;
        if (closed) {
            return;
        }
        long nowMs = shared.nowMs();
        boolean again = false;
        for (ReceivingStream stream : streamsBySsrc.values()) {
            again |= stream.rtpStream.onNackTimer(nowMs);
        }
        if (again) {
            startNackTimer();
        }
    }

    private void startInactivityTimer() {
        if (inactivityTimer == null) {
            long period = RtpStreamRecv.INACTIVITY_MS / 3;
            inactivityTimer = shared.loop().scheduleAtFixedRate(this::checkInactivity, period, period,
                    TimeUnit.MILLISECONDS);
        }
    }

    private void checkInactivity() {
        long nowMs = shared.nowMs();
        if (!paused) {
            streamsBySsrc.values().forEach(stream -> stream.rtpStream.checkInactivity(nowMs));
        }
    }

    /** The SSRCs its streams have received on, media and RTX. */
    long[] streamSsrcs() {
        long[] ssrcs = new long[streamsBySsrc.size() + streamsByRtxSsrc.size()];
        int i = 0;
        for (long ssrc : streamsBySsrc.keySet()) {
            ssrcs[i++] = ssrc;
        }
        for (long ssrc : streamsByRtxSsrc.keySet()) {
            ssrcs[i++] = ssrc;
        }
        return ssrcs;
    }

    /** Stops its timers and leaves the channel's handlers. */
    void close() {
        closed = true;
        shared.handlers().unregister(id, this);
        if (nackTimer != null) {
            nackTimer.cancel(false);
        }
        if (inactivityTimer != null) {
            inactivityTimer.cancel(false);
        }
        keyFrameTimer.cancel();
        if (spare != null) {
            spare.release();
            spare = null;
        }
    }

    private boolean carriesMedia(RtpEncodingParameters encoding, RtpPacket packet) {
        return rtpParameters.codecFor(encoding).payloadType() == packet.payloadType();
    }

    private boolean carriesRtx(RtpEncodingParameters encoding, RtpPacket packet) {
        RtpCodecParameters rtxCodec = rtpParameters.rtxCodecFor(encoding);
        return rtxCodec != null && rtxCodec.payloadType() == packet.payloadType();
    }

    private ReceivingStream streamWithRid(String rid) {
        for (ReceivingStream stream : streamsBySsrc.values()) {
            if (stream.rtpStream.params().rid().equals(rid)) {
                return stream;
            }
        }
        return null;
    }

    /** The receiving stream the router knows as {@code mappedSsrc}; null before it exists. */
    private RtpStreamRecv rtpStreamOf(long mappedSsrc) {
        for (ReceivingStream stream : streamsBySsrc.values()) {
            if (stream.mappedSsrc == mappedSsrc) {
                return stream.rtpStream;
            }
        }
        return null;
    }

    @Override
    public LayerBitrates rtpStreamLayerBitrates(long mappedSsrc) {
        RtpStreamRecv rtpStream = rtpStreamOf(mappedSsrc);
        return rtpStream != null ? rtpStream.layerBitrates() : null;
    }

    @Override
    public long rtpStreamActiveMs(long mappedSsrc, long nowMs) {
        RtpStreamRecv rtpStream = rtpStreamOf(mappedSsrc);
        return rtpStream != null ? rtpStream.activeMs(nowMs) : 0;
    }

    @Override
    public RtpStreamStats rtpStreamStats(long mappedSsrc, long nowMs) {
        RtpStreamRecv rtpStream = rtpStreamOf(mappedSsrc);
        return rtpStream != null ? rtpStream.stats(nowMs) : null;
    }

    /** producer.getStats(): one "inbound-rtp" entry per receiving stream. */
    ProducerResponse.Stats stats() {
        long nowMs = shared.nowMs();
        List<RtpStreamStats> stats = new ArrayList<>();
        streamsBySsrc.values().forEach(stream -> stats.add(stream.rtpStream.stats(nowMs)));
        return new ProducerResponse.Stats(stats);
    }

    ProducerResponse.Dump dump() {
        List<RtpStreamDump> streams = new ArrayList<>();
        streamsBySsrc.values().forEach(stream -> streams.add(stream.rtpStream.dump()));
        return new ProducerResponse.Dump(id, kind, rtpParameters, type, rtpMapping, streams, traceEvents.enabled(),
                paused);
    }
}
