package io.jmediasoup.worker.rtc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.channel.Request;
import io.jmediasoup.rtp.sctp.SctpState;
import io.jmediasoup.rtp.sctp.SendResult;
import io.jmediasoup.worker.LogTag;
import io.jmediasoup.worker.messages.TransportDump;
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

    void produceData(Request request) {
        if (sctpOptions == null && !direct) {
            throw new MediasoupError("SCTP not enabled and not a direct Transport");
        }
        String dataProducerId = Internal.id(request.internal(), "dataProducerId");
        if (dataProducers.containsKey(dataProducerId)) {
            throw new MediasoupError("a DataProducer with same dataProducerId already exists");
        }
        DataProducer dataProducer = new DataProducer(dataProducerId, request.data());
        checkDataType(dataProducer, "DataProducer");
        if (dataProducer.isSctp()) {
            int streamId = dataProducer.sctpStreamParameters.streamId();
            if (dataProducerByStreamId.containsKey(streamId)) {
                throw new MediasoupError("streamId already exists in SCTP listener [streamId:" + streamId + "]");
            }
        }
        listener.onTransportNewDataProducer(transport, dataProducer);
        if (dataProducer.isSctp()) {
            dataProducerByStreamId.put(dataProducer.sctpStreamParameters.streamId(), dataProducer);
        }
        dataProducers.put(dataProducerId, dataProducer);
        request.accept(dataProducer.dump());
    }

    void consumeData(Request request) {
        if (sctpOptions == null && !direct) {
            throw new MediasoupError("SCTP not enabled and not a direct Transport");
        }
        String dataProducerId = Internal.id(request.internal(), "dataProducerId");
        String dataConsumerId = Internal.id(request.internal(), "dataConsumerId");
        if (dataConsumers.containsKey(dataConsumerId)) {
            throw new MediasoupError("a DataConsumer with same dataConsumerId already exists");
        }
        DataConsumer dataConsumer = new DataConsumer(dataConsumerId, dataProducerId, transport, shared, request.data());
        checkDataType(dataConsumer, "DataConsumer");
        listener.onTransportNewDataConsumer(transport, dataConsumer, dataProducerId);
        dataConsumers.put(dataConsumerId, dataConsumer);
        if (dataConsumer.isSctp()) {
            dataConsumer.sctpAssociationChanged(sctpConnected());
        }
        request.accept(dataConsumer.dump());
    }

    /** An "sctp" one needs SCTP enabled here, a "direct" one a DirectTransport. */
    private void checkDataType(DataEndpoint endpoint, String kind) {
        if (endpoint.isSctp() && sctpOptions == null) {
            throw new MediasoupTypeError(
                    "cannot create a " + kind + " of type 'sctp', SCTP not enabled in this Transport");
        }
        if (!endpoint.isSctp() && !direct) {
            throw new MediasoupTypeError("cannot create a " + kind + " of type 'direct', not a direct Transport");
        }
    }

    /** dataProducer.* and dataConsumer.* requests. */
    void handleRequest(Request request) {
        String method = request.method();
        switch (method) {
            case "dataProducer.close":
                closeDataProducer(dataProducer(request.internal()));
                request.accept();
                break;
            case "dataConsumer.close":
                DataConsumer dataConsumer = dataConsumer(request.internal());
                dataConsumers.remove(dataConsumer.id);
                if (dataConsumer.isSctp() && sctp != null) {
                    sctp.dataConsumerClosed(dataConsumer.sctpStreamParameters.streamId());
                }
                listener.onTransportDataConsumerClosed(transport, dataConsumer);
                request.accept();
                break;
            case "dataConsumer.getBufferedAmount":
                bufferedAmount(request);
                break;
            default:
                if (method.startsWith("dataProducer.")) {
                    dataProducer(request.internal()).handleRequest(request);
                } else {
                    DataConsumer target = dataConsumer(request.internal());
                    if (method.equals("dataConsumer.setBufferedAmountLowThreshold") && !target.isSctp()) {
                        throw new MediasoupError("invalid DataConsumer type");
                    }
                    target.handleRequest(request);
                }
        }
    }

    /** A payload-channel request aimed at one of its data consumers (dataConsumer.send); {@code payload} is lent. */
    void handlePayloadRequest(Request request, ByteBuf payload) {
        if (!request.method().equals("dataConsumer.send")) {
            throw new MediasoupError("unknown method '" + request.method() + "'");
        }
        dataConsumer(request.internal()).send(request, payload);
    }

    private void bufferedAmount(Request request) {
        DataConsumer dataConsumer = dataConsumer(request.internal());
        if (!dataConsumer.isSctp()) {
            throw new MediasoupError("invalid DataConsumer type");
        }
        if (sctpOptions == null) {
            throw new MediasoupError("no SCTP association present");
        }
        JsonObject data = new JsonObject();
        data.addProperty("bufferedAmount", dataConsumer.bufferedAmount());
        request.accept(data);
    }

    /** A message the application gave a direct data producer; {@code message} is lent. */
    void receiveMessage(JsonObject internal, JsonObject data, ByteBuf message) {
        DataProducer dataProducer = dataProducer(internal);
        JsonElement ppid = data.get("ppid");
        if (!JsonValues.isPositiveInteger(ppid)) {
            throw new MediasoupTypeError("invalid ppid");
        }
        if (message.readableBytes() > maxMessageSize) {
            shared.logger().warn(LogTag.MESSAGE, "Transport", "given message exceeds maxMessageSize value [maxMessageSize:"
                    + maxMessageSize + ", len:" + message.readableBytes() + "]");
            return;
        }
        dataProducer.receiveMessage(message.readableBytes());
        listener.onTransportDataProducerMessageReceived(transport, dataProducer, ppid.getAsLong() & 0xFFFFFFFFL, message);
        transport.dataReceived(message.readableBytes());
    }

    /**
     * Delivers a data consumer's message to the remote side over the SCTP association and says
     * what became of it ("sctpsendbufferfull" is notified when the send buffer is full).
     */
    SendResult sendSctpMessage(DataConsumer dataConsumer, long ppid, ByteBuf message) {
        SendResult result = sctp.send(dataConsumer.sctpStreamParameters, ppid, message);
        if (result == SendResult.QUEUED) {
            return result;
        }
        if (result == SendResult.BUFFER_FULL) {
            shared.notify(dataConsumer.id, "sctpsendbufferfull", null);
        } else {
            shared.logger().warn(LogTag.SCTP, "SctpAssociation", "error sending SCTP message [sid:"
                    + dataConsumer.sctpStreamParameters.streamId() + ", ppid:" + ppid + ", message size:"
                    + message.readableBytes() + "]: " + result);
        }
        return result;
    }

    /** Whether the SCTP association is up (data consumers of kind "sctp" may send). */
    private boolean sctpConnected() {
        return sctp != null && sctp.state() == SctpState.CONNECTED;
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
        boolean up = state == SctpState.CONNECTED;
        for (DataConsumer dataConsumer : dataConsumers.values()) {
            if (dataConsumer.isSctp()) {
                dataConsumer.sctpAssociationChanged(up);
            }
        }
        JsonObject data = new JsonObject();
        data.addProperty("sctpState", state.label());
        shared.notify(transport.id, "sctpstatechange", data);
    }

    /** A message from the SCTP peer goes to the data producer of its stream; DCEP (PPID 50) is ignored as in the C++ worker. */
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
        dataProducer.receiveMessage(message.readableBytes());
        listener.onTransportDataProducerMessageReceived(transport, dataProducer, ppid, message);
    }

    void sctpBufferedAmount(long bufferedAmount) {
        for (DataConsumer dataConsumer : dataConsumers.values()) {
            if (dataConsumer.isSctp()) {
                dataConsumer.sctpBufferedAmount(bufferedAmount);
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
        listener.onTransportDataProducerClosed(transport, dataProducer);
    }

    /** The router closed {@code dataConsumer}'s data producer: it goes too. */
    void dataConsumerProducerClosed(DataConsumer dataConsumer) {
        dataConsumers.remove(dataConsumer.id);
        dataConsumer.dataProducerClosed();
    }

    private DataProducer dataProducer(JsonObject internal) {
        DataProducer dataProducer = dataProducers.get(Internal.id(internal, "dataProducerId"));
        if (dataProducer == null) {
            throw new MediasoupError("DataProducer not found");
        }
        return dataProducer;
    }

    private DataConsumer dataConsumer(JsonObject internal) {
        DataConsumer dataConsumer = dataConsumers.get(Internal.id(internal, "dataConsumerId"));
        if (dataConsumer == null) {
            throw new MediasoupError("DataConsumer not found");
        }
        return dataConsumer;
    }

    List<String> dataProducerIds() {
        return List.copyOf(dataProducers.keySet());
    }

    List<String> dataConsumerIds() {
        return List.copyOf(dataConsumers.keySet());
    }

    /** The dump's SCTP part, or null without SCTP; the two queue sizes are the transport's options. */
    TransportDump.Sctp sctpDump(long perStreamSendQueueLimit, long maxReceiverWindowBufferSize) {
        if (sctpOptions == null) {
            return null;
        }
        Map<Integer, String> streamIdTable = new LinkedHashMap<>();
        dataProducerByStreamId.forEach((streamId, producer) -> streamIdTable.put(streamId, producer.id));
        return new TransportDump.Sctp(SctpOptions.PORT, sctp.outboundStreams(), sctpOptions.mis(),
                sctpOptions.maxMessageSize(), sctpOptions.sendBufferSize(), perStreamSendQueueLimit,
                maxReceiverWindowBufferSize, sctp.bufferedAmount(), sctpOptions.isDataChannel(), sctp.state().label(),
                streamIdTable);
    }

    /** The stats' sctpState, with SCTP. */
    void fillStats(JsonObject json) {
        if (sctpOptions != null) {
            json.addProperty("sctpState", sctp.state().label());
        }
    }

    /** Closes every data producer and consumer (telling the router) and the association, without a word to the peer. */
    void close() {
        closed = true;
        for (DataProducer dataProducer : List.copyOf(dataProducers.values())) {
            closeDataProducer(dataProducer);
        }
        for (DataConsumer dataConsumer : List.copyOf(dataConsumers.values())) {
            dataConsumers.remove(dataConsumer.id);
            listener.onTransportDataConsumerClosed(transport, dataConsumer);
        }
        if (sctp != null) {
            sctp.close();
        }
    }
}
