package io.jmediasoup.worker.rtc;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.Request;

/** A source of data messages on a transport (transport.produceData). */
final class DataProducer extends DataEndpoint {
    private long messagesReceived;
    private long bytesReceived;

    DataProducer(String id, JsonObject data) {
        super(id, data);
    }

    void receiveMessage(int bytes) {
        messagesReceived++;
        bytesReceived += bytes;
    }

    void handleRequest(Request request) {
        switch (request.method()) {
            case "dataProducer.dump":
                request.accept(dump());
                break;
            case "dataProducer.getStats":
                JsonObject stats = baseStats("data-producer");
                stats.addProperty("messagesReceived", messagesReceived);
                stats.addProperty("bytesReceived", bytesReceived);
                JsonArray array = new JsonArray();
                array.add(stats);
                request.accept(array);
                break;
            default:
                throw new MediasoupError("unknown method '" + request.method() + "'");
        }
    }

    JsonObject dump() {
        JsonObject json = baseDump();
        addStreamAndLabels(json);
        return json;
    }
}
