package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every entity of the worker that the channel can address, by id: what mediasoup 3.32's C++
 * worker keeps as its channel message registrator. An entity registers when it is created and
 * unregisters when it closes; worker.dump lists the ids.
 */
public final class ChannelHandlers {
    private final Map<String, ChannelHandler> requestHandlers = new LinkedHashMap<>();
    private final Map<String, ChannelHandler> notificationHandlers = new LinkedHashMap<>();

    /** Registers {@code handler} for requests, and for notifications too when {@code takesNotifications}. */
    public void register(String id, ChannelHandler handler, boolean takesNotifications) {
        if (requestHandlers.containsKey(id)) {
            throw new MediasoupError("a handler with ID '" + id + "' is already registered");
        }
        requestHandlers.put(id, handler);
        if (takesNotifications) {
            notificationHandlers.put(id, handler);
        }
    }

    public void unregister(String id) {
        requestHandlers.remove(id);
        notificationHandlers.remove(id);
    }

    /** The entity that answers requests for {@code id}, or null. */
    public ChannelHandler requestHandler(String id) {
        return requestHandlers.get(id);
    }

    /** The entity that takes notifications for {@code id}, or null. */
    public ChannelHandler notificationHandler(String id) {
        return notificationHandlers.get(id);
    }

    public List<String> requestHandlerIds() {
        return List.copyOf(requestHandlers.keySet());
    }

    public List<String> notificationHandlerIds() {
        return List.copyOf(notificationHandlers.keySet());
    }
}
