package io.jmediasoup.worker.codec;

import io.jmediasoup.channel.FbsRequest;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.DataProducerRequest;
import io.jmediasoup.worker.messages.DataProducerResponse;
import io.jmediasoup.worker.messages.TransportDataRequest;
import io.jmediasoup.worker.rtc.params.DataType;

/**
 * mediasoup 3.32's data producer requests: TRANSPORT_PRODUCE_DATA and
 * TRANSPORT_CLOSE_DATAPRODUCER (the transport's handler id), DATAPRODUCER_* (the data
 * producer's).
 */
final class FbsDataProducerCodec implements FbsRequestCodec {
    @Override
    public ChannelRequest decode(FbsRequest request) {
        switch (request.method()) {
            case FBS.Request.Method.TRANSPORT_PRODUCE_DATA: {
                FBS.Transport.ProduceDataRequest body = request.body(FBS.Request.Body.Transport_ProduceDataRequest,
                        new FBS.Transport.ProduceDataRequest());
                DataType type = FbsDataFields.type(body.type());
                return new TransportDataRequest.ProduceData(request.handlerId(),
                        FbsDataFields.required(body.dataProducerId(), "dataProducerId"), type,
                        FbsDataFields.sctpStreamParameters(body.sctpStreamParameters(), type),
                        FbsDataFields.optional(body.label()), FbsDataFields.optional(body.protocol()), body.paused());
            }
            case FBS.Request.Method.TRANSPORT_CLOSE_DATAPRODUCER: {
                FBS.Transport.CloseDataProducerRequest body = request.body(
                        FBS.Request.Body.Transport_CloseDataProducerRequest, new FBS.Transport.CloseDataProducerRequest());
                return new TransportDataRequest.CloseDataProducer(request.handlerId(),
                        FbsDataFields.required(body.dataProducerId(), "dataProducerId"));
            }
            case FBS.Request.Method.DATAPRODUCER_DUMP:
                return new DataProducerRequest.Dump(request.handlerId());
            case FBS.Request.Method.DATAPRODUCER_GET_STATS:
                return new DataProducerRequest.GetStats(request.handlerId());
            case FBS.Request.Method.DATAPRODUCER_PAUSE:
                return new DataProducerRequest.Pause(request.handlerId());
            case FBS.Request.Method.DATAPRODUCER_RESUME:
                return new DataProducerRequest.Resume(request.handlerId());
            default:
                return null;
        }
    }

    @Override
    public FbsRequest.FbsBody encode(ChannelResponse response) {
        if (response instanceof DataProducerResponse.Dump dump) {
            return new FbsRequest.FbsBody(FBS.Response.Body.DataProducer_DumpResponse, builder -> {
                int id = builder.createString(dump.id());
                int sctpStreamParameters = FbsDataFields.write(builder, dump.sctpStreamParameters());
                int label = builder.createString(dump.label());
                int protocol = builder.createString(dump.protocol());
                FBS.DataProducer.DumpResponse.startDumpResponse(builder);
                FBS.DataProducer.DumpResponse.addId(builder, id);
                FBS.DataProducer.DumpResponse.addType(builder, FbsDataFields.type(dump.type()));
                if (sctpStreamParameters != 0) {
                    FBS.DataProducer.DumpResponse.addSctpStreamParameters(builder, sctpStreamParameters);
                }
                FBS.DataProducer.DumpResponse.addLabel(builder, label);
                FBS.DataProducer.DumpResponse.addProtocol(builder, protocol);
                FBS.DataProducer.DumpResponse.addPaused(builder, dump.paused());
                return FBS.DataProducer.DumpResponse.endDumpResponse(builder);
            });
        }
        if (response instanceof DataProducerResponse.Stats stats) {
            return new FbsRequest.FbsBody(FBS.Response.Body.DataProducer_GetStatsResponse, builder -> {
                int label = builder.createString(stats.label());
                int protocol = builder.createString(stats.protocol());
                // No buffered_amount: a data producer buffers nothing, and 3.32's leaves it out too.
                FBS.DataProducer.GetStatsResponse.startGetStatsResponse(builder);
                FBS.DataProducer.GetStatsResponse.addTimestamp(builder, stats.timestampMs());
                FBS.DataProducer.GetStatsResponse.addLabel(builder, label);
                FBS.DataProducer.GetStatsResponse.addProtocol(builder, protocol);
                FBS.DataProducer.GetStatsResponse.addMessagesReceived(builder, stats.messagesReceived());
                FBS.DataProducer.GetStatsResponse.addBytesReceived(builder, stats.bytesReceived());
                return FBS.DataProducer.GetStatsResponse.endGetStatsResponse(builder);
            });
        }
        return null;
    }
}
