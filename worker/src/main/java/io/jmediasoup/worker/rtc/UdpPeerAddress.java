package io.jmediasoup.worker.rtc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.net.IpAddresses;

/** The remote ip and port given to a Plain or Pipe transport's connect(). */
final class UdpPeerAddress {
    private UdpPeerAddress() {}

    static String ip(JsonObject data) {
        JsonElement ip = data.get("ip");
        if (!JsonValues.isString(ip)) {
            throw new MediasoupTypeError("missing ip");
        }
        return IpAddresses.normalize(ip.getAsString());
    }

    static int port(JsonObject data) {
        JsonElement port = data.get("port");
        if (!JsonValues.isPositiveInteger(port)) {
            throw new MediasoupTypeError("missing port");
        }
        return PortNumber.of(port, "port");
    }
}
