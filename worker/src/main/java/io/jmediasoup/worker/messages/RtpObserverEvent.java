package io.jmediasoup.worker.messages;

import java.util.List;

/** What an RTP observer tells the Node library. */
public interface RtpObserverEvent extends Event {
    /** A producer's average audio level, in dBov (-127 to 0). */
    record Volume(String producerId, int volume) {}

    record Volumes(List<Volume> volumes) implements RtpObserverEvent {}

    record Silence() implements RtpObserverEvent {}

    record DominantSpeaker(String producerId) implements RtpObserverEvent {}
}
