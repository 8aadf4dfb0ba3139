package io.jmediasoup.channel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the envelope of a frame from the Node library of mediasoup 3.32: an
 * {@code FBS.Message.Message} holding a Request or a Notification.
 *
 * <p>The Java runtime of FlatBuffers has no verifier and trusts every offset, so whatever it
 * reads is checked here or fails inside this class: an offset out of the frame, a union type
 * this schema does not have, a method or event out of its enum, or a Response or Log (which
 * only the worker sends) is a {@link MalformedMessageException}, never a half-read message.
 */
final class FbsFrames {
    /** A root offset, a vtable offset and a union type: nothing shorter is a message. */
    private static final int MIN_MESSAGE_LENGTH = 8;

    private FbsFrames() {}

    /** Either a request or a notification, read from one frame. */
    record Envelope(FBS.Request.Request request, FBS.Notification.Notification notification) {}

    static Envelope read(ByteBuffer frame) {
        if (frame.remaining() < MIN_MESSAGE_LENGTH) {
            throw new MalformedMessageException("message of " + frame.remaining() + " bytes is too short");
        }
        ByteBuffer bytes = frame.slice().order(ByteOrder.LITTLE_ENDIAN);
        try {
            FBS.Message.Message message = FBS.Message.Message.getRootAsMessage(bytes);
            byte type = message.dataType();
            switch (type) {
                case FBS.Message.Body.Request: {
                    FBS.Request.Request request = new FBS.Request.Request();
                    if (message.data(request) == null) {
                        throw new MalformedMessageException("request without a body");
                    }
                    check("method", request.method(), FBS.Request.Method.names.length);
                    check("request body type", request.bodyType() & 0xff, FBS.Request.Body.names.length);
                    request.id();
                    request.handlerId();
                    return new Envelope(request, null);
                }
                case FBS.Message.Body.Notification: {
                    FBS.Notification.Notification notification = new FBS.Notification.Notification();
                    if (message.data(notification) == null) {
                        throw new MalformedMessageException("notification without a body");
                    }
                    check("event", notification.event(), FBS.Notification.Event.names.length);
                    check("notification body type", notification.bodyType() & 0xff, FBS.Notification.Body.names.length);
                    notification.handlerId();
                    return new Envelope(null, notification);
                }
                default:
                    throw new MalformedMessageException("unexpected message type " + (type & 0xff));
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException | java.nio.BufferUnderflowException bad) {
            throw new MalformedMessageException("not a valid FlatBuffer: " + bad.getClass().getSimpleName());
        }
    }

    private static void check(String what, int value, int count) {
        if (value < 0 || value >= count) {
            throw new MalformedMessageException("unknown " + what + " " + value);
        }
    }
}
