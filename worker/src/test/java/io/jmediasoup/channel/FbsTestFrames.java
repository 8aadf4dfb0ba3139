package io.jmediasoup.channel;

import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.ByteBuffer;

/** Requests and notifications of 3.32's channel built in a test, as the channel reads them from a frame. */
public final class FbsTestFrames {
    private FbsTestFrames() {}

    /** A request of {@code method} to {@code handlerId} whose body {@code body} writes (0: none). */
    public static FbsRequest request(int method, String handlerId, byte bodyType,
            java.util.function.ToIntFunction<FlatBufferBuilder> body) {
        FlatBufferBuilder builder = new FlatBufferBuilder(256);
        int bodyOffset = body != null ? body.applyAsInt(builder) : 0;
        int handler = builder.createString(handlerId);
        int request = FBS.Request.Request.createRequest(builder, 1, method, handler, bodyType, bodyOffset);
        builder.finish(FBS.Message.Message.createMessage(builder, FBS.Message.Body.Request, request));
        return new FbsRequest(null, FbsFrames.read(ByteBuffer.wrap(builder.sizedByteArray())).request());
    }

    /** A notification of {@code event} to {@code handlerId} whose body {@code body} writes. */
    public static FbsNotification notification(int event, String handlerId, byte bodyType,
            java.util.function.ToIntFunction<FlatBufferBuilder> body) {
        FlatBufferBuilder builder = new FlatBufferBuilder(256);
        int bodyOffset = body.applyAsInt(builder);
        int handler = builder.createString(handlerId);
        int notification = FBS.Notification.Notification.createNotification(builder, handler, event, bodyType,
                bodyOffset);
        builder.finish(FBS.Message.Message.createMessage(builder, FBS.Message.Body.Notification, notification));
        return new FbsNotification(FbsFrames.read(ByteBuffer.wrap(builder.sizedByteArray())).notification());
    }

    /** The table {@code writer} writes, finished in a buffer of its own to read back. */
    public static ByteBuffer written(java.util.function.ToIntFunction<FlatBufferBuilder> writer) {
        FlatBufferBuilder builder = new FlatBufferBuilder(256);
        builder.finish(writer.applyAsInt(builder));
        return builder.dataBuffer();
    }
}
