package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.codecs.Opus;
import io.jmediasoup.worker.messages.TransportMediaRequest;
import io.jmediasoup.worker.rtc.params.RtpParameters;

/**
 * Consumes a producer's single stream (type "simple"): one sending stream, no layers. With
 * 3.32's ignoreDtx an Opus stream's DTX packets are left out.
 */
final class SimpleConsumer extends SingleStreamConsumer {
    private final boolean ignoreDtx;

    SimpleConsumer(String id, Shared shared, Listener listener, TransportMediaRequest.Consume request) {
        super(id, shared, listener, request, RtpParameters.Type.SIMPLE);
        if (consumableRtpEncodings.size() != 1) {
            throw new MediasoupTypeError("invalid consumableRtpEncodings with size != 1");
        }
        String subtype = rtpParameters.codecFor(rtpParameters.encodings().get(0)).mimeType().subtype();
        this.ignoreDtx = request.ignoreDtx() && (subtype.equals("opus") || subtype.equals("multiopus"));
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
        if (!isActive() || !supportsPayloadType(packet.payloadType())) {
            return;
        }
        if (ignoreDtx && Opus.isDtx(packet.buffer(), packet.payloadIndex(), packet.payloadLength())) {
            stream().drop(packet);
            return;
        }
        stream().forward(packet, shared.nowMs(), this, listener);
    }
}
