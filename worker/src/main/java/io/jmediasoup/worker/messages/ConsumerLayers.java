package io.jmediasoup.worker.messages;

/** A spatial and temporal layer; a requested temporal layer may be null (the top one). */
public record ConsumerLayers(int spatialLayer, Integer temporalLayer) {}
