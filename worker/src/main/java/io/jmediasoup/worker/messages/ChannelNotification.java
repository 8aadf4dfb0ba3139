package io.jmediasoup.worker.messages;

/**
 * A notification from the Node library to one entity (producer.send, transport.sendRtcp, ...),
 * as a typed value. Any bytes it carries are lent for the call.
 */
public interface ChannelNotification {
    /** The id of the entity it is for. */
    String handlerId();
}
