package io.jmediasoup.worker.messages;

import io.netty.buffer.ByteBuf;

/** RTP and RTCP the Node application gives a DirectTransport's producer or the transport itself. */
public interface MediaNotification extends ChannelNotification {
    /** producer.send: an RTP packet for the producer, lent for the call. */
    record ProducerSend(String handlerId, ByteBuf packet) implements MediaNotification {}

    /** transport.sendRtcp: an RTCP packet for the transport, lent for the call. */
    record SendRtcp(String handlerId, ByteBuf packet) implements MediaNotification {}
}
