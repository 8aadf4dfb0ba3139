package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.rtcp.CompoundPacketReader;
import io.jmediasoup.rtp.rtcp.ExtendedReport;
import io.jmediasoup.rtp.rtcp.KeyFrameRequest;
import io.jmediasoup.rtp.rtcp.Nack;
import io.jmediasoup.rtp.rtcp.Ntp;
import io.jmediasoup.rtp.rtcp.ReceiverReport;
import io.jmediasoup.rtp.rtcp.Remb;
import io.jmediasoup.rtp.rtcp.ReportBlock;
import io.jmediasoup.rtp.rtcp.RtcpType;
import io.jmediasoup.rtp.rtcp.RemoteClockOffsetEstimator;
import io.jmediasoup.rtp.rtcp.SenderReport;
import io.jmediasoup.rtp.rtcp.TransportFeedback;
import io.jmediasoup.rtp.sctp.SendResult;
import io.jmediasoup.rtp.stream.TransmissionCounter;
import io.jmediasoup.worker.LogTag;
import io.jmediasoup.worker.messages.ChannelNotification;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.ConsumerResponse;
import io.jmediasoup.worker.messages.MediaNotification;
import io.jmediasoup.worker.messages.ProducerResponse;
import io.jmediasoup.worker.messages.TransportDataRequest;
import io.jmediasoup.worker.messages.TransportDump;
import io.jmediasoup.worker.messages.TransportMediaRequest;
import io.jmediasoup.worker.messages.TransportOptions;
import io.jmediasoup.worker.messages.TransportRequest;
import io.jmediasoup.worker.messages.TransportStats;
import io.jmediasoup.worker.messages.TransportDataRequest;
import io.jmediasoup.worker.rtc.params.RtpHeaderExtensionParameters;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.collection.LongObjectHashMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * What the four transport kinds share: the options of router.create*Transport common to all,
 * the transport.* requests that do not depend on the kind, and the base of dump and stats.
 * A kind adds its sockets, connect() and its own dump and stats fields.
 */
public abstract class Transport implements ChannelHandler, Consumer.Listener, Producer.RtcpSender {
    /** The router, told of every producer and data producer or consumer that comes or goes. */
    public interface Listener extends Producer.Listener {
        /** The WebRtcServer whose sockets {@code transport} used closed: the router closes it. */
        void onTransportListenServerClosed(Transport transport);

        /** Throws when the router already has a producer with that id. */
        void onTransportNewProducer(Transport transport, Producer producer);

        void onTransportProducerClosed(Transport transport, Producer producer);

        /** Throws when the router has no producer {@code producerId}. */
        void onTransportNewConsumer(Transport transport, Consumer consumer, String producerId);

        /** A consumer needs a key frame of the producer's stream the router knows as {@code mappedSsrc}. */
        void onTransportConsumerKeyFrameRequested(Transport transport, Consumer consumer, long mappedSsrc);

        /** The consumer was closed while its producer lives on. */
        void onTransportConsumerClosed(Transport transport, Consumer consumer);

        /** Throws when the router already has a data producer with that id. */
        void onTransportNewDataProducer(Transport transport, DataProducer dataProducer);

        void onTransportDataProducerClosed(Transport transport, DataProducer dataProducer);

        /** A data producer passes on {@code message}, lent for the call. */
        void onTransportDataProducerMessageReceived(Transport transport, DataProducer dataProducer,
                DataMessage message);

        void onTransportDataProducerPaused(Transport transport, DataProducer dataProducer);

        void onTransportDataProducerResumed(Transport transport, DataProducer dataProducer);

        /** Throws when the router has no data producer {@code dataProducerId}. */
        void onTransportNewDataConsumer(Transport transport, DataConsumer dataConsumer, String dataProducerId);

        void onTransportDataConsumerClosed(Transport transport, DataConsumer dataConsumer);
    }

    protected final String id;
    protected final Shared shared;
    private final Listener listener;
    private final Map<String, Producer> producers = new LinkedHashMap<>();
    /** How far each sender's clock is from ours, by its CNAME, while it has producers here. */
    private final Map<String, RemoteClockOffsetEstimator> clockOffsets = new HashMap<>();
    private final RtpListener rtpListener = new RtpListener();
    /** The header extension ids its producers send with (mid, rid, ...), for receiving RTP. */
    private final Map<String, Integer> recvRtpHeaderExtensions = new LinkedHashMap<>();
    /** The same ids as fields, for the receiving path. */
    private RtpExtensionIds recvExtensionIds = RtpExtensionIds.NONE;
    private final Map<String, Consumer> consumers = new LinkedHashMap<>();
    /** Which consumer sends with which SSRC: for RTCP from the remote end. */
    private final LongObjectHashMap<Consumer> ssrcConsumers = new LongObjectHashMap<>();
    private final LongObjectHashMap<Consumer> rtxSsrcConsumers = new LongObjectHashMap<>();
    /** The RTCP report interval before randomisation: the C++ worker's maximum for video. */
    private static final long RTCP_INTERVAL_MS = 1000;
    /** Room for the largest compound packet we build: an MTU. */
    private static final int RTCP_BUFFER_SIZE = 1500;

    private final boolean direct;
    /** The data message limits as 3.32 gives and dumps them (3.8 gives one for both). */
    private final long maxSendMessageSize;
    private final long maxReceiveMessageSize;
    /** Its data producers and consumers, and its SCTP association. */
    private final DataEndpoints dataEndpoints;
    private final TraceEventTypes traceEventTypes = new TraceEventTypes("probation", "bwe");
    /** Everything that arrived or went out on the kind's connection, and of it RTP media, retransmissions and probation. */
    private final TransmissionCounter recvTransmission = new TransmissionCounter(TransmissionCounter.DATA_WINDOW_MS);
    private final TransmissionCounter sendTransmission = new TransmissionCounter(TransmissionCounter.DATA_WINDOW_MS);
    private final TransmissionCounter recvRtpTransmission = new TransmissionCounter(TransmissionCounter.RTP_WINDOW_MS);
    private final TransmissionCounter sendRtpTransmission = new TransmissionCounter(TransmissionCounter.RTP_WINDOW_MS);
    private final TransmissionCounter recvRtxTransmission = new TransmissionCounter(TransmissionCounter.RTX_WINDOW_MS);
    private final TransmissionCounter sendRtxTransmission = new TransmissionCounter(TransmissionCounter.RTX_WINDOW_MS);
    private final TransmissionCounter sendProbationTransmission =
            new TransmissionCounter(TransmissionCounter.PROBATION_WINDOW_MS);
    private boolean connected;
    /**
     * Reused for every packet this transport receives: the event loop handles one at a time.
     * Allocated on the first one: a transport that only consumes never needs it.
     */
    private RtpPacket receivedPacket;
    private final CompoundPacketReader rtcpReader = new CompoundPacketReader();
    private final ExtendedReport.DlrrVisitor dlrrReceiver = this::receiveXrDelaySinceLastRr;
    private ScheduledFuture<?> rtcpTimer;
    private final IncomingBitrateControl incomingBitrate;
    private final OutgoingBitrateControl outgoingBitrate;
    /** The round-trip time 3.32's stats tell, and the timer that updates it while measurements are recent. */
    private final RttCalculator rttCalculator = new RttCalculator();
    private final DeadlineTimer rttTimer;
    /** SRTP both ways once keyed (SDES on Plain/Pipe, DTLS on WebRtc); null without. */
    protected SrtpSessions srtp;
    private boolean closed;

    /** With the options every kind takes, already validated by the codec of the request's era. */
    protected Transport(String id, Shared shared, Listener listener, TransportOptions options) {
        this.id = id;
        this.shared = shared;
        this.listener = listener;
        this.direct = options.direct();
        this.maxSendMessageSize = options.maxSendMessageSize();
        this.maxReceiveMessageSize = options.maxReceiveMessageSize();
        this.incomingBitrate = new IncomingBitrateControl(shared, this, options);
        this.rttTimer = new DeadlineTimer(shared, this::onRttTimer);
        this.outgoingBitrate = new OutgoingBitrateControl(id, shared, this::sendProbationPacket, consumers.values(),
                traceEventTypes, options);
        this.dataEndpoints = new DataEndpoints(this, shared, listener, direct, options.maxSendMessageSize(), options.sctp());
    }

    public String id() {
        return id;
    }

    /** The largest message its data consumers send, in bytes. */
    long maxSendMessageSize() {
        return maxSendMessageSize;
    }

    /** The largest message its data producers take, in bytes. */
    long maxReceiveMessageSize() {
        return maxReceiveMessageSize;
    }

    public boolean isDirect() {
        return direct;
    }

    @Override
    public ChannelResponse handle(ChannelRequest request) {
        if (request instanceof TransportRequest.Dump) {
            return dump();
        }
        if (request instanceof TransportDataRequest data) {
            return dataEndpoints.handle(data);
        }
        if (request instanceof TransportRequest.GetStats) {
            return stats();
        }
        if (request instanceof TransportRequest.SetMaxIncomingBitrate set) {
            shared.logger().debug(LogTag.BWE, "Transport", "maximum incoming bitrate set to " + set.bitrate());
            incomingBitrate.setMaxIncomingBitrate(set.bitrate());
            return null;
        }
        if (request instanceof TransportRequest.SetMaxOutgoingBitrate set) {
            outgoingBitrate.setMaxOutgoingBitrate(set.bitrate());
            return null;
        }
        if (request instanceof TransportRequest.SetMinOutgoingBitrate set) {
            outgoingBitrate.setMinOutgoingBitrate(set.bitrate());
            return null;
        }
        if (request instanceof TransportRequest.EnableTraceEvent enable) {
            traceEventTypes.enable(enable.types());
            return null;
        }
        if (request instanceof TransportMediaRequest.Produce produce) {
            return produce(produce);
        }
        if (request instanceof TransportMediaRequest.Consume consume) {
            return consume(consume);
        }
        if (request instanceof TransportMediaRequest.CloseProducer close) {
            closeProducer(producer(close.producerId()));
        } else if (request instanceof TransportMediaRequest.CloseConsumer close) {
            Consumer consumer = consumer(close.consumerId());
            removeConsumer(consumer);
            listener.onTransportConsumerClosed(this, consumer);
        } else {
            return handleKindRequest(request);
        }
        return null;
    }

    /** transport.sendRtcp: only a DirectTransport takes RTCP from the application. */
    @Override
    public void handle(ChannelNotification notification) {
        if (notification instanceof MediaNotification.SendRtcp sendRtcp) {
            receiveApplicationRtcp(sendRtcp.packet());
            return;
        }
        ChannelHandler.super.handle(notification);
    }

    /** RTCP the application gave a DirectTransport, lent for the call; no other kind takes it. */
    protected void receiveApplicationRtcp(ByteBuf packet) {
        throw new MediasoupError("unknown event 'transport.sendRtcp'");
    }

    /** RTP the application gave one of a DirectTransport's producers, lent for the call; no other kind takes it. */
    @Override
    public void receiveApplicationRtp(ByteBuf packet) {
        throw new MediasoupError("unknown event 'producer.send'");
    }

    /** connect(), restartIce() and any request only some kinds answer; the others refuse it. */
    protected ChannelResponse handleKindRequest(ChannelRequest request) {
        throw ChannelHandler.unknownMethod(request);
    }

    /** One of its producers, consumers, data producers or data consumers. */
    @Override
    public ChannelHandler child(String id) {
        Producer producer = producers.get(id);
        if (producer != null) {
            return producer;
        }
        Consumer consumer = consumers.get(id);
        return consumer != null ? consumer : dataEndpoints.child(id);
    }

    /**
     * An RTP packet arrived from the remote side (already decrypted); {@code data} is lent
     * for the call. Malformed packets and those no producer claims are dropped.
     */
    protected void receiveRtpPacket(ByteBuf data) {
        if (receivedPacket == null) {
            receivedPacket = new RtpPacket();
        }
        RtpPacket packet = receivedPacket;
        if (!packet.parse(data)) {
            shared.logger().warn(LogTag.RTP, "Transport", "received data is not a valid RTP packet");
            return;
        }
        incomingBitrate.packetReceived(packet);
        Producer producer = rtpListener.producerOf(packet, recvExtensionIds);
        if (producer == null) {
            shared.logger().warn(LogTag.RTP, "Transport", "no suitable Producer for received RTP packet [ssrc:"
                    + packet.ssrc() + ", payloadType:" + packet.payloadType() + "]");
            return;
        }
        // As the C++ worker: counted as the producer left it (RTX decoded, extensions remapped).
        switch (producer.receiveRtpPacket(packet, recvExtensionIds)) {
            case MEDIA -> recvRtpTransmission.count(packet.size(), shared.nowMs());
            case RETRANSMISSION -> recvRtxTransmission.count(packet.size(), shared.nowMs());
            case DISCARDED -> { }
        }
    }

    private int recvExtensionId(String name) {
        Integer id = recvRtpHeaderExtensions.get(name);
        return id != null ? id : 0;
    }

    private RtpExtensionIds recvExtensionIds() {
        return new RtpExtensionIds(recvExtensionId("mid"), recvExtensionId("rid"), recvExtensionId("rrid"),
                recvExtensionId("transportWideCc01"));
    }

    /** Counts bytes that arrived on the kind's sockets, whatever they carry. */
    protected void dataReceived(int bytes) {
        recvTransmission.count(bytes, shared.nowMs());
    }

    /** The remote side can now be sent to: consumers may start, and RTCP reports (but on a DirectTransport) begin. */
    protected void connected() {
        if (connected) {
            return;
        }
        connected = true;
        consumers.values().forEach(Consumer::transportConnected);
        dataEndpoints.transportConnected();
        // The C++ worker never tells a DirectTransport itself that it is connected, only its
        // consumers and congestion control: it sends the application no RTCP reports.
        if (!direct) {
            rtcpTimer = shared.loop().schedule(this::onRtcpTimer, RTCP_INTERVAL_MS / 2, TimeUnit.MILLISECONDS);
        }
        incomingBitrate.transportConnected();
        outgoingBitrate.transportConnected();
    }

    /**
     * Connected once connect()'s answer has gone, as the C++ worker answers first: what
     * connecting sends or tells (SCTP, events) follows the answer.
     */
    protected void connectedAfterAnswer() {
        shared.loop().execute(() -> {
            if (!closed) {
                connected();
            }
        });
    }

    /** The remote side is gone (ICE lost, DTLS closed): consumers stop and reports pause until {@link #connected()}. */
    protected void disconnected() {
        if (!connected) {
            return;
        }
        connected = false;
        consumers.values().forEach(Consumer::transportDisconnected);
        if (rtcpTimer != null) {
            rtcpTimer.cancel(false);
            rtcpTimer = null;
        }
        incomingBitrate.transportDisconnected();
        outgoingBitrate.transportDisconnected();
    }

    /** Sends the reports that are due, then again within 0.5 to 1.5 intervals (RFC 3550 §6.2). */
    private void onRtcpTimer() {
        if (closed) {
            return;
        }
        sendRtcpReports(shared.nowMs(), System.currentTimeMillis());
        long interval = RTCP_INTERVAL_MS * ThreadLocalRandom.current().nextInt(5, 16) / 10;
        rtcpTimer = shared.loop().schedule(this::onRtcpTimer, interval, TimeUnit.MILLISECONDS);
    }

    /** An SR (with SDES) per consumer stream that is due, and RRs for the producers' streams that are. */
    private void sendRtcpReports(long nowMs, long wallMs) {
        for (Consumer consumer : consumers.values()) {
            for (RtpStreamSend stream : consumer.rtpStreams()) {
                if (stream.reportDue(nowMs, consumer.maxRtcpIntervalMs())) {
                    ByteBuf packet = PooledByteBufAllocator.DEFAULT.directBuffer(RTCP_BUFFER_SIZE);
                    try {
                        stream.writeSenderReport(packet, nowMs, wallMs);
                        sendRtcp(packet);
                    } finally {
                        packet.release();
                    }
                }
            }
        }
        ByteBuf packet = PooledByteBufAllocator.DEFAULT.directBuffer(RTCP_BUFFER_SIZE);
        try {
            int blocks = 0;
            packet.writerIndex(ReceiverReport.HEADER_SIZE);
            for (Producer producer : producers.values()) {
                blocks += producer.writeReportBlocks(packet, nowMs, ReceiverReport.MAX_REPORT_BLOCKS - blocks);
            }
            if (blocks > 0) {
                int end = packet.writerIndex();
                packet.writerIndex(0);
                // The C++ worker's receiver reports carry sender SSRC 0.
                ReceiverReport.writeHeader(packet, 0, blocks);
                packet.writerIndex(end);
                // Senders answer it with a DLRR block: our round-trip time to them.
                ExtendedReport.writeReceiverReferenceTime(packet, Ntp.seconds(wallMs), Ntp.fraction(wallMs));
                sendRtcp(packet);
            }
        } finally {
            packet.release();
        }
    }

    /** Sends an RTCP packet to the remote side, if connected; {@code packet} stays the caller's. */
    @Override
    public void sendRtcp(ByteBuf packet) {
        if (connected) {
            sendRtcpPacket(packet);
        }
    }

    @Override
    public RemoteClockOffsetEstimator clockOffset(String cname) {
        return clockOffsets.computeIfAbsent(cname, name -> new RemoteClockOffsetEstimator());
    }

    /** Sends an RTCP packet on the kind's connection. */
    protected abstract void sendRtcpPacket(ByteBuf packet);

    /**
     * RTCP from the remote side (already decrypted); {@code data} is lent for the call. SRs
     * reach the producer's streams, report blocks, NACKs and PLI/FIR the consumers' streams,
     * transport-cc feedback and REMB the outgoing bitrate control, XR DLRR blocks the producers'
     * streams (their round-trip time); other types (SDES, BYE) are ignored.
     */
    protected void receiveRtcpPacket(ByteBuf data) {
        CompoundPacketReader reader = rtcpReader.reset(data);
        long arrivalUs = System.currentTimeMillis() * 1000;
        while (reader.next()) {
            ByteBuf buffer = reader.buffer();
            int index = reader.index();
            switch (reader.packetType()) {
                case RtcpType.SR:
                    if (SenderReport.isWellFormed(reader)) {
                        Producer producer = rtpListener.producerOf(SenderReport.ssrc(buffer, index));
                        if (producer != null) {
                            producer.receiveSenderReport(SenderReport.ssrc(buffer, index),
                                    SenderReport.ntpSeconds(buffer, index), SenderReport.ntpFraction(buffer, index),
                                    SenderReport.rtpTimestamp(buffer, index), SenderReport.packetCount(buffer, index),
                                    SenderReport.octetCount(buffer, index), arrivalUs);
                        }
                        receiveReportBlocks(reader, index + SenderReport.REPORT_BLOCKS_OFFSET);
                    }
                    break;
                case RtcpType.RR:
                    if (ReceiverReport.isWellFormed(reader)) {
                        receiveReportBlocks(reader, index + ReceiverReport.REPORT_BLOCKS_OFFSET);
                    }
                    break;
                case RtcpType.RTPFB:
                    if (Nack.is(reader)) {
                        receiveNack(reader);
                    } else if (TransportFeedback.is(reader)) {
                        outgoingBitrate.receiveTransportFeedback(reader);
                    }
                    break;
                case RtcpType.XR:
                    ExtendedReport.readDelaySinceLastRr(reader, dlrrReceiver);
                    break;
                case RtcpType.PSFB:
                    if (KeyFrameRequest.is(reader)) {
                        receiveKeyFrameRequest(KeyFrameRequest.mediaSsrc(reader), reader.count() == KeyFrameRequest.FIR);
                    } else if (Remb.is(reader)) {
                        outgoingBitrate.receiveRemb(Remb.bitrate(reader));
                    }
                    break;
                default:
                    break;
            }
        }
        if (reader.malformed()) {
            shared.logger().warn(LogTag.RTCP, "Transport", "received data is not a valid RTCP compound or single packet");
        }
    }

    private void receiveReportBlocks(CompoundPacketReader reader, int firstBlock) {
        long wallMs = System.currentTimeMillis();
        for (int i = 0; i < reader.count(); i++) {
            int block = firstBlock + i * ReportBlock.SIZE;
            RtpStreamSend stream = sendingStream(ReportBlock.ssrc(reader.buffer(), block));
            if (stream != null) {
                addRtt(stream.receiveReport(reader.buffer(), block, wallMs));
                if (stream.roundTripTime() > 0) {
                    outgoingBitrate.receiveRtt((long) stream.roundTripTime());
                }
            }
        }
    }

    private void receiveXrDelaySinceLastRr(long ssrc, long lastRr, long delaySinceLastRr) {
        Producer producer = rtpListener.producerOf(ssrc);
        if (producer != null) {
            addRtt(producer.receiveXrDelaySinceLastRr(ssrc, lastRr, delaySinceLastRr, System.currentTimeMillis()));
        }
    }

    /** A stream's measured round-trip time (ms; negative: none measured) for the transport's. */
    private void addRtt(double rttMs) {
        if (rttMs >= 0) {
            rttCalculator.add((long) rttMs, shared.nowMs());
            rttTimer.armAt(rttCalculator.nextUpdateMs());
        }
    }

    private void onRttTimer() {
        long nowMs = shared.nowMs();
        if (nowMs >= rttCalculator.nextUpdateMs()) {
            rttCalculator.tick(nowMs);
        }
        rttTimer.armAt(rttCalculator.nextUpdateMs());
    }

    private void receiveNack(CompoundPacketReader reader) {
        long ssrc = Nack.mediaSsrc(reader);
        RtpStreamSend stream = sendingStream(ssrc);
        if (stream != null) {
            ssrcConsumers.get(ssrc).receiveNack(stream, reader);
        }
    }

    private void receiveKeyFrameRequest(long ssrc, boolean fir) {
        RtpStreamSend stream = sendingStream(ssrc);
        if (stream != null) {
            ssrcConsumers.get(ssrc).receiveKeyFrameRequest(stream, fir);
        }
    }

    /** The consumer stream sending with {@code ssrc}, or null. */
    private RtpStreamSend sendingStream(long ssrc) {
        Consumer consumer = ssrcConsumers.get(ssrc);
        if (consumer == null) {
            return null;
        }
        List<RtpStreamSend> streams = consumer.rtpStreams();
        for (int i = 0; i < streams.size(); i++) {
            if (streams.get(i).params.ssrc() == ssrc) {
                return streams.get(i);
            }
        }
        return null;
    }

    @Override
    public void onConsumerKeyFrameRequested(Consumer consumer, long mappedSsrc) {
        listener.onTransportConsumerKeyFrameRequested(this, consumer, mappedSsrc);
    }

    boolean isConnected() {
        return connected;
    }

    /** A consumer's packet to the remote side, rewritten for it; lent for the call. */
    @Override
    public void onConsumerSendRtpPacket(Consumer consumer, RtpPacket packet) {
        sendConsumerPacket(consumer, packet, sendRtpTransmission);
    }

    @Override
    public void onConsumerRetransmitRtpPacket(Consumer consumer, RtpPacket packet) {
        sendConsumerPacket(consumer, packet, sendRtxTransmission);
    }

    private void sendConsumerPacket(Consumer consumer, RtpPacket packet, TransmissionCounter counter) {
        long nowMs = shared.nowMs();
        packet.updateAbsSendTime(HeaderExtensionMap.ABS_SEND_TIME, nowMs);
        outgoingBitrate.packetSending(consumer, packet);
        sendRtpPacket(consumer, packet);
        counter.count(packet.size(), nowMs);
        outgoingBitrate.packetSent(packet.size());
    }

    private void sendProbationPacket(RtpPacket packet) {
        sendRtpPacket(null, packet);
        sendProbationTransmission.count(packet.size(), shared.nowMs());
    }

    @Override
    public void onConsumerNeedBitrateChange(Consumer consumer) {
        outgoingBitrate.consumerNeedsBitrateChange();
    }

    /** Sends a consumer's RTP packet (null consumer: probation) on the kind's connection; only called once {@link #connected()}. */
    protected abstract void sendRtpPacket(Consumer consumer, RtpPacket packet);

    /** Delivers a data consumer's message to the remote side and says what became of it. */
    SendResult sendMessage(DataConsumer dataConsumer, long ppid, ByteBuf message) {
        return dataEndpoints.sendSctpMessage(dataConsumer, ppid, message);
    }

    /**
     * An SCTP packet from the remote side (over UDP, or DTLS application data for a
     * WebRtcTransport); lent for the call.
     */
    protected void receiveSctpData(ByteBuf data) {
        dataEndpoints.receiveSctpData(data);
    }

    /** Sends an SCTP packet on the kind's connection (UDP, or DTLS application data); lent for the call. */
    protected abstract void sendSctpData(ByteBuf packet);

    /** Counts bytes the kind sent on its own: RTP, RTCP, SCTP and data messages. */
    protected void dataSent(int bytes) {
        sendTransmission.count(bytes, shared.nowMs());
    }


    /** The header extensions whose ids a transport needs to route what it receives. */
    private static final Map<String, String> ROUTING_EXTENSIONS = Map.of(
            "urn:ietf:params:rtp-hdrext:sdes:mid", "mid",
            "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id", "rid",
            "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id", "rrid",
            Consumer.ABS_SEND_TIME_URI, "absSendTime",
            Consumer.TRANSPORT_WIDE_CC_URI, "transportWideCc01");

    private ProducerResponse.Produced produce(TransportMediaRequest.Produce request) {
        String producerId = request.producerId();
        if (producers.containsKey(producerId)) {
            throw EntityIdError.taken("Producer", "producerId");
        }
        Producer producer = new Producer(producerId, shared, listener, this, request);
        rtpListener.addProducer(producer);
        try {
            listener.onTransportNewProducer(this, producer);
        } catch (MediasoupError duplicate) {
            rtpListener.removeProducer(producer);
            throw duplicate;
        }
        producers.put(producerId, producer);
        shared.handlers().register(producerId, producer, true);
        Map<String, Integer> producerIds = new LinkedHashMap<>();
        for (RtpHeaderExtensionParameters extension : producer.rtpParameters.headerExtensions()) {
            String name = ROUTING_EXTENSIONS.get(extension.uri());
            if (name != null) {
                producerIds.putIfAbsent(name, extension.id());
            }
        }
        recvRtpHeaderExtensions.putAll(producerIds);
        incomingBitrate.producerAdded(producer.rtpParameters, recvExtensionId("transportWideCc01"),
                recvExtensionId("absSendTime"));
        recvExtensionIds = recvExtensionIds();
        return new ProducerResponse.Produced(producer.type);
    }

    private void closeProducer(Producer producer) {
        for (long ssrc : producer.streamSsrcs()) {
            recvStreamClosed(ssrc);
        }
        rtpListener.removeProducer(producer);
        producers.remove(producer.id);
        String cname = producer.cname();
        if (producers.values().stream().noneMatch(other -> other.cname().equals(cname))) {
            clockOffsets.remove(cname);
        }
        producer.close();
        listener.onTransportProducerClosed(this, producer);
    }

    private Producer producer(String producerId) {
        Producer producer = producers.get(producerId);
        if (producer == null) {
            throw EntityIdError.missing("Producer");
        }
        return producer;
    }

    private ConsumerResponse.Consumed consume(TransportMediaRequest.Consume request) {
        String consumerId = request.consumerId();
        if (consumers.containsKey(consumerId)) {
            throw EntityIdError.taken("Consumer", "consumerId");
        }
        Consumer consumer = newConsumer(consumerId, request);
        outgoingBitrate.consumerAdded(consumer);
        listener.onTransportNewConsumer(this, consumer, request.producerId());
        consumers.put(consumerId, consumer);
        shared.handlers().register(consumerId, consumer, false);
        if (connected) {
            consumer.transportConnected();
        }
        consumer.mediaSsrcs().forEach(ssrc -> ssrcConsumers.put(ssrc, consumer));
        consumer.rtxSsrcs().forEach(ssrc -> rtxSsrcConsumers.put(ssrc, consumer));
        return consumer.status();
    }

    /** A consumer of the kind the request's type names. */
    private Consumer newConsumer(String consumerId, TransportMediaRequest.Consume request) {
        switch (request.type()) {
            case SIMPLE:
                return new SimpleConsumer(consumerId, shared, this, request);
            case SIMULCAST:
                return new SimulcastConsumer(consumerId, shared, this, request);
            case SVC:
                return new SvcConsumer(consumerId, shared, this, request);
            default:
                return new PipeConsumer(consumerId, shared, this, request);
        }
    }

    private void removeConsumer(Consumer consumer) {
        consumers.remove(consumer.id);
        consumer.close();
        consumer.mediaSsrcs().forEach(ssrcConsumers::remove);
        consumer.rtxSsrcs().forEach(rtxSsrcConsumers::remove);
        consumer.mediaSsrcs().forEach(this::sendStreamClosed);
        consumer.rtxSsrcs().forEach(this::sendStreamClosed);
    }

    /** A producer's stream no longer receives on {@code ssrc}: its SRTP state goes. */
    private void recvStreamClosed(long ssrc) {
        if (srtp != null) {
            srtp.recvStreamClosed(ssrc);
        }
    }

    /** A consumer no longer sends on {@code ssrc}: its SRTP state goes. */
    private void sendStreamClosed(long ssrc) {
        if (srtp != null) {
            srtp.sendStreamClosed(ssrc);
        }
    }

    /** Keys (or re-keys, after a new DTLS handshake) SRTP both ways; the previous sessions go. */
    protected void useSrtp(SrtpSessions sessions) {
        if (srtp != null) {
            srtp.close();
        }
        srtp = sessions;
    }

    /** The router already forgot the consumer along with its producer. */
    @Override
    public void onConsumerProducerClosed(Consumer consumer) {
        removeConsumer(consumer);
    }

    private Consumer consumer(String consumerId) {
        Consumer consumer = consumers.get(consumerId);
        if (consumer == null) {
            throw EntityIdError.missing("Consumer");
        }
        return consumer;
    }

    /** The router closed {@code dataConsumer}'s data producer: it goes too. */
    void dataConsumerProducerClosed(DataConsumer dataConsumer) {
        dataEndpoints.dataConsumerProducerClosed(dataConsumer);
    }

    public final TransportDump dump() {
        Map<String, Integer> extensions = new LinkedHashMap<>(recvRtpHeaderExtensions);
        return new TransportDump(id, direct, List.copyOf(producers.keySet()), List.copyOf(consumers.keySet()),
                consumerIdsBySsrc(ssrcConsumers), consumerIdsBySsrc(rtxSsrcConsumers), dataEndpoints.dataProducerIds(),
                dataEndpoints.dataConsumerIds(), extensions, rtpListener.dump(), dataEndpoints.maxMessageSize(),
                maxSendMessageSize, maxReceiveMessageSize,
                dataEndpoints.sctpDump(),
                traceEventTypes.enabled(), kindDump());
    }

    private static Map<Long, String> consumerIdsBySsrc(LongObjectHashMap<Consumer> consumersBySsrc) {
        Map<Long, String> ids = new LinkedHashMap<>();
        consumersBySsrc.forEach((ssrc, consumer) -> ids.put(ssrc, consumer.id));
        return ids;
    }

    /** The kind's own part of a dump. */
    protected abstract TransportDump.Kind kindDump();

    public final TransportStats stats() {
        long nowMs = shared.nowMs();
        boolean sends = outgoingBitrate.active();
        return new TransportStats(id, System.currentTimeMillis(), dataEndpoints.sctpState(), recvTransmission.bytes(),
                recvTransmission.bitrate(nowMs), sendTransmission.bytes(), sendTransmission.bitrate(nowMs),
                recvRtpTransmission.bytes(), recvRtpTransmission.bitrate(nowMs), sendRtpTransmission.bytes(),
                sendRtpTransmission.bitrate(nowMs), recvRtxTransmission.bytes(), recvRtxTransmission.bitrate(nowMs),
                sendRtxTransmission.bytes(), sendRtxTransmission.bitrate(nowMs), sendProbationTransmission.bytes(),
                sendProbationTransmission.bitrate(nowMs), incomingBitrate.limitApplies(), sends,
                sends ? outgoingBitrate.availableBitrate() : null, incomingBitrate.availableBitrate(),
                incomingBitrate.maxIncomingBitrate(), outgoingBitrate.maxOutgoingBitrate(),
                outgoingBitrate.minOutgoingBitrate(), incomingBitrate.packetLoss(),
                sends ? outgoingBitrate.packetLoss() : null,
                rttCalculator.lastRttMs() >= 0 ? rttCalculator.lastRttMs() : null, kindStats());
    }

    /** The kind's own part of the stats. */
    protected abstract TransportStats.Kind kindStats();

    /** The WebRtcServer whose sockets it used closed; its router closes it. */
    final void listenServerClosed() {
        listener.onTransportListenServerClosed(this);
    }

    /** Closes the transport and everything it owns; idempotent. */
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        rttTimer.cancel();
        for (Producer producer : List.copyOf(producers.values())) {
            closeProducer(producer);
        }
        for (Consumer consumer : List.copyOf(consumers.values())) {
            removeConsumer(consumer);
            listener.onTransportConsumerClosed(this, consumer);
        }
        dataEndpoints.close();
        if (rtcpTimer != null) {
            rtcpTimer.cancel(false);
        }
        incomingBitrate.close();
        outgoingBitrate.close();
        closeSockets();
        useSrtp(null);
        shared.handlers().unregister(id, this);
    }

    /** Releases the kind's sockets and timers. */
    protected abstract void closeSockets();
}
