package io.jmediasoup.worker.rtc.params;

/** The RTCP of an RTP session: CNAME, SSRC for its reports, reduced size (RFC 5506). */
public record RtcpParameters(String cname, long ssrc, boolean reducedSize) {}
