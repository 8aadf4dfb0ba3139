package io.jmediasoup.worker.codec;

import com.google.gson.JsonElement;
import io.jmediasoup.channel.Request;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.RtpObserverRequest;
import io.jmediasoup.worker.rtc.Internal;
import java.util.List;

/** mediasoup 3.8's rtpObserver.* requests, addressed by internal.rtpObserverId. */
final class JsonRtpObserverCodec implements JsonRequestCodec {
    @Override
    public List<Ancestor> ancestors(Request request) {
        return request.method().equals("rtpObserver.pause") || request.method().equals("rtpObserver.resume")
                ? ROUTER
                : List.of();
    }

    @Override
    public ChannelRequest decode(Request request) {
        switch (request.method()) {
            case "rtpObserver.pause":
                return new RtpObserverRequest.Pause(Internal.id(request.internal(), "rtpObserverId"));
            case "rtpObserver.resume":
                return new RtpObserverRequest.Resume(Internal.id(request.internal(), "rtpObserverId"));
            default:
                return null;
        }
    }

    @Override
    public JsonElement encode(ChannelResponse response) {
        return null;
    }

    @Override
    public String notFound(ChannelRequest request) {
        return request instanceof RtpObserverRequest ? "RtpObserver not found" : null;
    }
}
