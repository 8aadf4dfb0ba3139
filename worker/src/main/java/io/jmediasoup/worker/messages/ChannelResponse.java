package io.jmediasoup.worker.messages;

/** A typed answer with a body (a dump, stats, ...) to a {@link ChannelRequest}; each era's codec encodes it. */
public interface ChannelResponse {}
