package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every entity of the worker that the channel can address, by id: what mediasoup 3.32's C++
 * worker keeps as its channel message registrator. An entity registers when it is created and
 * unregisters when it closes; worker.dump lists the ids.
 *
 * <p>3.32 wants ids unique in the worker ({@link #requireUniqueIds}). 3.8 kept entities per
 * router, and router.pipeToRouter() gives the piped producer the id of the original in
 * another router of the same worker: there an id may be registered once per router (its
 * scope), and a request names the router it means.
 */
public final class ChannelHandlers {
    private record Entry(String scope, ChannelHandler handler, boolean takesNotifications) {}

    private final Map<String, List<Entry>> entries = new LinkedHashMap<>();
    private boolean uniqueIds;

    /** From now on, as in mediasoup 3.32, an id may be registered once only. */
    public void requireUniqueIds() {
        uniqueIds = true;
    }

    /** Registers {@code handler} for requests, and for notifications too when {@code takesNotifications}. */
    public void register(String id, ChannelHandler handler, boolean takesNotifications) {
        register(null, id, handler, takesNotifications);
    }

    /** Registers an entity of router {@code scope} (null: the worker's own). */
    public void register(String scope, String id, ChannelHandler handler, boolean takesNotifications) {
        List<Entry> registered = entries.computeIfAbsent(id, key -> new ArrayList<>());
        for (Entry entry : registered) {
            if (uniqueIds || Objects.equals(entry.scope(), scope)) {
                throw new MediasoupError("Channel request handler with ID " + id + " already exists");
            }
        }
        registered.add(new Entry(scope, handler, takesNotifications));
    }

    /** Unregisters every entity registered as {@code id}. */
    public void unregister(String id) {
        entries.remove(id);
    }

    /** Unregisters {@code handler}, registered as {@code id}. */
    public void unregister(String id, ChannelHandler handler) {
        List<Entry> registered = entries.get(id);
        if (registered != null) {
            registered.removeIf(entry -> entry.handler() == handler);
            if (registered.isEmpty()) {
                entries.remove(id);
            }
        }
    }

    /** The entity that answers requests for {@code id}, or null. */
    public ChannelHandler requestHandler(String id) {
        return requestHandler(null, id);
    }

    /** The entity that answers requests for {@code id} in router {@code scope} when several share it, or null. */
    public ChannelHandler requestHandler(String scope, String id) {
        Entry entry = find(scope, id, false);
        return entry != null ? entry.handler() : null;
    }

    /** The entity that takes notifications for {@code id}, or null. */
    public ChannelHandler notificationHandler(String id) {
        return notificationHandler(null, id);
    }

    /** The entity that takes notifications for {@code id} in router {@code scope} when several share it, or null. */
    public ChannelHandler notificationHandler(String scope, String id) {
        Entry entry = find(scope, id, true);
        return entry != null ? entry.handler() : null;
    }

    private Entry find(String scope, String id, boolean notifications) {
        List<Entry> registered = entries.getOrDefault(id, List.of());
        Entry found = null;
        for (Entry entry : registered) {
            if (notifications && !entry.takesNotifications()) {
                continue;
            }
            if (found == null || scope != null && scope.equals(entry.scope())) {
                found = entry;
            }
        }
        return found;
    }

    public List<String> requestHandlerIds() {
        return List.copyOf(entries.keySet());
    }

    public List<String> notificationHandlerIds() {
        return entries.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(Entry::takesNotifications))
                .map(Map.Entry::getKey).toList();
    }
}
