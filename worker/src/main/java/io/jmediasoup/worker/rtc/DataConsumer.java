package io.jmediasoup.worker.rtc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.channel.Request;
import io.jmediasoup.worker.LogTag;
import io.jmediasoup.rtp.sctp.SendResult;
import io.netty.buffer.ByteBuf;

/** A sink of one data producer's messages on a transport (transport.consumeData). */
final class DataConsumer extends DataEndpoint {
    final String dataProducerId;
    final Transport transport;
    private final Shared shared;
    private long messagesSent;
    private long bytesSent;
    private long bufferedAmountLowThreshold;
    private long bufferedAmount;
    private boolean sctpConnected;
    /** Set when the threshold was given while above it: the next fall to it notifies. */
    private boolean forceBufferedAmountLow;

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
     * Sends one of its data producer's messages when active (an SCTP one once the association is
     * up); a message larger than maxMessageSize is dropped.
     */
    SendResult sendMessage(long ppid, ByteBuf message) {
        if (!transport.isConnected() || (isSctp() && !sctpConnected)) {
            return SendResult.NOT_CONNECTED;
        }
        if (message.readableBytes() > transport.maxMessageSize()) {
            shared.logger().warn(LogTag.MESSAGE, "DataConsumer", "given message exceeds maxMessageSize value [maxMessageSize:"
                    + transport.maxMessageSize() + ", len:" + message.readableBytes() + "]");
            return SendResult.TOO_LARGE;
        }
        messagesSent++;
        bytesSent += message.readableBytes();
        return transport.sendMessage(this, ppid, message);
    }

    /**
     * dataConsumer.send from the payload channel: accepted once queued, else "sctpsendbufferfull"
     * or "message send failed". A message over maxMessageSize fails too, where the C++ worker
     * leaves the request unanswered (the application's promise would never settle).
     */
    void send(Request request, ByteBuf payload) {
        JsonElement ppid = request.data().get("ppid");
        if (!JsonValues.isPositiveInteger(ppid)) {
            throw new MediasoupTypeError("invalid ppid");
        }
        SendResult result = sendMessage(ppid.getAsLong() & 0xFFFFFFFFL, payload);
        if (result == SendResult.QUEUED) {
            request.accept();
        } else if (result == SendResult.BUFFER_FULL) {
            request.error(new MediasoupError("sctpsendbufferfull"));
        } else {
            request.error(new MediasoupError("message send failed"));
        }
    }

    /** Bytes the transport's SCTP association holds unacknowledged (shared by its SCTP data consumers). */
    long bufferedAmount() {
        return bufferedAmount;
    }

    void sctpAssociationChanged(boolean connected) {
        sctpConnected = connected;
    }

    /** "bufferedamountlow" when the amount falls to the threshold or below, as the C++ worker does. */
    void sctpBufferedAmount(long amount) {
        long previous = bufferedAmount;
        bufferedAmount = amount;
        if ((forceBufferedAmountLow || previous > bufferedAmountLowThreshold) && amount <= bufferedAmountLowThreshold) {
            forceBufferedAmountLow = false;
            JsonObject data = new JsonObject();
            data.addProperty("bufferedAmount", amount);
            shared.notify(id, "bufferedamountlow", data);
        }
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
        } else {
            forceBufferedAmountLow = true;
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
