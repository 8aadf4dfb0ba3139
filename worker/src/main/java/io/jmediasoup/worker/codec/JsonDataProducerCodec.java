package io.jmediasoup.worker.codec;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.Request;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.worker.messages.DataProducerRequest;
import io.jmediasoup.worker.messages.DataProducerResponse;
import io.jmediasoup.worker.messages.TransportDataRequest;
import io.jmediasoup.worker.rtc.params.DataType;
import java.util.List;

/**
 * mediasoup 3.8's data producer requests: transport.produceData and dataProducer.close (the
 * transport's, by internal.transportId), dataProducer.dump and getStats (by
 * internal.dataProducerId). 3.8 has no pause.
 */
final class JsonDataProducerCodec implements JsonRequestCodec {
    @Override
    public List<Ancestor> ancestors(Request request) {
        return request.method().equals("transport.produceData") || request.method().startsWith("dataProducer.")
                ? TRANSPORT
                : List.of();
    }

    @Override
    public ChannelRequest decode(Request request) {
        switch (request.method()) {
            case "transport.produceData": {
                JsonObject data = request.data();
                DataType type = JsonDataFields.type(data);
                return new TransportDataRequest.ProduceData(JsonMembers.id(request.internal(), "transportId"),
                        JsonMembers.id(request.internal(), "dataProducerId"), type,
                        JsonDataFields.sctpStreamParameters(data, type), JsonDataFields.string(data, "label"),
                        JsonDataFields.string(data, "protocol"), false);
            }
            case "dataProducer.close":
                return new TransportDataRequest.CloseDataProducer(JsonMembers.id(request.internal(), "transportId"),
                        JsonMembers.id(request.internal(), "dataProducerId"));
            case "dataProducer.dump":
                return new DataProducerRequest.Dump(JsonMembers.id(request.internal(), "dataProducerId"));
            case "dataProducer.getStats":
                return new DataProducerRequest.GetStats(JsonMembers.id(request.internal(), "dataProducerId"));
            default:
                return null;
        }
    }

    @Override
    public JsonElement encode(ChannelResponse response) {
        if (response instanceof DataProducerResponse.Dump dump) {
            JsonObject json = new JsonObject();
            json.addProperty("id", dump.id());
            json.addProperty("type", dump.type().label());
            JsonDataFields.addStreamAndLabels(json, dump.sctpStreamParameters(), dump.label(), dump.protocol());
            return json;
        }
        if (response instanceof DataProducerResponse.Stats stats) {
            JsonObject json = new JsonObject();
            json.addProperty("type", "data-producer");
            json.addProperty("timestamp", stats.timestampMs());
            json.addProperty("label", stats.label());
            json.addProperty("protocol", stats.protocol());
            json.addProperty("messagesReceived", stats.messagesReceived());
            json.addProperty("bytesReceived", stats.bytesReceived());
            JsonArray array = new JsonArray();
            array.add(json);
            return array;
        }
        return null;
    }

    @Override
    public String notFound(ChannelRequest request) {
        if (request instanceof TransportDataRequest.ProduceData || request instanceof TransportDataRequest.CloseDataProducer) {
            return "Transport not found";
        }
        return request instanceof DataProducerRequest ? "DataProducer not found" : null;
    }
}
