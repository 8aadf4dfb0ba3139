package io.jmediasoup.worker.rtc;

import io.jmediasoup.worker.messages.Event;
import io.netty.buffer.ByteBuf;

/** Where the object model's events go: the codec of the channel's era, which names, encodes and sends them. */
public interface EventSink {
    /** Sends {@code event} of entity {@code targetId}; {@code payload}, when not null, is lent for the call. */
    void emit(String targetId, Event event, ByteBuf payload);
}
