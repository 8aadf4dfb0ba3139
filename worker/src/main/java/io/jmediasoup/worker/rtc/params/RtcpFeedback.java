package io.jmediasoup.worker.rtc.params;

/** An RTCP feedback mechanism a codec supports ("nack", "nack pli", "transport-cc", ...). */
public record RtcpFeedback(String type, String parameter) {}
