package io.jmediasoup.worker.rtc;

import com.google.gson.JsonObject;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.worker.rtc.params.RtpEncodingParameters;
import io.jmediasoup.worker.rtc.params.RtpParameters;

/** Consumes an SVC producer's single stream (type "svc"), keeping only the layers it sends. */
final class SvcConsumer extends LayeredConsumer {
    SvcConsumer(String id, String producerId, Shared shared, Listener listener, JsonObject data) {
        super(id, producerId, shared, listener, data, RtpParameters.Type.SVC);
    }

    /** Nothing to resynchronise while no layer is chosen. */
    @Override
    protected void onActivated() {}

    /** Without a chosen layer there is no stream to ask a key frame of (issue 8). */
    @Override
    void requestKeyFrame() {}

    /** No layer is chosen until SVC layer selection exists (issue 8): nothing is forwarded yet. */
    @Override
    void sendRtpPacket(RtpPacket packet) {}

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
