package io.jmediasoup.worker.codec;

import io.jmediasoup.channel.ChannelEndpoint;
import io.jmediasoup.channel.PayloadChannelEndpoint;
import io.jmediasoup.worker.messages.Event;
import io.jmediasoup.worker.rtc.EventSink;
import io.netty.buffer.ByteBuf;

/** Events as mediasoup 3.8 sends them: a JSON notification, on the payload channel when it carries bytes. */
public final class JsonEventSink implements EventSink {
    private final ChannelEndpoint channel;
    private final PayloadChannelEndpoint payloadChannel;

    public JsonEventSink(ChannelEndpoint channel, PayloadChannelEndpoint payloadChannel) {
        this.channel = channel;
        this.payloadChannel = payloadChannel;
    }

    @Override
    public void emit(String targetId, Event event, ByteBuf payload) {
        for (JsonEventCodec codec : Codecs.JSON_EVENTS) {
            JsonEventCodec.JsonEvent json = codec.encode(event);
            if (json == JsonEventCodec.JsonEvent.NOT_SENT) {
                return;
            }
            if (json != null) {
                if (payload == null) {
                    channel.notify(targetId, json.name(), json.data());
                } else {
                    payloadChannel.notify(targetId, json.name(), json.data(), payload);
                }
                return;
            }
        }
        throw new IllegalStateException("no JSON codec for " + event.getClass().getName());
    }
}
