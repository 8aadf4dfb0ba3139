package io.jmediasoup.worker.rtc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.channel.Request;
import io.jmediasoup.worker.LogTag;
import io.netty.buffer.ByteBuf;

/** A sink of one data producer's messages on a transport (transport.consumeData). */
final class DataConsumer extends DataEndpoint {
    final String dataProducerId;
    final Transport transport;
    private final Shared shared;
    private long messagesSent;
    private long bytesSent;
    private long bufferedAmountLowThreshold;

    DataConsumer(String id, String dataProducerId, Transport transport, Shared shared, JsonObject data) {
        super(id, data);
        this.dataProducerId = dataProducerId;
        this.transport = transport;
        this.shared = shared;
    }

    void handleRequest(Request request) {
        switch (request.method()) {
            case "dataConsumer.dump":
                request.accept(dump());
                break;
            case "dataConsumer.getStats":
                JsonObject stats = baseStats("data-consumer");
                stats.addProperty("messagesSent", messagesSent);
                stats.addProperty("bytesSent", bytesSent);
                stats.addProperty("bufferedAmount", bufferedAmount());
                JsonArray array = new JsonArray();
                array.add(stats);
                request.accept(array);
                break;
            case "dataConsumer.setBufferedAmountLowThreshold":
                setBufferedAmountLowThreshold(request);
                break;
            default:
                throw new MediasoupError("unknown method '" + request.method() + "'");
        }
    }

    /**
     * Sends one of its data producer's messages, if it can: an SCTP data consumer waits for
     * the SCTP association (issue 7); a message larger than maxMessageSize is dropped.
     */
    void sendMessage(long ppid, ByteBuf message) {
        if (isSctp()) {
            return;
        }
        if (message.readableBytes() > transport.maxMessageSize()) {
            shared.logger().warn(LogTag.MESSAGE, "DataConsumer", "given message exceeds maxMessageSize value [maxMessageSize:"
                    + transport.maxMessageSize() + ", len:" + message.readableBytes() + "]");
            return;
        }
        messagesSent++;
        bytesSent += message.readableBytes();
        transport.sendMessage(this, ppid, message);
    }

    /** Bytes queued in the SCTP association for this consumer; none until SCTP runs (issue 7). */
    long bufferedAmount() {
        return 0;
    }

    private void setBufferedAmountLowThreshold(Request request) {
        JsonElement threshold = request.data().get("threshold");
        if (!JsonValues.isPositiveInteger(threshold)) {
            throw new MediasoupTypeError("wrong bufferedAmountThreshold (not an unsigned number)");
        }
        bufferedAmountLowThreshold = threshold.getAsLong() & 0xFFFFFFFFL;
        request.accept();
        if (bufferedAmount() <= bufferedAmountLowThreshold) {
            JsonObject data = new JsonObject();
            data.addProperty("bufferedAmount", bufferedAmount());
            shared.notify(id, "bufferedamountlow", data);
        }
    }

    /** Its data producer closed: tell the library, which closes it ("dataproducerclose"). */
    void dataProducerClosed() {
        shared.notify(id, "dataproducerclose", null);
    }

    JsonObject dump() {
        JsonObject json = baseDump();
        json.addProperty("dataProducerId", dataProducerId);
        addStreamAndLabels(json);
        json.addProperty("bufferedAmountLowThreshold", bufferedAmountLowThreshold);
        return json;
    }
}
