package io.jmediasoup.worker.codec;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.jmediasoup.worker.messages.ConsumerEvent;
import io.jmediasoup.worker.messages.DirectTransportEvent;
import io.jmediasoup.worker.messages.Event;
import io.jmediasoup.worker.messages.ProducerEvent;
import io.jmediasoup.worker.messages.RtpObserverEvent;

/** mediasoup 3.8's names and data for the events of producers, consumers, RTP observers and direct RTP/RTCP. */
final class JsonMediaEventCodec implements JsonEventCodec {
    @Override
    public JsonEvent encode(Event event) {
        if (event instanceof ProducerEvent producerEvent) {
            return producer(producerEvent);
        }
        if (event instanceof ConsumerEvent consumerEvent) {
            return consumer(consumerEvent);
        }
        if (event instanceof RtpObserverEvent rtpObserverEvent) {
            return rtpObserver(rtpObserverEvent);
        }
        if (event instanceof DirectTransportEvent.Rtcp) {
            return new JsonEvent("rtcp", null);
        }
        return null;
    }

    private static JsonEvent producer(ProducerEvent event) {
        if (event instanceof ProducerEvent.Score score) {
            JsonArray json = new JsonArray();
            for (ProducerEvent.StreamScore stream : score.scores()) {
                JsonObject entry = new JsonObject();
                entry.addProperty("encodingIdx", stream.encodingIdx());
                entry.addProperty("ssrc", stream.ssrc());
                if (!stream.rid().isEmpty()) {
                    entry.addProperty("rid", stream.rid());
                }
                entry.addProperty("score", stream.score());
                json.add(entry);
            }
            return new JsonEvent("score", json);
        }
        if (event instanceof ProducerEvent.VideoOrientationChange change) {
            JsonObject json = new JsonObject();
            json.addProperty("camera", change.camera());
            json.addProperty("flip", change.flip());
            json.addProperty("rotation", change.rotation());
            return new JsonEvent("videoorientationchange", json);
        }
        if (event instanceof ProducerEvent.SenderReportTrace) {
            return JsonEvent.NOT_SENT;
        }
        return new JsonEvent("trace", JsonRtpStreams.trace(((ProducerEvent.Trace) event).trace()));
    }

    private static JsonEvent consumer(ConsumerEvent event) {
        if (event instanceof ConsumerEvent.Score score) {
            return new JsonEvent("score", JsonConsumerCodec.score(score.score()));
        }
        if (event instanceof ConsumerEvent.LayersChange change) {
            return new JsonEvent("layerschange",
                    change.layers() != null ? JsonConsumerCodec.layers(change.layers()) : JsonNull.INSTANCE);
        }
        if (event instanceof ConsumerEvent.ProducerPause) {
            return new JsonEvent("producerpause", null);
        }
        if (event instanceof ConsumerEvent.ProducerResume) {
            return new JsonEvent("producerresume", null);
        }
        if (event instanceof ConsumerEvent.ProducerClose) {
            return new JsonEvent("producerclose", null);
        }
        if (event instanceof ConsumerEvent.Rtp) {
            return new JsonEvent("rtp", null);
        }
        return new JsonEvent("trace", JsonRtpStreams.trace(((ConsumerEvent.Trace) event).trace()));
    }

    private static JsonEvent rtpObserver(RtpObserverEvent event) {
        if (event instanceof RtpObserverEvent.Volumes volumes) {
            JsonArray json = new JsonArray();
            for (RtpObserverEvent.Volume volume : volumes.volumes()) {
                JsonObject entry = new JsonObject();
                entry.addProperty("producerId", volume.producerId());
                entry.addProperty("volume", volume.volume());
                json.add(entry);
            }
            return new JsonEvent("volumes", json);
        }
        if (event instanceof RtpObserverEvent.DominantSpeaker speaker) {
            JsonObject json = new JsonObject();
            json.addProperty("producerId", speaker.producerId());
            return new JsonEvent("dominantspeaker", json);
        }
        return new JsonEvent("silence", null);
    }
}
