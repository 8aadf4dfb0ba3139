package io.jmediasoup.worker.rtc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.net.IpAddresses;
import io.jmediasoup.worker.net.PortManager;

/** An IP to bind on, and the IP to announce instead of it (behind NAT), if any. */
record ListenIp(String ip, String announcedIp) {
    /** data.listenIp of a Plain or Pipe transport. */
    static ListenIp required(JsonObject data) {
        if (!data.has("listenIp")) {
            throw new MediasoupTypeError("missing listenIp");
        }
        return parse(data.get("listenIp"));
    }

    static ListenIp parse(JsonElement json) {
        if (json == null || !json.isJsonObject()) {
            throw new MediasoupTypeError("wrong listenIp (not an object)");
        }
        JsonObject object = json.getAsJsonObject();
        JsonElement ip = object.get("ip");
        if (ip == null) {
            throw new MediasoupTypeError("missing listenIp.ip");
        }
        if (!JsonValues.isString(ip)) {
            throw new MediasoupTypeError("wrong listenIp.ip (not an string)");
        }
        JsonElement announcedIp = object.get("announcedIp");
        if (announcedIp != null && !JsonValues.isString(announcedIp)) {
            throw new MediasoupTypeError("wrong listenIp.announcedIp (not an string)");
        }
        return new ListenIp(IpAddresses.normalize(ip.getAsString()),
                announcedIp != null ? announcedIp.getAsString() : null);
    }

    /** data.port: a fixed port to bind instead of one from the range, or 0. */
    static int fixedPort(JsonObject data) {
        JsonElement port = data.get("port");
        if (port == null) {
            return 0;
        }
        if (!JsonValues.isPositiveInteger(port)) {
            throw new MediasoupTypeError("wrong port (not a positive number)");
        }
        return PortNumber.of(port, "port");
    }

    /** Binds a socket on this IP: on {@code port}, or on a free one of the range when 0. */
    io.netty.channel.Channel bind(PortManager ports, PortManager.Protocol protocol, int port) {
        return port != 0 ? ports.bind(protocol, ip, port) : ports.bind(protocol, ip);
    }

    /** The IP peers are told to send to. */
    String announced() {
        return announcedIp != null && !announcedIp.isEmpty() ? announcedIp : ip;
    }
}
