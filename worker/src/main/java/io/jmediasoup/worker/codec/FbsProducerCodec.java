package io.jmediasoup.worker.codec;

import io.jmediasoup.channel.FbsRequest;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.ProducerRequest;
import io.jmediasoup.worker.messages.ProducerResponse;
import io.jmediasoup.worker.messages.TransportMediaRequest;
import io.jmediasoup.worker.rtc.params.LayeredCodecs;
import io.jmediasoup.worker.rtc.params.RtpParameters;

/**
 * mediasoup 3.32's TRANSPORT_PRODUCE and TRANSPORT_CLOSE_PRODUCER (addressed to the transport)
 * and PRODUCER_* requests (addressed to the producer).
 */
final class FbsProducerCodec implements FbsRequestCodec {
    @Override
    public ChannelRequest decode(FbsRequest request) {
        String handlerId = request.handlerId();
        switch (request.method()) {
            case FBS.Request.Method.TRANSPORT_PRODUCE:
                return produce(handlerId, request.body(FBS.Request.Body.Transport_ProduceRequest,
                        new FBS.Transport.ProduceRequest()));
            case FBS.Request.Method.TRANSPORT_CLOSE_PRODUCER:
                return new TransportMediaRequest.CloseProducer(handlerId, required(request.body(
                        FBS.Request.Body.Transport_CloseProducerRequest, new FBS.Transport.CloseProducerRequest())
                        .producerId(), "producerId"));
            case FBS.Request.Method.PRODUCER_DUMP:
                return new ProducerRequest.Dump(handlerId);
            case FBS.Request.Method.PRODUCER_GET_STATS:
                return new ProducerRequest.GetStats(handlerId);
            case FBS.Request.Method.PRODUCER_PAUSE:
                return new ProducerRequest.Pause(handlerId);
            case FBS.Request.Method.PRODUCER_RESUME:
                return new ProducerRequest.Resume(handlerId);
            case FBS.Request.Method.PRODUCER_ENABLE_TRACE_EVENT: {
                FBS.Producer.EnableTraceEventRequest body = request.body(
                        FBS.Request.Body.Producer_EnableTraceEventRequest, new FBS.Producer.EnableTraceEventRequest());
                return new ProducerRequest.EnableTraceEvent(handlerId,
                        FbsTraceTypes.names(body.eventsLength(), body::events));
            }
            default:
                return null;
        }
    }

    private static TransportMediaRequest.Produce produce(String transportId, FBS.Transport.ProduceRequest body) {
        String producerId = required(body.producerId(), "producerId");
        RtpParameters rtpParameters = FbsRtpParameters.rtpParameters(body.rtpParameters());
        return new TransportMediaRequest.Produce(transportId, producerId, FbsRtpParameters.kind(body.kind()),
                rtpParameters, FbsRtpParameters.rtpMapping(body.rtpMapping(), !rtpParameters.mid().isEmpty()),
                body.paused(), body.keyFrameRequestDelay(), LayeredCodecs.MEDIASOUP_3_32,
                body.enableMediasoupPacketIdHeaderExtension());
    }

    static String required(String value, String field) {
        if (value == null) {
            throw new MediasoupTypeError("missing " + field);
        }
        return value;
    }

    @Override
    public FbsRequest.FbsBody encode(ChannelResponse response) {
        if (response instanceof ProducerResponse.Produced produced) {
            return new FbsRequest.FbsBody(FBS.Response.Body.Transport_ProduceResponse, builder ->
                    FBS.Transport.ProduceResponse.createProduceResponse(builder, FbsRtpParameters.type(produced.type())));
        }
        if (response instanceof ProducerResponse.Stats stats) {
            return new FbsRequest.FbsBody(FBS.Response.Body.Producer_GetStatsResponse, builder ->
                    FBS.Producer.GetStatsResponse.createGetStatsResponse(builder,
                            FbsRtpStreams.stats(builder, stats.stats())));
        }
        if (response instanceof ProducerResponse.Dump dump) {
            return new FbsRequest.FbsBody(FBS.Response.Body.Producer_DumpResponse, builder -> {
                int id = builder.createString(dump.id());
                int rtpParameters = FbsRtpParameters.rtpParameters(builder, dump.rtpParameters());
                int rtpMapping = FbsRtpParameters.rtpMapping(builder, dump.rtpMapping());
                int rtpStreams = FbsRtpStreams.dumps(builder, dump.rtpStreams());
                int traceEventTypes = FBS.Producer.DumpResponse.createTraceEventTypesVector(builder,
                        FbsTraceTypes.values(dump.traceEventTypes()));
                return FBS.Producer.DumpResponse.createDumpResponse(builder, id, FbsRtpParameters.kind(dump.kind()),
                        FbsRtpParameters.type(dump.type()), rtpParameters, rtpMapping, rtpStreams, traceEventTypes,
                        dump.paused());
            });
        }
        return null;
    }
}
