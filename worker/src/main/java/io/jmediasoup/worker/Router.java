package io.jmediasoup.worker;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.Request;

/**
 * A mediasoup Router: the owner of transports and RTP observers, and the place where
 * producers meet their consumers.
 */
final class Router {
    private final String id;
    private final Logger logger;

    Router(String id, Logger logger) {
        this.id = id;
        this.logger = logger;
    }

    String id() {
        return id;
    }

    void handleRequest(Request request) {
        switch (request.method()) {
            case "router.dump":
                request.accept(dump());
                break;
            case "router.createWebRtcTransport":
            case "router.createPlainTransport":
            case "router.createPipeTransport":
            case "router.createDirectTransport":
            case "router.createActiveSpeakerObserver":
            case "router.createAudioLevelObserver":
                throw new MediasoupError("not implemented yet in this worker");
            default:
                handleTargetedRequest(request);
        }
    }

    /** Requests aimed at an entity the router owns, found through its id in internal. */
    private void handleTargetedRequest(Request request) {
        if (request.method().startsWith("rtpObserver.")) {
            Internal.id(request.internal(), "rtpObserverId");
            throw new MediasoupError("RtpObserver not found");
        }
        Internal.id(request.internal(), "transportId");
        throw new MediasoupError("Transport not found");
    }

    JsonObject dump() {
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        json.add("transportIds", new JsonArray());
        json.add("rtpObserverIds", new JsonArray());
        json.add("mapProducerIdConsumerIds", new JsonObject());
        json.add("mapConsumerIdProducerId", new JsonObject());
        json.add("mapProducerIdObserverIds", new JsonObject());
        json.add("mapDataProducerIdDataConsumerIds", new JsonObject());
        json.add("mapDataConsumerIdDataProducerId", new JsonObject());
        return json;
    }

    void close() {
        logger.debug(LogTag.INFO, "Router", "closed [id:" + id + "]");
    }
}
