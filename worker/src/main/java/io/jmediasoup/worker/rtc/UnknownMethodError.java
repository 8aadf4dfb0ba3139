package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.worker.messages.ChannelRequest;

/**
 * An entity got a request of a kind it does not answer. Its text names the typed request;
 * 3.32's codec words it with the method's channel name, as its C++ worker does.
 */
public final class UnknownMethodError extends MediasoupError {
    private static final long serialVersionUID = 1L;

    UnknownMethodError(ChannelRequest request) {
        super("unknown method '" + request.getClass().getSimpleName() + "'");
    }
}
