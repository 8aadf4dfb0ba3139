package io.jmediasoup.worker.rtc;

import com.google.gson.JsonObject;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.rtc.params.RtpParameters;

/** Consumes one of a simulcast producer's streams at a time (type "simulcast"): each is a spatial layer. */
final class SimulcastConsumer extends LayeredConsumer {
    SimulcastConsumer(String id, String producerId, Shared shared, Listener listener, JsonObject data) {
        super(id, producerId, shared, listener, data, RtpParameters.Type.SIMULCAST);
    }

    /** The C++ worker shows the current spatial layer's stream: none until layers are chosen (issue 8). */
    @Override
    protected JsonObject forwardedRtpStreamStats(long nowMs) {
        return null;
    }

    @Override
    protected void checkEncodings() {
        if (consumableRtpEncodings.size() <= 1) {
            throw new MediasoupTypeError("invalid consumableRtpEncodings with size <= 1");
        }
        if (rtpParameters.encodings().get(0).spatialLayers() != consumableRtpEncodings.size()) {
            throw new MediasoupTypeError("encoding.spatialLayers does not match number of consumableRtpEncodings");
        }
    }
}
