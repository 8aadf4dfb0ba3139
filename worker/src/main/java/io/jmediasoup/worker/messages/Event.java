package io.jmediasoup.worker.messages;

/**
 * A notification from the worker to the Node library ("score", "icestatechange", ...), as a
 * typed value: the object model emits it, each era's codec names and encodes it.
 */
public interface Event {}
