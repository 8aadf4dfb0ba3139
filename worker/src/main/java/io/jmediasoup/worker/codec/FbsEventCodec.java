package io.jmediasoup.worker.codec;

import com.google.flatbuffers.FlatBufferBuilder;
import io.jmediasoup.worker.messages.Event;
import io.netty.buffer.ByteBuf;
import java.util.function.ToIntFunction;

/** mediasoup 3.32's FBS.Notification for one family of events. */
public interface FbsEventCodec {
    /** An {@code FBS.Notification.Event}, its {@code FBS.Notification.Body} type and the writer of that table (null for none). */
    record FbsEvent(int event, byte bodyType, ToIntFunction<FlatBufferBuilder> body) {}

    /**
     * The encoded event, or null when {@code event} is not of this family. {@code payload}
     * (may be null) is lent: the writer runs before this call's caller returns.
     */
    FbsEvent encode(Event event, ByteBuf payload);
}
