package io.jmediasoup.worker.rtc;

import io.jmediasoup.worker.messages.TransportMediaRequest;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.worker.rtc.params.RtpParameters;

/** Consumes a producer's single stream (type "simple"): one sending stream, no layers. */
final class SimpleConsumer extends SingleStreamConsumer {

    SimpleConsumer(String id, Shared shared, Listener listener, TransportMediaRequest.Consume request) {
        super(id, shared, listener, request, RtpParameters.Type.SIMPLE);
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
