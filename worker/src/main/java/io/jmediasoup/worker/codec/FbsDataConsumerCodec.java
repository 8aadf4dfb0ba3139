package io.jmediasoup.worker.codec;

import io.jmediasoup.channel.FbsRequest;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.DataConsumerRequest;
import io.jmediasoup.worker.messages.DataConsumerResponse;
import io.jmediasoup.worker.messages.TransportDataRequest;
import io.jmediasoup.worker.rtc.params.DataType;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;

/**
 * mediasoup 3.32's data consumer requests: TRANSPORT_CONSUME_DATA and
 * TRANSPORT_CLOSE_DATACONSUMER (the transport's handler id), DATACONSUMER_* (the data
 * consumer's), DATACONSUMER_SEND among them.
 */
final class FbsDataConsumerCodec implements FbsRequestCodec {
    @Override
    public ChannelRequest decode(FbsRequest request) {
        String handlerId = request.handlerId();
        switch (request.method()) {
            case FBS.Request.Method.TRANSPORT_CONSUME_DATA: {
                FBS.Transport.ConsumeDataRequest body = request.body(FBS.Request.Body.Transport_ConsumeDataRequest,
                        new FBS.Transport.ConsumeDataRequest());
                DataType type = FbsDataFields.type(body.type());
                return new TransportDataRequest.ConsumeData(handlerId,
                        FbsDataFields.required(body.dataConsumerId(), "dataConsumerId"),
                        FbsDataFields.required(body.dataProducerId(), "dataProducerId"), type,
                        FbsDataFields.sctpStreamParameters(body.sctpStreamParameters(), type),
                        FbsDataFields.optional(body.label()), FbsDataFields.optional(body.protocol()), body.paused(),
                        FbsDataFields.subchannelSet(body.subchannelsVector()));
            }
            case FBS.Request.Method.TRANSPORT_CLOSE_DATACONSUMER: {
                FBS.Transport.CloseDataConsumerRequest body = request.body(
                        FBS.Request.Body.Transport_CloseDataConsumerRequest, new FBS.Transport.CloseDataConsumerRequest());
                return new TransportDataRequest.CloseDataConsumer(handlerId,
                        FbsDataFields.required(body.dataConsumerId(), "dataConsumerId"));
            }
            case FBS.Request.Method.DATACONSUMER_DUMP:
                return new DataConsumerRequest.Dump(handlerId);
            case FBS.Request.Method.DATACONSUMER_GET_STATS:
                return new DataConsumerRequest.GetStats(handlerId);
            case FBS.Request.Method.DATACONSUMER_PAUSE:
                return new DataConsumerRequest.Pause(handlerId);
            case FBS.Request.Method.DATACONSUMER_RESUME:
                return new DataConsumerRequest.Resume(handlerId);
            case FBS.Request.Method.DATACONSUMER_GET_BUFFERED_AMOUNT:
                return new DataConsumerRequest.GetBufferedAmount(handlerId);
            case FBS.Request.Method.DATACONSUMER_SET_BUFFERED_AMOUNT_LOW_THRESHOLD:
                return new DataConsumerRequest.SetBufferedAmountLowThreshold(handlerId, request.body(
                        FBS.Request.Body.DataConsumer_SetBufferedAmountLowThresholdRequest,
                        new FBS.DataConsumer.SetBufferedAmountLowThresholdRequest()).threshold());
            case FBS.Request.Method.DATACONSUMER_SEND: {
                FBS.DataConsumer.SendRequest body = request.body(FBS.Request.Body.DataConsumer_SendRequest,
                        new FBS.DataConsumer.SendRequest());
                ByteBuffer data = body.dataAsByteBuffer();
                if (data == null) {
                    throw new MediasoupTypeError("missing data");
                }
                return new DataConsumerRequest.Send(handlerId, body.ppid(), Unpooled.wrappedBuffer(data), true);
            }
            case FBS.Request.Method.DATACONSUMER_SET_SUBCHANNELS:
                return new DataConsumerRequest.SetSubchannels(handlerId, FbsDataFields.subchannelSet(request.body(
                        FBS.Request.Body.DataConsumer_SetSubchannelsRequest,
                        new FBS.DataConsumer.SetSubchannelsRequest()).subchannelsVector()));
            case FBS.Request.Method.DATACONSUMER_ADD_SUBCHANNEL:
                return new DataConsumerRequest.AddSubchannel(handlerId, request.body(
                        FBS.Request.Body.DataConsumer_AddSubchannelRequest,
                        new FBS.DataConsumer.AddSubchannelRequest()).subchannel());
            case FBS.Request.Method.DATACONSUMER_REMOVE_SUBCHANNEL:
                return new DataConsumerRequest.RemoveSubchannel(handlerId, request.body(
                        FBS.Request.Body.DataConsumer_RemoveSubchannelRequest,
                        new FBS.DataConsumer.RemoveSubchannelRequest()).subchannel());
            default:
                return null;
        }
    }

    @Override
    public FbsRequest.FbsBody encode(ChannelResponse response) {
        if (response instanceof DataConsumerResponse.Dump dump) {
            return new FbsRequest.FbsBody(FBS.Response.Body.DataConsumer_DumpResponse, builder -> {
                int id = builder.createString(dump.id());
                int dataProducerId = builder.createString(dump.dataProducerId());
                int sctpStreamParameters = FbsDataFields.write(builder, dump.sctpStreamParameters());
                int label = builder.createString(dump.label());
                int protocol = builder.createString(dump.protocol());
                int subchannels = FbsDataFields.writeSubchannels(builder, dump.subchannels());
                FBS.DataConsumer.DumpResponse.startDumpResponse(builder);
                FBS.DataConsumer.DumpResponse.addId(builder, id);
                FBS.DataConsumer.DumpResponse.addDataProducerId(builder, dataProducerId);
                FBS.DataConsumer.DumpResponse.addType(builder, FbsDataFields.type(dump.type()));
                if (sctpStreamParameters != 0) {
                    FBS.DataConsumer.DumpResponse.addSctpStreamParameters(builder, sctpStreamParameters);
                }
                FBS.DataConsumer.DumpResponse.addLabel(builder, label);
                FBS.DataConsumer.DumpResponse.addProtocol(builder, protocol);
                FBS.DataConsumer.DumpResponse.addBufferedAmount(builder, dump.bufferedAmount());
                FBS.DataConsumer.DumpResponse.addBufferedAmountLowThreshold(builder, dump.bufferedAmountLowThreshold());
                FBS.DataConsumer.DumpResponse.addPaused(builder, dump.paused());
                FBS.DataConsumer.DumpResponse.addDataProducerPaused(builder, dump.dataProducerPaused());
                FBS.DataConsumer.DumpResponse.addSubchannels(builder, subchannels);
                return FBS.DataConsumer.DumpResponse.endDumpResponse(builder);
            });
        }
        if (response instanceof DataConsumerResponse.Stats stats) {
            return new FbsRequest.FbsBody(FBS.Response.Body.DataConsumer_GetStatsResponse, builder -> {
                int label = builder.createString(stats.label());
                int protocol = builder.createString(stats.protocol());
                return FBS.DataConsumer.GetStatsResponse.createGetStatsResponse(builder, stats.timestampMs(), label,
                        protocol, stats.messagesSent(), stats.bytesSent(), stats.bufferedAmount());
            });
        }
        if (response instanceof DataConsumerResponse.BufferedAmount amount) {
            return new FbsRequest.FbsBody(FBS.Response.Body.DataConsumer_GetBufferedAmountResponse, builder ->
                    FBS.DataConsumer.GetBufferedAmountResponse.createGetBufferedAmountResponse(builder,
                            amount.bufferedAmount()));
        }
        if (response instanceof DataConsumerResponse.Sent sent) {
            return new FbsRequest.FbsBody(FBS.Response.Body.DataConsumer_SendResponse, builder ->
                    FBS.DataConsumer.SendResponse.createSendResponse(builder, sent.bufferedAmount()));
        }
        if (response instanceof DataConsumerResponse.SubchannelsSet set) {
            return new FbsRequest.FbsBody(FBS.Response.Body.DataConsumer_SetSubchannelsResponse, builder ->
                    FBS.DataConsumer.SetSubchannelsResponse.createSetSubchannelsResponse(builder,
                            FbsDataFields.writeSubchannels(builder, set.subchannels())));
        }
        if (response instanceof DataConsumerResponse.SubchannelAdded added) {
            return new FbsRequest.FbsBody(FBS.Response.Body.DataConsumer_AddSubchannelResponse, builder ->
                    FBS.DataConsumer.AddSubchannelResponse.createAddSubchannelResponse(builder,
                            FbsDataFields.writeSubchannels(builder, added.subchannels())));
        }
        if (response instanceof DataConsumerResponse.SubchannelRemoved removed) {
            return new FbsRequest.FbsBody(FBS.Response.Body.DataConsumer_RemoveSubchannelResponse, builder ->
                    FBS.DataConsumer.RemoveSubchannelResponse.createRemoveSubchannelResponse(builder,
                            FbsDataFields.writeSubchannels(builder, removed.subchannels())));
        }
        return null;
    }
}
