package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.sctp.SendResult;
import io.jmediasoup.worker.LogTag;
import io.jmediasoup.worker.messages.ConsumerEvent;
import io.jmediasoup.worker.messages.DirectTransportEvent;
import io.jmediasoup.worker.messages.TransportDump;
import io.jmediasoup.worker.messages.TransportOptions;
import io.jmediasoup.worker.messages.DataConsumerEvent;
import io.jmediasoup.worker.messages.TransportStats;
import io.netty.buffer.ByteBuf;

/**
 * A transport with no network: RTP, RTCP and data messages travel over the payload channel
 * to and from the Node application.
 */
final class DirectTransport extends Transport {
    /** The MTU and some slack, as the C++ worker allows for packets from the application. */
    private static final int MAX_PACKET_SIZE = 1500 + 100;

    DirectTransport(String id, Shared shared, Listener listener, TransportOptions.Direct options) {
        super(id, shared, listener, options.base());
        // The Node application is always there: consumers may send from the start.
        connected();
    }

    @Override
    public void receiveApplicationRtp(ByteBuf packet) {
        dataReceived(packet.readableBytes());
        if (packet.readableBytes() > MAX_PACKET_SIZE) {
            shared.logger().warn(LogTag.RTP, "DirectTransport", "given RTP packet exceeds maximum size [len:"
                    + packet.readableBytes() + "]");
            return;
        }
        receiveRtpPacket(packet);
    }

    @Override
    protected void receiveApplicationRtcp(ByteBuf packet) {
        dataReceived(packet.readableBytes());
        if (packet.readableBytes() > MAX_PACKET_SIZE) {
            shared.logger().warn(LogTag.RTCP, "DirectTransport", "given RTCP packet exceeds maximum size [len:"
                    + packet.readableBytes() + "]");
            return;
        }
        receiveRtcpPacket(packet);
    }

    /** A consumer's RTP packet goes to the Node application as an "rtp" notification. */
    @Override
    protected void sendRtpPacket(Consumer consumer, RtpPacket packet) {
        if (consumer == null) {
            // Probation: counted by the transport as sent, as the C++ worker's, but it has nowhere to go.
            shared.logger().warn(LogTag.RTP, "DirectTransport", "cannot send RTP packet not associated to a Consumer");
            return;
        }
        shared.emit(consumer.id, new ConsumerEvent.Rtp(), packet.buffer());
        dataSent(packet.size());
    }

    /** RTCP for the application goes out as the transport's "rtcp" notification. */
    @Override
    protected void sendRtcpPacket(ByteBuf packet) {
        shared.emit(id, new DirectTransportEvent.Rtcp(), packet);
        dataSent(packet.readableBytes());
    }

    /** A direct data consumer's message goes to the Node application as a "message" event. */
    @Override
    SendResult sendMessage(DataConsumer dataConsumer, long ppid, ByteBuf message) {
        shared.emit(dataConsumer.id, new DataConsumerEvent.Message(ppid), message);
        dataSent(message.readableBytes());
        return SendResult.QUEUED;
    }

    /** A DirectTransport never has SCTP. */
    @Override
    protected void sendSctpData(ByteBuf packet) {}

    @Override
    protected TransportDump.Kind kindDump() {
        return new TransportDump.Direct();
    }

    @Override
    protected TransportStats.Kind kindStats() {
        return new TransportStats.Direct();
    }

    @Override
    protected void closeSockets() {}
}
