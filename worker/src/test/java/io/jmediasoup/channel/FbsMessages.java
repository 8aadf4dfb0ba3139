package io.jmediasoup.channel;

import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.ByteBuffer;
import java.util.function.ToIntFunction;

/** Requests and notifications of mediasoup 3.32's channel built in memory, for the codecs' tests. */
public final class FbsMessages {
    private FbsMessages() {}

    /** A request as the channel hands it to a listener; its answers are dropped. */
    public static FbsRequest request(int method, String handlerId, byte bodyType, ToIntFunction<FlatBufferBuilder> body) {
        FlatBufferBuilder builder = new FlatBufferBuilder();
        int bodyOffset = body == null ? 0 : body.applyAsInt(builder);
        int handler = builder.createString(handlerId);
        FBS.Request.Request.startRequest(builder);
        FBS.Request.Request.addId(builder, 1);
        FBS.Request.Request.addMethod(builder, method);
        FBS.Request.Request.addHandlerId(builder, handler);
        if (body != null) {
            FBS.Request.Request.addBodyType(builder, bodyType);
            FBS.Request.Request.addBody(builder, bodyOffset);
        }
        builder.finish(FBS.Request.Request.endRequest(builder));
        FBS.Request.Request frame = FBS.Request.Request.getRootAsRequest(ByteBuffer.wrap(builder.sizedByteArray()));
        return new FbsRequest(new FbsRequest.Responder() {
            @Override
            public void respond(long id, FbsRequest.FbsBody response) {}

            @Override
            public void reject(long id, MediasoupError error) {}
        }, frame);
    }

    public static FbsNotification notification(int event, String handlerId, byte bodyType,
            ToIntFunction<FlatBufferBuilder> body) {
        FlatBufferBuilder builder = new FlatBufferBuilder();
        int bodyOffset = body.applyAsInt(builder);
        int handler = builder.createString(handlerId);
        FBS.Notification.Notification.startNotification(builder);
        FBS.Notification.Notification.addHandlerId(builder, handler);
        FBS.Notification.Notification.addEvent(builder, event);
        FBS.Notification.Notification.addBodyType(builder, bodyType);
        FBS.Notification.Notification.addBody(builder, bodyOffset);
        builder.finish(FBS.Notification.Notification.endNotification(builder));
        return new FbsNotification(FBS.Notification.Notification.getRootAsNotification(
                ByteBuffer.wrap(builder.sizedByteArray())));
    }

    /** Writes {@code body} as a finished buffer and returns it for reading back. */
    public static ByteBuffer finish(ToIntFunction<FlatBufferBuilder> body) {
        FlatBufferBuilder builder = new FlatBufferBuilder();
        builder.finish(body.applyAsInt(builder));
        return ByteBuffer.wrap(builder.sizedByteArray());
    }
}
