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
    private boolean uniqueIds;

    /**
     * From now on a taken id cannot be registered again: mediasoup 3.32 finds every entity by
     * its id alone. 3.8 finds them by their path (router, transport, ...), and pipeToRouter
     * gives an entity of another router the same id; there the first one keeps it here.
     */
    public void requireUniqueIds() {
        uniqueIds = true;
    }

    /** Registers {@code handler} for requests, and for notifications too when {@code takesNotifications}. */
    public void register(String id, ChannelHandler handler, boolean takesNotifications) {
        if (requestHandlers.containsKey(id)) {
            if (!uniqueIds) {
                return;
            }
            // 3.32's registrator's text; 3.32's codec appends no method to it.
            throw new MediasoupError("Channel request handler with ID " + id + " already exists");
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

    /** Unregisters {@code id} when {@code handler} is the one registered under it. */
    public void unregister(String id, ChannelHandler handler) {
        if (requestHandlers.get(id) == handler) {
            unregister(id);
        }
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
