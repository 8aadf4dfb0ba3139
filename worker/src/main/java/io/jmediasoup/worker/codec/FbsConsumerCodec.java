package io.jmediasoup.worker.codec;

import com.google.flatbuffers.FlatBufferBuilder;
import io.jmediasoup.channel.FbsRequest;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.ConsumerLayers;
import io.jmediasoup.worker.messages.ConsumerRequest;
import io.jmediasoup.worker.messages.ConsumerResponse;
import io.jmediasoup.worker.messages.ConsumerScore;
import io.jmediasoup.worker.messages.TransportMediaRequest;
import io.jmediasoup.worker.rtc.params.LayeredCodecs;
import io.jmediasoup.worker.rtc.params.RtpEncodingParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * mediasoup 3.32's TRANSPORT_CONSUME and TRANSPORT_CLOSE_CONSUMER (addressed to the transport)
 * and CONSUMER_* requests (addressed to the consumer).
 */
final class FbsConsumerCodec implements FbsRequestCodec {
    @Override
    public ChannelRequest decode(FbsRequest request) {
        String handlerId = request.handlerId();
        switch (request.method()) {
            case FBS.Request.Method.TRANSPORT_CONSUME:
                return consume(handlerId, request.body(FBS.Request.Body.Transport_ConsumeRequest,
                        new FBS.Transport.ConsumeRequest()));
            case FBS.Request.Method.TRANSPORT_CLOSE_CONSUMER:
                return new TransportMediaRequest.CloseConsumer(handlerId, FbsProducerCodec.required(request.body(
                        FBS.Request.Body.Transport_CloseConsumerRequest, new FBS.Transport.CloseConsumerRequest())
                        .consumerId(), "consumerId"));
            case FBS.Request.Method.CONSUMER_DUMP:
                return new ConsumerRequest.Dump(handlerId);
            case FBS.Request.Method.CONSUMER_GET_STATS:
                return new ConsumerRequest.GetStats(handlerId);
            case FBS.Request.Method.CONSUMER_PAUSE:
                return new ConsumerRequest.Pause(handlerId);
            case FBS.Request.Method.CONSUMER_RESUME:
                return new ConsumerRequest.Resume(handlerId);
            case FBS.Request.Method.CONSUMER_SET_PREFERRED_LAYERS:
                return new ConsumerRequest.SetPreferredLayers(handlerId, layers(request.body(
                        FBS.Request.Body.Consumer_SetPreferredLayersRequest,
                        new FBS.Consumer.SetPreferredLayersRequest()).preferredLayers()));
            case FBS.Request.Method.CONSUMER_SET_PRIORITY:
                return new ConsumerRequest.SetPriority(handlerId, request.body(FBS.Request.Body.Consumer_SetPriorityRequest,
                        new FBS.Consumer.SetPriorityRequest()).priority());
            case FBS.Request.Method.CONSUMER_REQUEST_KEY_FRAME:
                return new ConsumerRequest.RequestKeyFrame(handlerId);
            case FBS.Request.Method.CONSUMER_ENABLE_TRACE_EVENT: {
                FBS.Consumer.EnableTraceEventRequest body = request.body(
                        FBS.Request.Body.Consumer_EnableTraceEventRequest, new FBS.Consumer.EnableTraceEventRequest());
                return new ConsumerRequest.EnableTraceEvent(handlerId,
                        FbsTraceTypes.names(body.eventsLength(), body::events));
            }
            default:
                return null;
        }
    }

    private static TransportMediaRequest.Consume consume(String transportId, FBS.Transport.ConsumeRequest body) {
        String consumerId = FbsProducerCodec.required(body.consumerId(), "consumerId");
        String producerId = FbsProducerCodec.required(body.producerId(), "producerId");
        List<RtpEncodingParameters> encodings = new ArrayList<>();
        for (int i = 0; i < body.consumableRtpEncodingsLength(); i++) {
            encodings.add(FbsRtpParameters.encoding(body.consumableRtpEncodings(i)));
        }
        return new TransportMediaRequest.Consume(transportId, consumerId, producerId, FbsRtpParameters.kind(body.kind()),
                FbsRtpParameters.rtpParameters(body.rtpParameters()), FbsRtpParameters.type(body.type()), encodings,
                body.paused(), layers(body.preferredLayers()), LayeredCodecs.MEDIASOUP_3_32,
                body.ignoreDtx());
    }

    /** The layers given, null when none; a missing temporal layer means the top one. */
    private static ConsumerLayers layers(FBS.Consumer.ConsumerLayers layers) {
        if (layers == null) {
            return null;
        }
        return new ConsumerLayers(layers.spatialLayer(), layers.hasTemporalLayer() ? layers.temporalLayer() : null);
    }

    @Override
    public FbsRequest.FbsBody encode(ChannelResponse response) {
        if (response instanceof ConsumerResponse.Consumed consumed) {
            return new FbsRequest.FbsBody(FBS.Response.Body.Transport_ConsumeResponse, builder -> {
                int score = score(builder, consumed.score());
                int layers = consumed.preferredLayers() != null ? layers(builder, consumed.preferredLayers()) : 0;
                return FBS.Transport.ConsumeResponse.createConsumeResponse(builder, consumed.paused(),
                        consumed.producerPaused(), score, layers);
            });
        }
        if (response instanceof ConsumerResponse.Stats stats) {
            return new FbsRequest.FbsBody(FBS.Response.Body.Consumer_GetStatsResponse, builder ->
                    FBS.Consumer.GetStatsResponse.createGetStatsResponse(builder,
                            FbsRtpStreams.stats(builder, Stream.concat(stats.stats().stream(),
                                    stats.pipedProducerStats().stream()).toList())));
        }
        if (response instanceof ConsumerResponse.Priority priority) {
            return new FbsRequest.FbsBody(FBS.Response.Body.Consumer_SetPriorityResponse, builder ->
                    FBS.Consumer.SetPriorityResponse.createSetPriorityResponse(builder, priority.priority()));
        }
        if (response instanceof ConsumerResponse.PreferredLayers preferred) {
            return new FbsRequest.FbsBody(FBS.Response.Body.Consumer_SetPreferredLayersResponse, builder ->
                    FBS.Consumer.SetPreferredLayersResponse.createSetPreferredLayersResponse(builder,
                            preferred.preferredLayers() != null ? layers(builder, preferred.preferredLayers()) : 0));
        }
        if (response instanceof ConsumerResponse.Dump dump) {
            return new FbsRequest.FbsBody(FBS.Response.Body.Consumer_DumpResponse, builder ->
                    FBS.Consumer.DumpResponse.createDumpResponse(builder, dump(builder, dump)));
        }
        return null;
    }

    private static int dump(FlatBufferBuilder builder, ConsumerResponse.Dump dump) {
        int id = builder.createString(dump.id());
        int producerId = builder.createString(dump.producerId());
        int rtpParameters = FbsRtpParameters.rtpParameters(builder, dump.rtpParameters());
        int encodings = FBS.Consumer.BaseConsumerDump.createConsumableRtpEncodingsVector(builder,
                FbsRtpParameters.encodings(builder, dump.consumableRtpEncodings()));
        byte[] payloadTypes = new byte[dump.supportedCodecPayloadTypes().size()];
        for (int i = 0; i < payloadTypes.length; i++) {
            payloadTypes[i] = dump.supportedCodecPayloadTypes().get(i).byteValue();
        }
        int payloadTypesOffset = FBS.Consumer.BaseConsumerDump.createSupportedCodecPayloadTypesVector(builder,
                payloadTypes);
        int traceEventTypes = FBS.Consumer.BaseConsumerDump.createTraceEventTypesVector(builder,
                FbsTraceTypes.values(dump.traceEventTypes()));
        int base = FBS.Consumer.BaseConsumerDump.createBaseConsumerDump(builder, id, FbsRtpParameters.type(dump.type()),
                producerId, FbsRtpParameters.kind(dump.kind()), rtpParameters, encodings, payloadTypesOffset,
                traceEventTypes, dump.paused(), dump.producerPaused(), dump.priority());
        int rtpStreams = FbsRtpStreams.dumps(builder, dump.rtpStreams());
        FBS.Consumer.ConsumerDump.startConsumerDump(builder);
        FBS.Consumer.ConsumerDump.addBase(builder, base);
        FBS.Consumer.ConsumerDump.addRtpStreams(builder, rtpStreams);
        ConsumerResponse.Layers layers = dump.layers();
        if (layers != null) {
            Fbs.forced(builder, () -> {
                FBS.Consumer.ConsumerDump.addPreferredSpatialLayer(builder, (short) layers.preferredSpatialLayer());
                FBS.Consumer.ConsumerDump.addTargetSpatialLayer(builder, (short) layers.targetSpatialLayer());
                FBS.Consumer.ConsumerDump.addCurrentSpatialLayer(builder, (short) layers.currentSpatialLayer());
                FBS.Consumer.ConsumerDump.addPreferredTemporalLayer(builder, (short) layers.preferredTemporalLayer());
                FBS.Consumer.ConsumerDump.addTargetTemporalLayer(builder, (short) layers.targetTemporalLayer());
                FBS.Consumer.ConsumerDump.addCurrentTemporalLayer(builder, (short) layers.currentTemporalLayer());
            });
        }
        return FBS.Consumer.ConsumerDump.endConsumerDump(builder);
    }

    static int score(FlatBufferBuilder builder, ConsumerScore score) {
        byte[] producerScores = new byte[score.producerScores().size()];
        for (int i = 0; i < producerScores.length; i++) {
            producerScores[i] = score.producerScores().get(i).byteValue();
        }
        return FBS.Consumer.ConsumerScore.createConsumerScore(builder, score.score(), score.producerScore(),
                FBS.Consumer.ConsumerScore.createProducerScoresVector(builder, producerScores));
    }

    static int layers(FlatBufferBuilder builder, ConsumerLayers layers) {
        FBS.Consumer.ConsumerLayers.startConsumerLayers(builder);
        FBS.Consumer.ConsumerLayers.addSpatialLayer(builder, layers.spatialLayer());
        if (layers.temporalLayer() != null) {
            Fbs.forced(builder, () -> FBS.Consumer.ConsumerLayers.addTemporalLayer(builder, layers.temporalLayer()));
        }
        return FBS.Consumer.ConsumerLayers.endConsumerLayers(builder);
    }
}
