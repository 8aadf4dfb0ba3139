package io.jmediasoup.worker.messages;

/** What a data consumer tells the application. */
public interface DataConsumerEvent extends Event {
    /** The bytes its association holds fell to the threshold set. */
    record BufferedAmountLow(long bufferedAmount) implements DataConsumerEvent {}

    record SctpSendBufferFull() implements DataConsumerEvent {}

    /** Its data producer closed, and so did it. */
    record DataProducerClose() implements DataConsumerEvent {}

    record DataProducerPause() implements DataConsumerEvent {}

    record DataProducerResume() implements DataConsumerEvent {}

    /** A message for the application (a direct data consumer's); the bytes travel beside it. */
    record Message(long ppid) implements DataConsumerEvent {}
}
