package io.jmediasoup.worker.codec;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.channel.Request;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.RouterRtpObserverRequest;
import io.jmediasoup.worker.messages.RtpObserverRequest;
import java.util.List;

/**
 * mediasoup 3.8's router.create*Observer and rtpObserver.close (answered by the router) and
 * rtpObserver.* requests (answered by the observer internal.rtpObserverId names).
 */
final class JsonRtpObserverCodec implements JsonRequestCodec {
    @Override
    public List<Ancestor> ancestors(Request request) {
        String method = request.method();
        return method.startsWith("rtpObserver.") || method.equals("router.createActiveSpeakerObserver")
                || method.equals("router.createAudioLevelObserver") ? ROUTER : List.of();
    }

    @Override
    public ChannelRequest decode(Request request) {
        JsonObject internal = request.internal();
        switch (request.method()) {
            case "router.createActiveSpeakerObserver":
                return new RouterRtpObserverRequest.CreateActiveSpeakerObserver(JsonMembers.id(internal, "routerId"),
                        JsonMembers.id(internal, "rtpObserverId"), (short) number(request.data(), "interval"));
            case "router.createAudioLevelObserver": {
                String routerId = JsonMembers.id(internal, "routerId");
                String rtpObserverId = JsonMembers.id(internal, "rtpObserverId");
                JsonElement maxEntries = request.data().get("maxEntries");
                if (!JsonValues.isPositiveInteger(maxEntries)) {
                    throw new MediasoupTypeError("missing maxEntries");
                }
                int threshold = (byte) number(request.data(), "threshold");
                int interval = number(request.data(), "interval") & 0xFFFF;
                return new RouterRtpObserverRequest.CreateAudioLevelObserver(routerId, rtpObserverId,
                        maxEntries.getAsInt() & 0xFFFF, threshold, interval);
            }
            case "rtpObserver.close":
                return new RouterRtpObserverRequest.CloseRtpObserver(JsonMembers.id(internal, "routerId"),
                        JsonMembers.id(internal, "rtpObserverId"));
            case "rtpObserver.pause":
                return new RtpObserverRequest.Pause(JsonMembers.id(internal, "rtpObserverId"));
            case "rtpObserver.resume":
                return new RtpObserverRequest.Resume(JsonMembers.id(internal, "rtpObserverId"));
            case "rtpObserver.addProducer":
                return new RtpObserverRequest.AddProducer(JsonMembers.id(internal, "rtpObserverId"),
                        producerId(request.data()));
            case "rtpObserver.removeProducer":
                return new RtpObserverRequest.RemoveProducer(JsonMembers.id(internal, "rtpObserverId"),
                        producerId(request.data()));
            default:
                return null;
        }
    }

    /** A number option, read as the C++ worker's integer; "missing NAME" otherwise. */
    private static int number(JsonObject data, String name) {
        JsonElement value = data.get(name);
        if (!JsonValues.isNumber(value)) {
            throw new MediasoupTypeError("missing " + name);
        }
        return value.getAsInt();
    }

    private static String producerId(JsonObject data) {
        if (!JsonValues.isString(data.get("producerId"))) {
            throw new MediasoupError("missing data.producerId");
        }
        return data.get("producerId").getAsString();
    }

    @Override
    public JsonElement encode(ChannelResponse response) {
        return null;
    }

    @Override
    public String notFound(ChannelRequest request) {
        if (request instanceof RouterRtpObserverRequest) {
            return "Router not found";
        }
        return request instanceof RtpObserverRequest ? "RtpObserver not found" : null;
    }
}
