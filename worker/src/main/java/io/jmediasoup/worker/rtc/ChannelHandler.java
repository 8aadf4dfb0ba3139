package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.worker.messages.ChannelNotification;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;

/** An entity that answers typed requests and takes typed notifications, registered under its id in {@link ChannelHandlers}. */
public interface ChannelHandler {
    /**
     * Answers {@code request}: its response, or null when the answer has no body. Throws a
     * {@link MediasoupError} (TypeError, NotFoundError, ...) that the codec words for its era.
     */
    ChannelResponse handle(ChannelRequest request);

    /** Takes {@code notification}; an entity that takes none refuses it. */
    default void handle(ChannelNotification notification) {
        throw new MediasoupError("unknown event '" + notification.getClass().getSimpleName() + "'");
    }

    /**
     * The entity below this one named {@code id}, or null: how 3.8's requests, addressed by a
     * path of ids (router, transport, ...), reach their target.
     */
    default ChannelHandler child(String id) {
        return null;
    }

    /** The error for a request of a kind this entity does not answer. */
    static MediasoupError unknownMethod(ChannelRequest request) {
        return new UnknownMethodError(request);
    }
}
