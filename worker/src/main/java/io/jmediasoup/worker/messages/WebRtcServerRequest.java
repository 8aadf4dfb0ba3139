package io.jmediasoup.worker.messages;

/** The requests a WebRtcServer answers itself (mediasoup 3.32 only). */
public interface WebRtcServerRequest extends ChannelRequest {
    record Dump(String handlerId) implements WebRtcServerRequest {}
}
