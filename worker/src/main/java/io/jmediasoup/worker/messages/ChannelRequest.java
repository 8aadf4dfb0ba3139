package io.jmediasoup.worker.messages;

/**
 * A request addressed to one entity below the worker (a router, transport, producer, ...), as
 * a typed value that the codec of either era produced. The entity is found by its handler id,
 * as mediasoup 3.32's worker finds it; 3.8's codec takes it from the request's internal ids.
 */
public interface ChannelRequest {
    /** The id of the entity that answers it. */
    String handlerId();
}
