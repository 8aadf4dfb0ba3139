package io.jmediasoup.worker.messages;

/** What a consumer tells the Node library. */
public interface ConsumerEvent extends Event {
    record Score(ConsumerScore score) implements ConsumerEvent {}

    /** The layers it sends now, null when none. */
    record LayersChange(ConsumerLayers layers) implements ConsumerEvent {}

    record ProducerPause() implements ConsumerEvent {}

    record ProducerResume() implements ConsumerEvent {}

    record ProducerClose() implements ConsumerEvent {}

    record Trace(RtpTrace trace) implements ConsumerEvent {}

    /** A DirectTransport consumer's RTP packet, the emitted payload. */
    record Rtp() implements ConsumerEvent {}
}
