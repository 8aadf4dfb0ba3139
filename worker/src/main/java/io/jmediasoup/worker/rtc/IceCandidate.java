package io.jmediasoup.worker.rtc;

import io.jmediasoup.worker.net.PortManager.Protocol;

/** A host candidate of a WebRtcTransport (ICE-lite: host candidates only, TCP passive). */
public record IceCandidate(Protocol protocol, long priority, String ip, int port) {
    /** RFC 8445 5.1.2.1 with the host type preference and RTP component mediasoup uses. */
    static long priority(int localPreference) {
        long typePreference = 64;
        int component = 1;
        return (typePreference << 24) + ((long) localPreference << 8) + (256 - component);
    }
}
