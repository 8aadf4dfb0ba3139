package io.jmediasoup.worker.codec;

import io.jmediasoup.channel.FbsRequest;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.RtpObserverRequest;

/** mediasoup 3.32's RTPOBSERVER_* requests, addressed by handler id. */
final class FbsRtpObserverCodec implements FbsRequestCodec {
    @Override
    public ChannelRequest decode(FbsRequest request) {
        switch (request.method()) {
            case FBS.Request.Method.RTPOBSERVER_PAUSE:
                return new RtpObserverRequest.Pause(request.handlerId());
            case FBS.Request.Method.RTPOBSERVER_RESUME:
                return new RtpObserverRequest.Resume(request.handlerId());
            default:
                return null;
        }
    }

    @Override
    public FbsRequest.FbsBody encode(ChannelResponse response) {
        return null;
    }
}
