package io.jmediasoup.worker.messages;

/** The requests an RTP observer answers itself. */
public interface RtpObserverRequest extends ChannelRequest {
    record Pause(String handlerId) implements RtpObserverRequest {}

    record Resume(String handlerId) implements RtpObserverRequest {}

    record AddProducer(String handlerId, String producerId) implements RtpObserverRequest {}

    record RemoveProducer(String handlerId, String producerId) implements RtpObserverRequest {}
}
