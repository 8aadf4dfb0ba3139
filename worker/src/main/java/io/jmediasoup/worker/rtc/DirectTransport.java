package io.jmediasoup.worker.rtc;

import com.google.gson.JsonObject;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.Request;

/**
 * A transport with no network: RTP, RTCP and data messages travel over the payload channel
 * to and from the Node application (that traffic is issues 4 and 7).
 */
final class DirectTransport extends Transport {
    DirectTransport(String id, Shared shared, Listener listener, JsonObject data) {
        super(id, shared, listener, data);
    }

    /** Nothing to connect: the library does not even ask. */
    @Override
    protected void connect(Request request) {
        throw new MediasoupError("unknown method '" + request.method() + "'");
    }

    @Override
    protected void fillDump(JsonObject json) {}

    @Override
    protected void fillStats(JsonObject json) {
        json.addProperty("type", "direct-transport");
    }

    @Override
    protected void closeSockets() {}
}
