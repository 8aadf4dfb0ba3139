package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.rtp.sctp.SctpState;
import io.jmediasoup.rtp.sctp.SendResult;
import io.jmediasoup.worker.LogTag;
import io.jmediasoup.worker.messages.TransportDump;
import io.jmediasoup.worker.messages.TransportEvent;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.DataConsumerResponse;
import io.jmediasoup.worker.messages.DataProducerResponse;
import io.jmediasoup.worker.messages.TransportDataRequest;
import io.jmediasoup.worker.messages.TransportDump;
import io.jmediasoup.worker.messages.TransportEvent;
import io.jmediasoup.worker.rtc.params.DataType;
import io.netty.buffer.ByteBuf;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data side of a transport: its data producers and data consumers, the largest message it
 * carries and, with SCTP enabled, the association and the SCTP listener (which data producer
 * receives on which stream). The C++ worker keeps these apart from the media dispatch too, in
 * its SctpListener and the transport's SCTP association listener.
 */
final class DataEndpoints {
    private final Transport transport;
    private final Shared shared;
    private final Transport.Listener listener;
    private final boolean direct;
    private final long maxMessageSize;
    private final SctpOptions sctpOptions;
    /** The SCTP association when SCTP is enabled, else null. */
    private final SctpLink sctp;
    private final Map<String, DataProducer> dataProducers = new LinkedHashMap<>();
    private final Map<String, DataConsumer> dataConsumers = new LinkedHashMap<>();
    /** The SCTP listener: which data producer sends on which stream. */
    private final Map<Integer, DataProducer> dataProducerByStreamId = new LinkedHashMap<>();
    private boolean closed;

    /**
     * {@code maxMessageSize} is the limit without SCTP; {@code sctpOptions} is null without
     * SCTP, never given to a direct transport.
     */
    DataEndpoints(Transport transport, Shared shared, Transport.Listener listener, boolean direct, long maxMessageSize,
            SctpOptions sctpOptions) {
        this.transport = transport;
        this.shared = shared;
        this.listener = listener;
        this.direct = direct;
        this.sctpOptions = sctpOptions;
        this.maxMessageSize = sctpOptions != null ? sctpOptions.maxMessageSize() : maxMessageSize;
        this.sctp = sctpOptions != null ? new SctpLink(this, shared, sctpOptions) : null;
    }

    long maxMessageSize() {
        return maxMessageSize;
    }

    /** The transport is connected: the SCTP handshake may start. */
    void transportConnected() {
        if (sctp != null) {
            sctp.transportConnected();
        }
    }

    /** transport.produceData, transport.consumeData and the closing of either. */
    ChannelResponse handle(TransportDataRequest request) {
        if (request instanceof TransportDataRequest.ProduceData produce) {
            return produceData(produce);
        }
        if (request instanceof TransportDataRequest.ConsumeData consume) {
            return consumeData(consume);
        }
        if (request instanceof TransportDataRequest.CloseDataProducer close) {
            if (sctpOptions == null && !direct) {
                throw new MediasoupError("cannot close DataProducer, SCTP not enabled and not a direct Transport");
            }
            closeDataProducer(dataProducer(close.dataProducerId()));
            return null;
        }
        TransportDataRequest.CloseDataConsumer close = (TransportDataRequest.CloseDataConsumer) request;
        if (sctpOptions == null && !direct) {
            throw new MediasoupError("cannot close DataConsumer, SCTP not enabled and not a direct Transport");
        }
        DataConsumer dataConsumer = dataConsumer(close.dataConsumerId());
        removeDataConsumer(dataConsumer);
        listener.onTransportDataConsumerClosed(transport, dataConsumer);
        return null;
    }

    private DataProducerResponse.Dump produceData(TransportDataRequest.ProduceData request) {
        if (sctpOptions == null && !direct) {
            throw new MediasoupError("SCTP not enabled and not a direct Transport");
        }
        String dataProducerId = request.dataProducerId();
        if (dataProducers.containsKey(dataProducerId)) {
            throw EntityIdError.taken("DataProducer", "dataProducerId");
        }
        if (request.type() == DataType.SCTP && request.sctpStreamParameters() == null) {
            throw new MediasoupTypeError("missing sctpStreamParameters");
        }
        checkDataType(request.type(), "DataProducer");
        if (request.type() == DataType.SCTP) {
            int streamId = request.sctpStreamParameters().streamId();
            if (dataProducerByStreamId.containsKey(streamId)) {
                throw new MediasoupError("streamId already exists in SCTP listener [streamId:" + streamId + "]");
            }
        }
        DataProducer dataProducer = new DataProducer(request, this, shared);
        listener.onTransportNewDataProducer(transport, dataProducer);
        try {
            shared.handlers().register(dataProducerId, dataProducer, true);
        } catch (MediasoupError duplicate) {
            listener.onTransportDataProducerClosed(transport, dataProducer);
            throw duplicate;
        }
        if (dataProducer.isSctp()) {
            dataProducerByStreamId.put(dataProducer.sctpStreamParameters.streamId(), dataProducer);
        }
        dataProducers.put(dataProducerId, dataProducer);
        if (dataProducer.isSctp() && sctp != null) {
            sctp.dataEndpointAdded();
        }
        return dataProducer.dump();
    }

    private DataConsumerResponse.Dump consumeData(TransportDataRequest.ConsumeData request) {
        if (sctpOptions == null && !direct) {
            throw new MediasoupError("SCTP not enabled and not a direct Transport");
        }
        String dataConsumerId = request.dataConsumerId();
        if (dataConsumers.containsKey(dataConsumerId)) {
            throw EntityIdError.taken("DataConsumer", "dataConsumerId");
        }
        if (request.type() == DataType.SCTP && request.sctpStreamParameters() == null) {
            throw new MediasoupTypeError("missing sctpStreamParameters");
        }
        checkDataType(request.type(), "DataConsumer");
        if (request.type() == DataType.SCTP && perStreamBufferedAmounts()) {
            int streamId = request.sctpStreamParameters().streamId();
            if (sctpStreamTaken(streamId)) {
                throw EntityIdError.sctpStreamTaken(streamId);
            }
        }
        DataConsumer dataConsumer = new DataConsumer(request, transport, shared,
                sctpOptions != null ? sctpOptions.defaultStreamBufferedAmountLowThreshold() : null);
        listener.onTransportNewDataConsumer(transport, dataConsumer, request.dataProducerId());
        try {
            shared.handlers().register(dataConsumerId, dataConsumer, false);
        } catch (MediasoupError duplicate) {
            listener.onTransportDataConsumerClosed(transport, dataConsumer);
            throw duplicate;
        }
        dataConsumers.put(dataConsumerId, dataConsumer);
        if (dataConsumer.isSctp()) {
            dataConsumer.sctpAssociationChanged(sctp.state());
            sctp.dataEndpointAdded();
        }
        return dataConsumer.dump();
    }

    /** Its data producer or consumer named {@code id}, or null. */
    ChannelHandler child(String id) {
        DataProducer dataProducer = dataProducers.get(id);
        return dataProducer != null ? dataProducer : dataConsumers.get(id);
    }

    /**
     * Whether a data consumer's buffered amount is its stream's bytes not yet sent (3.32, where a
     * stream serves one data consumer) or the association's bytes not yet acknowledged (3.8).
     */
    private boolean perStreamBufferedAmounts() {
        return sctpOptions != null && sctpOptions.defaultStreamBufferedAmountLowThreshold() != null;
    }

    /** Whether one of its SCTP data consumers sends on {@code streamId}. */
    private boolean sctpStreamTaken(int streamId) {
        for (DataConsumer dataConsumer : dataConsumers.values()) {
            if (dataConsumer.isSctp() && dataConsumer.sctpStreamParameters.streamId() == streamId) {
                return true;
            }
        }
        return false;
    }

    /** An "sctp" one needs SCTP enabled here, a "direct" one a DirectTransport. */
    private void checkDataType(DataType type, String kind) {
        if (type == DataType.SCTP && sctpOptions == null) {
            throw new MediasoupTypeError(
                    "cannot create a " + kind + " of type 'sctp', SCTP not enabled in this Transport");
        }
        if (type == DataType.DIRECT && !direct) {
            throw new MediasoupTypeError("cannot create a " + kind + " of type 'direct', not a direct Transport");
        }
    }

    /**
     * A message the application gave one of its data producers, lent for the call; one larger
     * than the transport's maxReceiveMessageSize is dropped.
     */
    void receiveApplicationMessage(DataProducer dataProducer, DataMessage message) {
        int length = message.payload().readableBytes();
        long limit = transport.maxReceiveMessageSize();
        if (length > limit) {
            shared.logger().warn(LogTag.MESSAGE, "DataProducer", "given message exceeds maxMessageSize value [maxMessageSize:"
                    + limit + ", len:" + length + "]");
            return;
        }
        dataProducer.receiveMessage(message);
        transport.dataReceived(length);
    }

    /** One of its data producers passes a message on to the router. */
    void dataProducerMessage(DataProducer dataProducer, DataMessage message) {
        listener.onTransportDataProducerMessageReceived(transport, dataProducer, message);
    }

    void dataProducerPaused(DataProducer dataProducer) {
        listener.onTransportDataProducerPaused(transport, dataProducer);
    }

    void dataProducerResumed(DataProducer dataProducer) {
        listener.onTransportDataProducerResumed(transport, dataProducer);
    }

    /**
     * Delivers a data consumer's message to the remote side over the SCTP association and says
     * what became of it (the data consumer tells the application when the send buffer is full).
     */
    SendResult sendSctpMessage(DataConsumer dataConsumer, long ppid, ByteBuf message) {
        SendResult result = sctp.send(dataConsumer.sctpStreamParameters, ppid, message);
        if (result == SendResult.QUEUED) {
            return result;
        }
        if (result == SendResult.BUFFER_FULL) {
            dataConsumer.sctpSendBufferFull();
        } else {
            shared.logger().warn(LogTag.SCTP, "SctpAssociation", "error sending SCTP message [sid:"
                    + dataConsumer.sctpStreamParameters.streamId() + ", ppid:" + ppid + ", message size:"
                    + message.readableBytes() + "]: " + result);
        }
        return result;
    }

    /** Whether it has a data producer or consumer: 3.32's association waits for one. */
    boolean hasDataEndpoints() {
        return !dataProducers.isEmpty() || !dataConsumers.isEmpty();
    }

    /** An SCTP packet from the remote side, lent for the call. */
    void receiveSctpData(ByteBuf data) {
        if (sctp == null) {
            shared.logger().debug(LogTag.SCTP, "Transport", "ignoring SCTP packet (SCTP not enabled)");
            return;
        }
        sctp.receive(data);
    }

    /** An SCTP packet for the remote side, lent for the call. */
    void sendSctpData(ByteBuf packet) {
        transport.sendSctpData(packet);
    }

    void sctpStateChanged(SctpState state) {
        for (DataConsumer dataConsumer : dataConsumers.values()) {
            if (dataConsumer.isSctp()) {
                dataConsumer.sctpAssociationChanged(state);
            }
        }
        if (state == SctpState.CONNECTED) {
            shared.emit(transport.id, new TransportEvent.SctpNegotiatedCapabilities(sctp.negotiatedOutboundStreams(),
                    sctp.negotiatedInboundStreams()));
        }
        shared.emit(transport.id, new TransportEvent.SctpStateChange(state.label()));
    }

    /**
     * A message from the SCTP peer goes to the data producer of its stream (with the
     * subchannels a pipe transport's peer put in front); DCEP (PPID 50) is ignored as in the
     * C++ worker.
     */
    void sctpMessageReceived(int streamId, long ppid, ByteBuf message) {
        if (ppid == 50) {
            shared.logger().warn(LogTag.SCTP, "SctpAssociation", "ignoring SCTP data with ppid:50 (WebRTC DataChannel Control)");
            return;
        }
        DataProducer dataProducer = dataProducerByStreamId.get(streamId);
        if (dataProducer == null) {
            shared.logger().warn(LogTag.SCTP, "Transport", "no suitable DataProducer for received SCTP message [streamId:"
                    + streamId + "]");
            return;
        }
        dataProducer.receiveMessage(transport instanceof PipeTransport
                ? SubchannelsHeader.decode(ppid, message)
                : DataMessage.unfiltered(ppid, message));
    }

    void sctpBufferedAmount(long bufferedAmount) {
        boolean perStream = perStreamBufferedAmounts();
        for (DataConsumer dataConsumer : List.copyOf(dataConsumers.values())) {
            if (dataConsumer.isSctp()) {
                dataConsumer.sctpBufferedAmount(perStream
                        ? sctp.streamQueuedAmount(dataConsumer.sctpStreamParameters.streamId())
                        : bufferedAmount);
            }
        }
    }

    private void closeDataProducer(DataProducer dataProducer) {
        if (dataProducer.isSctp()) {
            dataProducerByStreamId.remove(dataProducer.sctpStreamParameters.streamId());
            if (!closed) {
                sctp.dataProducerClosed(dataProducer.sctpStreamParameters.streamId());
            }
        }
        dataProducers.remove(dataProducer.id);
        dataProducer.close();
        listener.onTransportDataProducerClosed(transport, dataProducer);
    }

    /** Forgets {@code dataConsumer} and resets its SCTP stream; the router is told by the caller. */
    private void removeDataConsumer(DataConsumer dataConsumer) {
        dataConsumers.remove(dataConsumer.id);
        if (dataConsumer.isSctp() && sctp != null && !closed) {
            sctp.dataConsumerClosed(dataConsumer.sctpStreamParameters.streamId());
        }
        dataConsumer.close();
    }

    /** The router closed {@code dataConsumer}'s data producer: it goes too. */
    void dataConsumerProducerClosed(DataConsumer dataConsumer) {
        dataConsumer.dataProducerClosed();
        removeDataConsumer(dataConsumer);
    }

    private DataProducer dataProducer(String dataProducerId) {
        DataProducer dataProducer = dataProducers.get(dataProducerId);
        if (dataProducer == null) {
            throw EntityIdError.missing("DataProducer");
        }
        return dataProducer;
    }

    private DataConsumer dataConsumer(String dataConsumerId) {
        DataConsumer dataConsumer = dataConsumers.get(dataConsumerId);
        if (dataConsumer == null) {
            throw EntityIdError.missing("DataConsumer");
        }
        return dataConsumer;
    }

    List<String> dataProducerIds() {
        return List.copyOf(dataProducers.keySet());
    }

    List<String> dataConsumerIds() {
        return List.copyOf(dataConsumers.keySet());
    }

    /** The dump's SCTP part, or null without SCTP. */
    TransportDump.Sctp sctpDump() {
        if (sctpOptions == null) {
            return null;
        }
        Map<Integer, String> streamIdTable = new LinkedHashMap<>();
        dataProducerByStreamId.forEach((streamId, producer) -> streamIdTable.put(streamId, producer.id));
        return new TransportDump.Sctp(SctpOptions.PORT, sctp.outboundStreams(), sctpOptions.mis(),
                sctpOptions.maxMessageSize(), sctpOptions.sendBufferSize(), sctpOptions.perStreamSendQueueLimit(),
                sctpOptions.maxReceiverWindowBufferSize(), sctp.bufferedAmount(), sctpOptions.isDataChannel(),
                sctp.negotiatedOutboundStreams(), sctp.negotiatedInboundStreams(), sctp.state().label(), streamIdTable);
    }

    /** The association's state, or null without SCTP. */
    String sctpState() {
        return sctpOptions != null ? sctp.state().label() : null;
    }

    /** Closes every data producer and consumer (telling the router) and the association, without a word to the peer. */
    void close() {
        closed = true;
        for (DataProducer dataProducer : List.copyOf(dataProducers.values())) {
            closeDataProducer(dataProducer);
        }
        for (DataConsumer dataConsumer : List.copyOf(dataConsumers.values())) {
            removeDataConsumer(dataConsumer);
            listener.onTransportDataConsumerClosed(transport, dataConsumer);
        }
        if (sctp != null) {
            sctp.close();
        }
    }
}
