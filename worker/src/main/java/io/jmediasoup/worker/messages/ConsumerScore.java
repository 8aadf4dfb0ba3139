package io.jmediasoup.worker.messages;

import java.util.List;

/** A consumer's score, that of the producer stream it forwards, and the producer's per encoding. */
public record ConsumerScore(int score, int producerScore, List<Integer> producerScores) {}
