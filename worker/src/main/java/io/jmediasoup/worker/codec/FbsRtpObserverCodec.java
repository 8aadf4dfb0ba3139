package io.jmediasoup.worker.codec;

import io.jmediasoup.channel.FbsRequest;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.RouterRtpObserverRequest;
import io.jmediasoup.worker.messages.RtpObserverRequest;

/**
 * mediasoup 3.32's ROUTER_CREATE_*OBSERVER and ROUTER_CLOSE_RTPOBSERVER (addressed to the
 * router) and RTPOBSERVER_* requests (addressed to the observer).
 */
final class FbsRtpObserverCodec implements FbsRequestCodec {
    @Override
    public ChannelRequest decode(FbsRequest request) {
        String handlerId = request.handlerId();
        switch (request.method()) {
            case FBS.Request.Method.ROUTER_CREATE_ACTIVESPEAKEROBSERVER: {
                FBS.Router.CreateActiveSpeakerObserverRequest body = request.body(
                        FBS.Request.Body.Router_CreateActiveSpeakerObserverRequest,
                        new FBS.Router.CreateActiveSpeakerObserverRequest());
                FBS.ActiveSpeakerObserver.ActiveSpeakerObserverOptions options = body.options();
                if (options == null) {
                    throw new MediasoupTypeError("missing options");
                }
                return new RouterRtpObserverRequest.CreateActiveSpeakerObserver(handlerId,
                        FbsProducerCodec.required(body.rtpObserverId(), "rtpObserverId"), options.interval());
            }
            case FBS.Request.Method.ROUTER_CREATE_AUDIOLEVELOBSERVER: {
                FBS.Router.CreateAudioLevelObserverRequest body = request.body(
                        FBS.Request.Body.Router_CreateAudioLevelObserverRequest,
                        new FBS.Router.CreateAudioLevelObserverRequest());
                FBS.AudioLevelObserver.AudioLevelObserverOptions options = body.options();
                if (options == null) {
                    throw new MediasoupTypeError("missing options");
                }
                return new RouterRtpObserverRequest.CreateAudioLevelObserver(handlerId,
                        FbsProducerCodec.required(body.rtpObserverId(), "rtpObserverId"), options.maxEntries(),
                        options.threshold(), options.interval());
            }
            case FBS.Request.Method.ROUTER_CLOSE_RTPOBSERVER:
                return new RouterRtpObserverRequest.CloseRtpObserver(handlerId, FbsProducerCodec.required(request.body(
                        FBS.Request.Body.Router_CloseRtpObserverRequest, new FBS.Router.CloseRtpObserverRequest())
                        .rtpObserverId(), "rtpObserverId"));
            case FBS.Request.Method.RTPOBSERVER_PAUSE:
                return new RtpObserverRequest.Pause(handlerId);
            case FBS.Request.Method.RTPOBSERVER_RESUME:
                return new RtpObserverRequest.Resume(handlerId);
            case FBS.Request.Method.RTPOBSERVER_ADD_PRODUCER:
                return new RtpObserverRequest.AddProducer(handlerId, FbsProducerCodec.required(request.body(
                        FBS.Request.Body.RtpObserver_AddProducerRequest, new FBS.RtpObserver.AddProducerRequest())
                        .producerId(), "producerId"));
            case FBS.Request.Method.RTPOBSERVER_REMOVE_PRODUCER:
                return new RtpObserverRequest.RemoveProducer(handlerId, FbsProducerCodec.required(request.body(
                        FBS.Request.Body.RtpObserver_RemoveProducerRequest, new FBS.RtpObserver.RemoveProducerRequest())
                        .producerId(), "producerId"));
            default:
                return null;
        }
    }

    @Override
    public FbsRequest.FbsBody encode(ChannelResponse response) {
        return null;
    }
}
