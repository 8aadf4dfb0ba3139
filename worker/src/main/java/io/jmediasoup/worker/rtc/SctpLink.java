package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.sctp.SctpAssociation;
import io.jmediasoup.rtp.sctp.SctpConfig;
import io.jmediasoup.rtp.sctp.SctpState;
import io.jmediasoup.rtp.sctp.SendOptions;
import io.jmediasoup.rtp.sctp.SendResult;
import io.jmediasoup.worker.rtc.params.SctpStreamParameters;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * A transport's SCTP association on the event loop: feeds it packets and the time, runs its
 * one timer, and passes what it reports to the transport's data endpoints. The stream resets follow the C++
 * worker: a closed data consumer resets its outgoing stream; a closed data producer resets its
 * stream outgoing (data channels) or incoming (other peers); a data channel the peer closed
 * gets our side of its stream reset too.
 */
final class SctpLink implements SctpAssociation.Listener {
    private final DataEndpoints endpoints;
    private final Shared shared;
    private final SctpOptions options;
    private final SctpAssociation association;
    private final DeadlineTimer timer;
    private boolean transportConnected;

    SctpLink(DataEndpoints endpoints, Shared shared, SctpOptions options) {
        this.endpoints = endpoints;
        this.shared = shared;
        this.timer = new DeadlineTimer(shared, this::onTimer);
        this.options = options;
        this.association = new SctpAssociation(new SctpConfig(options.os(), options.mis(), options.maxMessageSize(),
                options.sendBufferSize(), SctpConfig.DEFAULT_MTU, options.zeroChecksumMethod(),
                options.maxReceiverWindowBufferSize(), options.perStreamSendQueueLimit(), options.stack()), this,
                PooledByteBufAllocator.DEFAULT);
    }

    SctpState state() {
        return association.state();
    }

    /** Our OS: as configured until connected, then as negotiated. */
    int outboundStreams() {
        return association.state() == SctpState.CONNECTED ? association.outboundStreams() : options.os();
    }

    /** The streams negotiated each way: 0 until connected. */
    int negotiatedOutboundStreams() {
        return association.state() == SctpState.CONNECTED ? association.outboundStreams() : 0;
    }

    int negotiatedInboundStreams() {
        return association.state() == SctpState.CONNECTED ? association.inboundStreams() : 0;
    }

    long bufferedAmount() {
        return association.bufferedAmount();
    }

    /** Bytes of {@code streamId} not yet sent once: 3.32's buffered amount of a stream. */
    long streamQueuedAmount(int streamId) {
        return association.streamQueuedAmount(streamId);
    }

    /** The transport is connected: the handshake may start (3.8: it starts, as the C++ TransportConnected). */
    void transportConnected() {
        transportConnected = true;
        mayConnect();
    }

    /** A data producer or consumer was added: under 3.32 the handshake may start (the C++ MayConnect). */
    void dataEndpointAdded() {
        if (options.connectsWithDataEndpoints()) {
            mayConnect();
        }
    }

    private void mayConnect() {
        if (!transportConnected || options.connectsWithDataEndpoints() && !endpoints.hasDataEndpoints()) {
            return;
        }
        association.connect(shared.nowMs());
        reschedule();
    }

    /** An SCTP packet from the peer, lent for the call. */
    void receive(ByteBuf packet) {
        association.receivePacket(packet, shared.nowMs());
        reschedule();
    }

    /** A data consumer's message on its stream with its reliability, as the C++ worker maps it. */
    SendResult send(SctpStreamParameters parameters, long ppid, ByteBuf message) {
        SendOptions sendOptions = SendOptions.RELIABLE_ORDERED;
        if (!parameters.ordered()) {
            Integer lifetime = parameters.maxPacketLifeTime();
            Integer retransmits = parameters.maxRetransmits();
            sendOptions = new SendOptions(true, lifetime != null ? lifetime : -1,
                    lifetime == null && retransmits != null ? retransmits : -1);
        }
        SendResult result = association.send(parameters.streamId(), ppid, message, sendOptions, shared.nowMs());
        reschedule();
        return result;
    }

    void dataProducerClosed(int streamId) {
        association.resetStreams(new int[] {streamId}, !options.isDataChannel(), shared.nowMs());
        reschedule();
    }

    void dataConsumerClosed(int streamId) {
        association.resetStreams(new int[] {streamId}, false, shared.nowMs());
        reschedule();
    }

    void close() {
        association.close();
        timer.cancel();
    }

    /** Arms the timer for the association's next deadline. */
    private void reschedule() {
        timer.armAt(association.nextTimeout());
    }

    private void onTimer() {
        association.handleTimeout(shared.nowMs());
        reschedule();
    }

    @Override
    public void onSctpPacket(ByteBuf packet) {
        endpoints.sendSctpData(packet);
    }

    @Override
    public void onSctpStateChange(SctpState state) {
        endpoints.sctpStateChanged(state);
    }

    @Override
    public void onSctpMessage(int streamId, long ppid, ByteBuf message) {
        endpoints.sctpMessageReceived(streamId, ppid, message);
    }

    @Override
    public void onSctpBufferedAmount(long bufferedAmount) {
        endpoints.sctpBufferedAmount(bufferedAmount);
    }

    @Override
    public void onSctpIncomingStreamsReset(int[] streamIds) {
        if (options.isDataChannel()) {
            association.resetStreams(streamIds, false, shared.nowMs());
        }
    }
}
