package io.jmediasoup.worker.codec;

import com.google.gson.JsonObject;
import io.jmediasoup.worker.messages.DataConsumerEvent;
import io.jmediasoup.worker.messages.Event;

/** mediasoup 3.8's data consumer events ("message" travels on the payload channel with its bytes). */
final class JsonDataConsumerEventCodec implements JsonEventCodec {
    @Override
    public JsonEvent encode(Event event) {
        if (event instanceof DataConsumerEvent.BufferedAmountLow low) {
            JsonObject data = new JsonObject();
            data.addProperty("bufferedAmount", low.bufferedAmount());
            return new JsonEvent("bufferedamountlow", data);
        }
        if (event instanceof DataConsumerEvent.SctpSendBufferFull) {
            return new JsonEvent("sctpsendbufferfull", null);
        }
        if (event instanceof DataConsumerEvent.DataProducerClose) {
            return new JsonEvent("dataproducerclose", null);
        }
        if (event instanceof DataConsumerEvent.DataProducerPause) {
            return new JsonEvent("dataproducerpause", null);
        }
        if (event instanceof DataConsumerEvent.DataProducerResume) {
            return new JsonEvent("dataproducerresume", null);
        }
        if (event instanceof DataConsumerEvent.Message message) {
            JsonObject data = new JsonObject();
            data.addProperty("ppid", message.ppid());
            return new JsonEvent("message", data);
        }
        return null;
    }
}
