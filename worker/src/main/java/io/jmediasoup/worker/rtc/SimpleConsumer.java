package io.jmediasoup.worker.rtc;

import com.google.gson.JsonObject;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.worker.rtc.params.RtpParameters;

/** Consumes a producer's single stream (type "simple"): one sending stream, no layers. */
final class SimpleConsumer extends SingleStreamConsumer {

    SimpleConsumer(String id, String producerId, Shared shared, Listener listener, JsonObject data) {
        super(id, producerId, shared, listener, data, RtpParameters.Type.SIMPLE);
        if (consumableRtpEncodings.size() != 1) {
            throw new MediasoupTypeError("invalid consumableRtpEncodings with size != 1");
        }
        createRtpStream(false);
    }

    @Override
    protected void onActivated() {
        stream().requireSync();
        requestKeyFrame();
    }

    /** A video consumer asks its producer's stream for a key frame. */
    @Override
    void sendRtpPacket(RtpPacket packet) {
        if (isActive() && supportsPayloadType(packet.payloadType())) {
            stream().forward(packet, shared.nowMs(), this, listener);
        }
    }
}
