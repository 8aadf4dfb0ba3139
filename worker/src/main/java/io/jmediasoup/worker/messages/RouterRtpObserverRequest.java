package io.jmediasoup.worker.messages;

/**
 * A router's requests to create and close its RTP observers. The options are already read
 * as the C++ worker reads them (16-bit interval and maxEntries, 8-bit threshold); the
 * observer checks their ranges.
 */
public interface RouterRtpObserverRequest extends ChannelRequest {
    record CreateActiveSpeakerObserver(String handlerId, String rtpObserverId, int interval)
            implements RouterRtpObserverRequest {}

    record CreateAudioLevelObserver(String handlerId, String rtpObserverId, int maxEntries, int threshold,
            int interval) implements RouterRtpObserverRequest {}

    record CloseRtpObserver(String handlerId, String rtpObserverId) implements RouterRtpObserverRequest {}
}
