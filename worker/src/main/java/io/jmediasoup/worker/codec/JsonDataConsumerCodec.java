package io.jmediasoup.worker.codec;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.channel.Request;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.DataConsumerRequest;
import io.jmediasoup.worker.messages.DataConsumerResponse;
import io.jmediasoup.worker.messages.TransportDataRequest;
import io.jmediasoup.worker.rtc.params.DataType;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * mediasoup 3.8's data consumer requests: transport.consumeData and dataConsumer.close (the
 * transport's), dataConsumer.dump, getStats, getBufferedAmount and
 * setBufferedAmountLowThreshold, and dataConsumer.send on the payload channel (by
 * internal.dataConsumerId). 3.8 has no pause and no subchannels.
 */
final class JsonDataConsumerCodec implements JsonRequestCodec {
    @Override
    public List<Ancestor> ancestors(Request request) {
        return request.method().equals("transport.consumeData") || request.method().startsWith("dataConsumer.")
                ? TRANSPORT
                : List.of();
    }

    @Override
    public ChannelRequest decode(Request request) {
        switch (request.method()) {
            case "transport.consumeData": {
                JsonObject data = request.data();
                DataType type = JsonDataFields.type(data);
                return new TransportDataRequest.ConsumeData(JsonMembers.id(request.internal(), "transportId"),
                        JsonMembers.id(request.internal(), "dataConsumerId"),
                        JsonMembers.id(request.internal(), "dataProducerId"), type,
                        JsonDataFields.sctpStreamParameters(data, type), JsonDataFields.string(data, "label"),
                        JsonDataFields.string(data, "protocol"), false, List.of());
            }
            case "dataConsumer.close":
                return new TransportDataRequest.CloseDataConsumer(JsonMembers.id(request.internal(), "transportId"),
                        JsonMembers.id(request.internal(), "dataConsumerId"));
            case "dataConsumer.dump":
                return new DataConsumerRequest.Dump(dataConsumerId(request));
            case "dataConsumer.getStats":
                return new DataConsumerRequest.GetStats(dataConsumerId(request));
            case "dataConsumer.getBufferedAmount":
                return new DataConsumerRequest.GetBufferedAmount(dataConsumerId(request));
            case "dataConsumer.setBufferedAmountLowThreshold": {
                JsonElement threshold = request.data().get("threshold");
                if (!JsonValues.isPositiveInteger(threshold)) {
                    throw new MediasoupTypeError("wrong bufferedAmountThreshold (not an unsigned number)");
                }
                return new DataConsumerRequest.SetBufferedAmountLowThreshold(dataConsumerId(request),
                        threshold.getAsLong() & 0xFFFFFFFFL);
            }
            default:
                return null;
        }
    }

    @Override
    public ChannelRequest decode(Request request, ByteBuf payload) {
        if (!request.method().equals("dataConsumer.send")) {
            return null;
        }
        JsonElement ppid = request.data().get("ppid");
        if (!JsonValues.isPositiveInteger(ppid)) {
            throw new MediasoupTypeError("invalid ppid");
        }
        return new DataConsumerRequest.Send(dataConsumerId(request), ppid.getAsLong() & 0xFFFFFFFFL, payload, false);
    }

    private static String dataConsumerId(Request request) {
        return JsonMembers.id(request.internal(), "dataConsumerId");
    }

    @Override
    public JsonElement encode(ChannelResponse response) {
        if (response instanceof DataConsumerResponse.Dump dump) {
            JsonObject json = new JsonObject();
            json.addProperty("id", dump.id());
            json.addProperty("dataProducerId", dump.dataProducerId());
            json.addProperty("type", dump.type().label());
            JsonDataFields.addStreamAndLabels(json, dump.sctpStreamParameters(), dump.label(), dump.protocol());
            json.addProperty("bufferedAmountLowThreshold", dump.bufferedAmountLowThreshold());
            return json;
        }
        if (response instanceof DataConsumerResponse.Stats stats) {
            JsonObject json = new JsonObject();
            json.addProperty("type", "data-consumer");
            json.addProperty("timestamp", stats.timestampMs());
            json.addProperty("label", stats.label());
            json.addProperty("protocol", stats.protocol());
            json.addProperty("messagesSent", stats.messagesSent());
            json.addProperty("bytesSent", stats.bytesSent());
            json.addProperty("bufferedAmount", stats.bufferedAmount());
            JsonArray array = new JsonArray();
            array.add(json);
            return array;
        }
        if (response instanceof DataConsumerResponse.BufferedAmount amount) {
            JsonObject json = new JsonObject();
            json.addProperty("bufferedAmount", amount.bufferedAmount());
            return json;
        }
        return null;
    }

    @Override
    public String notFound(ChannelRequest request) {
        if (request instanceof TransportDataRequest.ConsumeData || request instanceof TransportDataRequest.CloseDataConsumer) {
            return "Transport not found";
        }
        return request instanceof DataConsumerRequest ? "DataConsumer not found" : null;
    }

    /** A data consumer of the wrong type is a plain Error in 3.8 (a TypeError in 3.32). */
    @Override
    public MediasoupError error(ChannelRequest request, MediasoupError error) {
        boolean typeChecked = request instanceof DataConsumerRequest.GetBufferedAmount
                || request instanceof DataConsumerRequest.SetBufferedAmountLowThreshold;
        return typeChecked && error instanceof MediasoupTypeError ? new MediasoupError(error.getMessage()) : error;
    }
}
