package io.jmediasoup.worker.rtc;

import com.google.gson.JsonObject;
import io.jmediasoup.worker.net.PortManager.Protocol;

/** A host candidate of a WebRtcTransport (ICE-lite: host candidates only, TCP passive). */
public record IceCandidate(Protocol protocol, long priority, String ip, int port) {
    /** RFC 8445 5.1.2.1 with the host type preference and RTP component mediasoup uses. */
    static long priority(int localPreference) {
        long typePreference = 64;
        int component = 1;
        return (typePreference << 24) + ((long) localPreference << 8) + (256 - component);
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("foundation", protocol == Protocol.UDP ? "udpcandidate" : "tcpcandidate");
        json.addProperty("priority", priority);
        json.addProperty("ip", ip);
        json.addProperty("protocol", protocol.label());
        json.addProperty("port", port);
        json.addProperty("type", "host");
        if (protocol == Protocol.TCP) {
            json.addProperty("tcpType", "passive");
        }
        return json;
    }
}
