package io.jmediasoup.worker.rtc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupTypeError;

/** An IP to bind on, and the IP to announce instead of it (behind NAT), if any. */
record ListenIp(String ip, String announcedIp) {
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
            throw new MediasoupTypeError("wrong listenIp.ip (not an string");
        }
        JsonElement announcedIp = object.get("announcedIp");
        if (announcedIp != null && !JsonValues.isString(announcedIp)) {
            throw new MediasoupTypeError("wrong listenIp.announcedIp (not an string)");
        }
        return new ListenIp(IpAddresses.normalize(ip.getAsString()),
                announcedIp != null ? announcedIp.getAsString() : null);
    }

    /** The IP peers are told to send to. */
    String announced() {
        return announcedIp != null && !announcedIp.isEmpty() ? announcedIp : ip;
    }
}
