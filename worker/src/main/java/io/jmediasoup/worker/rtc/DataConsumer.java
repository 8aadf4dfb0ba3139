package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.rtp.sctp.SctpState;
import io.jmediasoup.rtp.sctp.SendResult;
import io.jmediasoup.worker.LogTag;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.DataConsumerEvent;
import io.jmediasoup.worker.messages.DataConsumerRequest;
import io.jmediasoup.worker.messages.DataConsumerResponse;
import io.jmediasoup.worker.messages.TransportDataRequest;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.TreeSet;

/**
 * A sink of one data producer's messages on a transport (transport.consumeData). It sends
 * while its transport (and SCTP association) is up and neither it nor its data producer is
 * paused, and only the messages its subchannels select.
 */
final class DataConsumer extends DataEndpoint implements ChannelHandler {
    final String dataProducerId;
    final Transport transport;
    private final Shared shared;
    /** On a pipe transport the subchannels travel inside the message, for the other router to filter. */
    private final boolean pipe;
    private final TreeSet<Integer> subchannels;
    private long messagesSent;
    private long bytesSent;
    private long bufferedAmountLowThreshold;
    private long bufferedAmount;
    private SctpState sctpState = SctpState.NEW;
    private boolean dataProducerPaused;
    private boolean dataProducerClosed;
    /** Set when the threshold was given while above it: the next fall to it notifies. */
    private boolean forceBufferedAmountLow;
    /**
     * 3.32's SCTP stack: a data consumer watches the bytes of its own stream (a new threshold
     * tells only when it crosses them), and its send queue takes messages from the start until
     * the association closes. 3.8's watches the association's bytes (a new threshold at or
     * above them tells at once), and sends only while its transport and association are up.
     */
    private final boolean streamWatch;

    /** {@code streamBufferedAmountLowThreshold} is 3.32's first threshold of its stream, null in 3.8. */
    DataConsumer(TransportDataRequest.ConsumeData request, Transport transport, Shared shared,
            Long streamBufferedAmountLowThreshold) {
        super(request.dataConsumerId(), request.type(), request.sctpStreamParameters(), request.label(),
                request.protocol(), request.paused());
        this.dataProducerId = request.dataProducerId();
        this.transport = transport;
        this.shared = shared;
        this.pipe = transport instanceof PipeTransport;
        this.subchannels = new TreeSet<>(request.subchannels());
        this.streamWatch = streamBufferedAmountLowThreshold != null;
        this.bufferedAmountLowThreshold = isSctp() && streamWatch ? streamBufferedAmountLowThreshold : 0;
    }

    @Override
    public ChannelResponse handle(ChannelRequest request) {
        if (request instanceof DataConsumerRequest.Dump) {
            return dump();
        }
        if (request instanceof DataConsumerRequest.GetStats) {
            return new DataConsumerResponse.Stats(System.currentTimeMillis(), label, protocol, messagesSent, bytesSent,
                    bufferedAmount);
        }
        if (request instanceof DataConsumerRequest.Pause) {
            paused = true;
            return null;
        }
        if (request instanceof DataConsumerRequest.Resume) {
            paused = false;
            return null;
        }
        if (request instanceof DataConsumerRequest.GetBufferedAmount) {
            requireSctp();
            return new DataConsumerResponse.BufferedAmount(bufferedAmount);
        }
        if (request instanceof DataConsumerRequest.SetBufferedAmountLowThreshold set) {
            requireSctp();
            setBufferedAmountLowThreshold(set.threshold());
            return null;
        }
        if (request instanceof DataConsumerRequest.Send send) {
            return send(send);
        }
        if (request instanceof DataConsumerRequest.SetSubchannels set) {
            subchannels.clear();
            subchannels.addAll(set.subchannels());
            return new DataConsumerResponse.SubchannelsSet(List.copyOf(subchannels));
        }
        if (request instanceof DataConsumerRequest.AddSubchannel add) {
            subchannels.add(add.subchannel());
            return new DataConsumerResponse.SubchannelAdded(List.copyOf(subchannels));
        }
        if (request instanceof DataConsumerRequest.RemoveSubchannel remove) {
            subchannels.remove(remove.subchannel());
            return new DataConsumerResponse.SubchannelRemoved(List.copyOf(subchannels));
        }
        throw ChannelHandler.unknownMethod(request);
    }

    private void requireSctp() {
        if (!isSctp()) {
            throw new MediasoupTypeError("invalid DataConsumer type");
        }
    }

    /**
     * A message from the application: answered once queued, else "sctpsendbufferfull" or
     * "message send failed" as the C++ worker's send callback words them.
     */
    private ChannelResponse send(DataConsumerRequest.Send send) {
        if (send.sctpOnly()) {
            requireSctp();
        }
        int length = send.message().readableBytes();
        if (length > transport.maxSendMessageSize()) {
            throw new MediasoupTypeError("given message exceeds maxMessageSize value [maxMessageSize:"
                    + transport.maxSendMessageSize() + ", len:" + length + "]");
        }
        SendResult result = sendMessage(DataMessage.unfiltered(send.ppid(), send.message()));
        if (result == SendResult.QUEUED) {
            return new DataConsumerResponse.Sent(bufferedAmount);
        }
        throw new MessageSendError(result == SendResult.BUFFER_FULL ? "sctpsendbufferfull" : "message send failed");
    }

    /**
     * Whether it sends now: nothing paused, its data producer there, and its transport and SCTP
     * association up (3.8) or, in 3.32, its association not closed.
     */
    boolean isActive() {
        if (paused || dataProducerPaused || dataProducerClosed) {
            return false;
        }
        if (streamWatch) {
            return !isSctp() || sctpState != SctpState.CLOSED && sctpState != SctpState.FAILED;
        }
        return transport.isConnected() && (!isSctp() || sctpState == SctpState.CONNECTED);
    }

    /**
     * Whether its subchannels select {@code message}. A pipe one without subchannels takes
     * everything, and a pipe one ignores the ignored subchannel: the router behind it filters.
     */
    boolean selects(DataMessage message) {
        if (pipe && subchannels.isEmpty()) {
            return true;
        }
        if (message.requiredSubchannel() != null && !subchannels.contains(message.requiredSubchannel())) {
            return false;
        }
        if (!pipe && message.ignoredSubchannel() != null && subchannels.contains(message.ignoredSubchannel())) {
            return false;
        }
        return message.subchannels().isEmpty() || message.subchannels().stream().anyMatch(subchannels::contains);
    }

    /**
     * Sends one of its data producer's messages when active; a message larger than the
     * transport's maxSendMessageSize is dropped. On a pipe transport the subchannels it carries
     * go in front of it.
     */
    SendResult sendMessage(DataMessage message) {
        if (!isActive()) {
            return SendResult.NOT_CONNECTED;
        }
        ByteBuf payload = pipe ? SubchannelsHeader.encode(message, subchannels) : message.payload();
        try {
            int length = payload.readableBytes();
            if (length > transport.maxSendMessageSize()) {
                shared.logger().warn(LogTag.MESSAGE, "DataConsumer", "message exceeds maxMessageSize value [maxMessageSize:"
                        + transport.maxSendMessageSize() + ", len:" + length + "]");
                return SendResult.TOO_LARGE;
            }
            messagesSent++;
            bytesSent += length;
            return transport.sendMessage(this, message.ppid(), payload);
        } finally {
            if (payload != message.payload()) {
                payload.release();
            }
        }
    }

    /** Bytes its SCTP association holds: its stream's not yet sent (3.32), or all not yet acknowledged (3.8). */
    long bufferedAmount() {
        return bufferedAmount;
    }

    void sctpAssociationChanged(SctpState state) {
        sctpState = state;
    }

    /** "bufferedamountlow" when the amount falls to the threshold or below, as the C++ worker does. */
    void sctpBufferedAmount(long amount) {
        long previous = bufferedAmount;
        bufferedAmount = amount;
        if ((forceBufferedAmountLow || previous > bufferedAmountLowThreshold) && amount <= bufferedAmountLowThreshold) {
            forceBufferedAmountLow = false;
            shared.emit(id, new DataConsumerEvent.BufferedAmountLow(amount));
        }
    }

    private void setBufferedAmountLowThreshold(long threshold) {
        long previous = bufferedAmountLowThreshold;
        bufferedAmountLowThreshold = threshold;
        if (streamWatch) {
            if (previous < bufferedAmount && threshold >= bufferedAmount) {
                shared.emit(id, new DataConsumerEvent.BufferedAmountLow(bufferedAmount));
            }
            return;
        }
        if (bufferedAmount <= bufferedAmountLowThreshold) {
            shared.emit(id, new DataConsumerEvent.BufferedAmountLow(bufferedAmount));
        } else {
            forceBufferedAmountLow = true;
        }
    }

    /** Its SCTP message did not fit the association's send buffer. */
    void sctpSendBufferFull() {
        shared.emit(id, new DataConsumerEvent.SctpSendBufferFull());
    }

    void dataProducerPaused() {
        if (!dataProducerPaused) {
            dataProducerPaused = true;
            shared.emit(id, new DataConsumerEvent.DataProducerPause());
        }
    }

    void dataProducerResumed() {
        if (dataProducerPaused) {
            dataProducerPaused = false;
            shared.emit(id, new DataConsumerEvent.DataProducerResume());
        }
    }

    /** Its data producer closed: tell the library, which closes it too. */
    void dataProducerClosed() {
        dataProducerClosed = true;
        shared.emit(id, new DataConsumerEvent.DataProducerClose());
    }

    DataConsumerResponse.Dump dump() {
        return new DataConsumerResponse.Dump(id, dataProducerId, type, sctpStreamParameters, label, protocol,
                bufferedAmount, bufferedAmountLowThreshold, paused, dataProducerPaused, List.copyOf(subchannels));
    }

    /** It is gone: the channel no longer reaches it. */
    void close() {
        shared.handlers().unregister(id, this);
    }
}
