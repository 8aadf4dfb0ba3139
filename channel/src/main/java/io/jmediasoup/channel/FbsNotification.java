package io.jmediasoup.channel;

import com.google.flatbuffers.Table;

/**
 * A notification of mediasoup 3.32's channel: {@code FBS.Notification.Notification}
 * {handler_id, event, body}. Like a request's, its body is readable only during dispatch.
 */
public final class FbsNotification {
    private final String handlerId;
    private final int event;
    private final byte bodyType;
    private FBS.Notification.Notification frame;

    FbsNotification(FBS.Notification.Notification frame) {
        this.frame = frame;
        String handler = frame.handlerId();
        this.handlerId = handler == null ? "" : handler;
        this.event = frame.event();
        this.bodyType = frame.bodyType();
    }

    public String handlerId() {
        return handlerId;
    }

    /** An {@code FBS.Notification.Event}. */
    public int event() {
        return event;
    }

    public String eventName() {
        return FBS.Notification.Event.name(event);
    }

    /** Reads the body into {@code table} when it has the expected type, else throws {@link MediasoupTypeError}. */
    public <T extends Table> T body(byte expectedType, T table) {
        if (frame == null) {
            throw new IllegalStateException("a notification's body was read after its dispatch");
        }
        if (bodyType != expectedType || frame.body(table) == null) {
            throw new MediasoupTypeError("missing or wrong body [expected:" + FBS.Notification.Body.name(expectedType)
                    + ", got:" + FBS.Notification.Body.name(bodyType) + "]");
        }
        return table;
    }

    void endDispatch() {
        frame = null;
    }
}
