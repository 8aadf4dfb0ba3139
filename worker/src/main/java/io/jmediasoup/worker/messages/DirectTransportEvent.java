package io.jmediasoup.worker.messages;

/** What a DirectTransport tells the Node library about its media. */
public interface DirectTransportEvent extends Event {
    /** An RTCP packet for the application, the emitted payload. */
    record Rtcp() implements DirectTransportEvent {}
}
