package io.jmediasoup.worker.rtc;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.Request;
import io.jmediasoup.worker.LogTag;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mediasoup Router: the owner of transports and RTP observers, and the place where
 * producers meet their consumers.
 */
public final class Router {
    /** Builds a transport of one kind from the request's data; throws on invalid options. */
    @FunctionalInterface
    interface TransportFactory {
        Transport create(String id, Shared shared, JsonObject data);
    }

    private final String id;
    private final Shared shared;
    private final Map<String, Transport> transports = new LinkedHashMap<>();

    public Router(String id, Shared shared) {
        this.id = id;
        this.shared = shared;
    }

    public String id() {
        return id;
    }

    public void handleRequest(Request request) {
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
            case "transport.close":
                closeTransport(request);
                break;
            default:
                if (request.method().startsWith("rtpObserver.")) {
                    Internal.id(request.internal(), "rtpObserverId");
                    throw new MediasoupError("RtpObserver not found");
                }
                transport(request.internal()).handleRequest(request);
        }
    }

    /** Creates a transport under the id the request names and answers with its dump. */
    void createTransport(Request request, TransportFactory factory) {
        String transportId = Internal.id(request.internal(), "transportId");
        if (transports.containsKey(transportId)) {
            throw new MediasoupError("a Transport with same transportId already exists");
        }
        Transport transport = factory.create(transportId, shared, request.data());
        transports.put(transportId, transport);
        request.accept(transport.dump());
    }

    private void closeTransport(Request request) {
        Transport transport = transport(request.internal());
        transports.remove(transport.id());
        transport.close();
        request.accept();
    }

    private Transport transport(JsonObject internal) {
        Transport transport = transports.get(Internal.id(internal, "transportId"));
        if (transport == null) {
            throw new MediasoupError("Transport not found");
        }
        return transport;
    }

    public JsonObject dump() {
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        JsonArray transportIds = new JsonArray();
        transports.keySet().forEach(transportIds::add);
        json.add("transportIds", transportIds);
        json.add("rtpObserverIds", new JsonArray());
        json.add("mapProducerIdConsumerIds", new JsonObject());
        json.add("mapConsumerIdProducerId", new JsonObject());
        json.add("mapProducerIdObserverIds", new JsonObject());
        json.add("mapDataProducerIdDataConsumerIds", new JsonObject());
        json.add("mapDataConsumerIdDataProducerId", new JsonObject());
        return json;
    }

    /** Closes every transport; the Node library tells its objects itself ("routerclose"). */
    public void close() {
        transports.values().forEach(Transport::close);
        transports.clear();
        shared.logger().debug(LogTag.INFO, "Router", "closed [id:" + id + "]");
    }
}
