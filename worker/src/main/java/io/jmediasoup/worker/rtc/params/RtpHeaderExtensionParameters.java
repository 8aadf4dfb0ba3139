package io.jmediasoup.worker.rtc.params;

/** A negotiated RTP header extension: its URI and the id it has in this stream. */
public record RtpHeaderExtensionParameters(String uri, int id, boolean encrypt, CodecParameters parameters) {}
