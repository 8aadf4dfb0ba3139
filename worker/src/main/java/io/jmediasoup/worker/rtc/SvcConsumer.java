package io.jmediasoup.worker.rtc;

import com.google.gson.JsonObject;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.rtc.params.RtpEncodingParameters;
import io.jmediasoup.worker.rtc.params.RtpParameters;

/** Consumes an SVC producer's single stream (type "svc"), keeping only the layers it sends. */
final class SvcConsumer extends LayeredConsumer {
    SvcConsumer(String id, String producerId, Shared shared, Listener listener, JsonObject data) {
        super(id, producerId, shared, listener, data, RtpParameters.Type.SVC);
    }

    @Override
    protected void checkEncodings() {
        if (consumableRtpEncodings.size() != 1) {
            throw new MediasoupTypeError("invalid consumableRtpEncodings with size != 1");
        }
        RtpEncodingParameters encoding = rtpParameters.encodings().get(0);
        if (encoding.spatialLayers() < 2 && encoding.temporalLayers() < 2) {
            throw new MediasoupTypeError("invalid number of layers");
        }
    }
}
