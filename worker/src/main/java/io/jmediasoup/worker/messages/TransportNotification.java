package io.jmediasoup.worker.messages;

import io.netty.buffer.ByteBuf;

/** What the application gives a transport without a request: RTCP for a DirectTransport. */
public sealed interface TransportNotification extends ChannelNotification {
    /** An RTCP compound packet, lent for the call. */
    record SendRtcp(String handlerId, ByteBuf packet) implements TransportNotification {}
}
