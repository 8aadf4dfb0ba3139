package io.jmediasoup.worker.codec;

import io.jmediasoup.channel.FbsChannelEndpoint;
import io.jmediasoup.worker.messages.Event;
import io.jmediasoup.worker.rtc.EventSink;
import io.netty.buffer.ByteBuf;

/** Events as mediasoup 3.32 sends them: an FBS.Notification whose body carries any bytes. */
public final class FbsEventSink implements EventSink {
    private final FbsChannelEndpoint channel;

    public FbsEventSink(FbsChannelEndpoint channel) {
        this.channel = channel;
    }

    @Override
    public void emit(String targetId, Event event, ByteBuf payload) {
        for (FbsEventCodec codec : Codecs.FBS_EVENTS) {
            FbsEventCodec.FbsEvent fbs = codec.encode(event, payload);
            if (fbs != null) {
                channel.notify(targetId, fbs.event(), fbs.bodyType(), fbs.body());
                return;
            }
        }
        throw new IllegalStateException("no FlatBuffers codec for " + event.getClass().getName());
    }
}
