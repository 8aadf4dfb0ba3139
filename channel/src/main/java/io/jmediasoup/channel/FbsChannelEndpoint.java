package io.jmediasoup.channel;

import com.google.flatbuffers.FlatBufferBuilder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import java.nio.ByteBuffer;
import java.util.function.ToIntFunction;

/**
 * mediasoup 3.32's channel: size-prefixed {@code FBS.Message} frames, requests and
 * notifications in on one socket (fd 3); responses, notifications and log lines out on the
 * other (fd 4). Every method runs on the worker's event loop.
 */
public final class FbsChannelEndpoint implements FbsRequest.Responder, LogSink {
    /** What the worker does with the channel's traffic. */
    public interface Listener {
        /**
         * Handles a request. A {@link MediasoupError} thrown here answers the request with
         * it; the listener answers everything else itself.
         */
        void onRequest(FbsRequest request);

        /** Handles a notification; a {@link MediasoupError} thrown here is logged. */
        void onNotification(FbsNotification notification);

        /** A frame or message that could not be acted on was dropped. */
        void onMalformedMessage(String reason);

        /** The Node side closed the channel. */
        void onClosed();
    }

    private static final int INITIAL_BUILDER_SIZE = 1024;

    private final FramedSocketPair sockets;
    private final Listener listener;
    /** Reused for every outgoing message, as the Node library does with its own. */
    private final FlatBufferBuilder builder = new FlatBufferBuilder(INITIAL_BUILDER_SIZE);

    public FbsChannelEndpoint(EventLoop loop, int readFd, int writeFd, Listener listener) {
        this.listener = listener;
        this.sockets = new FramedSocketPair(loop, readFd, writeFd, new FramedSocketPair.Listener() {
            @Override
            public void onFrame(ByteBuf payload) {
                handleFrame(payload.nioBuffer());
            }

            @Override
            public void onMalformed(String reason) {
                listener.onMalformedMessage("channel: " + reason);
            }

            @Override
            public void onClosed() {
                listener.onClosed();
            }
        }, SizePrefixedDecoder::new);
    }

    public void open() {
        sockets.open();
    }

    public void close() {
        sockets.close();
    }

    /** Decodes and dispatches one frame; {@code frame} is only lent for the call. */
    void handleFrame(ByteBuffer frame) {
        FbsFrames.Envelope envelope;
        try {
            envelope = FbsFrames.read(frame);
        } catch (MalformedMessageException dropped) {
            listener.onMalformedMessage("channel: discarding wrong Channel data: " + dropped.getMessage());
            return;
        }
        if (envelope.request() != null) {
            dispatch(new FbsRequest(this, envelope.request()));
        } else {
            dispatch(new FbsNotification(envelope.notification()));
        }
    }

    private void dispatch(FbsRequest request) {
        try {
            listener.onRequest(request);
        } catch (MediasoupError error) {
            if (!request.replied()) {
                request.error(error);
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException | java.nio.BufferUnderflowException bad) {
            listener.onMalformedMessage("channel: invalid body [method:" + request.methodName() + "]: " + bad);
            if (!request.replied()) {
                request.error(new MediasoupTypeError("invalid request body [method:" + request.methodName() + "]"));
            }
        } catch (RuntimeException bug) {
            listener.onMalformedMessage("request failed [method:" + request.methodName() + "]: " + bug);
            if (!request.replied()) {
                request.error(new MediasoupError(String.valueOf(bug)));
            }
        } finally {
            request.endDispatch();
        }
    }

    private void dispatch(FbsNotification notification) {
        try {
            listener.onNotification(notification);
        } catch (RuntimeException failed) {
            listener.onMalformedMessage("notification failed [event:" + notification.eventName() + "]: " + failed);
        } finally {
            notification.endDispatch();
        }
    }

    @Override
    public void respond(long id, FbsRequest.FbsBody body) {
        builder.clear();
        int length = send(FBS.Message.Body.Response, FbsResponses.accepted(builder, id, body));
        if (length > SizePrefixedDecoder.MAX_MESSAGE_LENGTH) {
            reject(id, new MediasoupError("response of " + length + " bytes exceeds the channel's limit of "
                    + SizePrefixedDecoder.MAX_MESSAGE_LENGTH));
        }
    }

    @Override
    public void reject(long id, MediasoupError error) {
        builder.clear();
        send(FBS.Message.Body.Response, FbsResponses.rejected(builder, id, error));
    }

    /** A notification with a body of {@code FBS.Notification.Body} type {@code bodyType}, or none when {@code body} is null. */
    public void notify(String handlerId, int event, byte bodyType, ToIntFunction<FlatBufferBuilder> body) {
        builder.clear();
        int bodyOffset = body == null ? 0 : body.applyAsInt(builder);
        int handlerIdOffset = builder.createString(handlerId);
        FBS.Notification.Notification.startNotification(builder);
        FBS.Notification.Notification.addHandlerId(builder, handlerIdOffset);
        FBS.Notification.Notification.addEvent(builder, event);
        if (body != null) {
            FBS.Notification.Notification.addBodyType(builder, bodyType);
            FBS.Notification.Notification.addBody(builder, bodyOffset);
        }
        send(FBS.Message.Body.Notification, FBS.Notification.Notification.endNotification(builder));
    }

    @Override
    public void log(char level, String text) {
        builder.clear();
        int dataOffset = builder.createString(level + text);
        send(FBS.Message.Body.Log, FBS.Log.Log.createLog(builder, dataOffset));
    }

    /**
     * Writes the message and returns its length; one over the limit, which the Node library
     * would discard with everything buffered after it, is dropped with an error log line.
     */
    private int send(byte type, int dataOffset) {
        builder.finishSizePrefixed(FBS.Message.Message.createMessage(builder, type, dataOffset));
        ByteBuffer message = builder.dataBuffer();
        int length = message.remaining();
        if (length > SizePrefixedDecoder.MAX_MESSAGE_LENGTH) {
            listener.onMalformedMessage("channel: dropping an outgoing message of " + length
                    + " bytes, over the limit of " + SizePrefixedDecoder.MAX_MESSAGE_LENGTH);
            return length;
        }
        ByteBuf frame = sockets.alloc().directBuffer(length);
        frame.writeBytes(message);
        sockets.send(frame);
        return length;
    }
}
