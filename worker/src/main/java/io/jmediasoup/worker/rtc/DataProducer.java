package io.jmediasoup.worker.rtc;

import io.jmediasoup.worker.messages.ChannelNotification;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.DataProducerNotification;
import io.jmediasoup.worker.messages.DataProducerRequest;
import io.jmediasoup.worker.messages.DataProducerResponse;
import io.jmediasoup.worker.messages.TransportDataRequest;

/**
 * A source of data messages on a transport (transport.produceData): from the SCTP peer, or
 * from the application (a "direct" one, or any in 3.32). A paused one counts what it receives
 * and drops it.
 */
final class DataProducer extends DataEndpoint implements ChannelHandler {
    private final DataEndpoints endpoints;
    private final Shared shared;
    private long messagesReceived;
    private long bytesReceived;

    DataProducer(TransportDataRequest.ProduceData request, DataEndpoints endpoints, Shared shared) {
        super(request.dataProducerId(), request.type(), request.sctpStreamParameters(), request.label(),
                request.protocol(), request.paused());
        this.endpoints = endpoints;
        this.shared = shared;
    }

    @Override
    public ChannelResponse handle(ChannelRequest request) {
        if (request instanceof DataProducerRequest.Dump) {
            return dump();
        }
        if (request instanceof DataProducerRequest.GetStats) {
            return new DataProducerResponse.Stats(System.currentTimeMillis(), label, protocol, messagesReceived,
                    bytesReceived);
        }
        if (request instanceof DataProducerRequest.Pause) {
            if (!paused) {
                paused = true;
                endpoints.dataProducerPaused(this);
            }
            return null;
        }
        if (request instanceof DataProducerRequest.Resume) {
            if (paused) {
                paused = false;
                endpoints.dataProducerResumed(this);
            }
            return null;
        }
        throw ChannelHandler.unknownMethod(request);
    }

    @Override
    public void handle(ChannelNotification notification) {
        if (notification instanceof DataProducerNotification.Send send) {
            endpoints.receiveApplicationMessage(this, new DataMessage(send.ppid(), send.message(), send.subchannels(),
                    send.requiredSubchannel(), send.ignoredSubchannel()));
            return;
        }
        ChannelHandler.super.handle(notification);
    }

    /** Counts a message from the peer or the application, and passes it on unless paused. */
    void receiveMessage(DataMessage message) {
        messagesReceived++;
        bytesReceived += message.payload().readableBytes();
        if (!paused) {
            endpoints.dataProducerMessage(this, message);
        }
    }

    DataProducerResponse.Dump dump() {
        return new DataProducerResponse.Dump(id, type, sctpStreamParameters, label, protocol, paused);
    }

    /** It is gone: the channel no longer reaches it. */
    void close() {
        shared.handlers().unregister(id, this);
    }
}
