package io.jmediasoup.worker.codec;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupNotFoundError;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.channel.Request;
import io.jmediasoup.worker.messages.WorkerRequest;
import io.jmediasoup.worker.messages.WorkerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * mediasoup 3.8's JSON for the worker-level requests: {@code {"method", "internal", "data"}}
 * in, the C++ worker's JSON dumps out. This is where their arguments are validated, with
 * 3.8's texts; 3.8 knew no NotFoundError, so a missing entity is a plain Error.
 */
public final class JsonWorkerCodec {
    private JsonWorkerCodec() {}

    /** The typed request, or null when {@code request} is not a worker-level method. */
    public static WorkerRequest decode(Request request) {
        try {
            switch (request.method()) {
                case "worker.dump":
                    return new WorkerRequest.Dump();
                case "worker.getResourceUsage":
                    return new WorkerRequest.GetResourceUsage();
                case "worker.updateSettings":
                    return updateSettings(request.data());
                case "worker.createRouter":
                    return new WorkerRequest.CreateRouter(JsonMembers.id(request.internal(), "routerId"));
                case "router.close":
                    return new WorkerRequest.CloseRouter(JsonMembers.id(request.internal(), "routerId"));
                case "router.dump":
                    return new WorkerRequest.DumpRouter(JsonMembers.id(request.internal(), "routerId"));
                default:
                    return null;
            }
        } catch (MediasoupError error) {
            throw error(error, request.method());
        }
    }

    /** worker.updateSettings' data; a wrong logLevel or logTags type is ignored, as the C++ worker of 3.8 does. */
    public static WorkerRequest.UpdateSettings updateSettings(JsonObject data) {
        JsonElement level = data.get("logLevel");
        String logLevel = level != null && level.isJsonPrimitive() && level.getAsJsonPrimitive().isString()
                ? level.getAsString()
                : null;
        JsonElement tags = data.get("logTags");
        List<String> logTags = null;
        if (tags != null && tags.isJsonArray()) {
            logTags = new ArrayList<>();
            for (JsonElement tag : tags.getAsJsonArray()) {
                if (tag.isJsonPrimitive() && tag.getAsJsonPrimitive().isString()) {
                    logTags.add(tag.getAsString());
                }
            }
        }
        return new WorkerRequest.UpdateSettings(logLevel, logTags);
    }

    /**
     * The error 3.8 answers: a TypeError of the settings as it is, any other failure with the
     * method appended, and NotFoundError as a plain Error.
     */
    public static MediasoupError error(MediasoupError error, String method) {
        if (error instanceof MediasoupTypeError) {
            return error;
        }
        String reason = error.getMessage() + " [method:" + method + "]";
        return error instanceof MediasoupNotFoundError ? new MediasoupError(reason) : error.withSuffix(" [method:" + method + "]");
    }

    /**
     * The error 3.8 answers for a request below the worker: the method appended to any, a
     * TypeError's too, and NotFoundError as a plain Error.
     */
    public static MediasoupError entityError(MediasoupError error, String method) {
        String suffix = " [method:" + method + "]";
        return error instanceof MediasoupNotFoundError ? new MediasoupError(error.getMessage() + suffix) : error.withSuffix(suffix);
    }

    public static JsonElement encode(WorkerResponse response) {
        if (response instanceof WorkerResponse.WorkerDump dump) {
            JsonObject json = new JsonObject();
            json.addProperty("pid", dump.pid());
            json.add("routerIds", strings(dump.routerIds()));
            return json;
        }
        if (response instanceof WorkerResponse.ResourceUsage usage) {
            JsonObject json = new JsonObject();
            json.addProperty("ru_utime", usage.utimeMs());
            json.addProperty("ru_stime", usage.stimeMs());
            for (int i = 0; i < usage.counters().size(); i++) {
                json.addProperty(WorkerResponse.ResourceUsage.COUNTER_NAMES.get(i), usage.counters().get(i));
            }
            return json;
        }
        WorkerResponse.RouterDump dump = (WorkerResponse.RouterDump) response;
        JsonObject json = new JsonObject();
        json.addProperty("id", dump.id());
        json.add("transportIds", strings(dump.transportIds()));
        json.add("rtpObserverIds", strings(dump.rtpObserverIds()));
        json.add("mapProducerIdConsumerIds", listMap(dump.mapProducerIdConsumerIds()));
        json.add("mapConsumerIdProducerId", stringMap(dump.mapConsumerIdProducerId()));
        json.add("mapProducerIdObserverIds", listMap(dump.mapProducerIdObserverIds()));
        json.add("mapDataProducerIdDataConsumerIds", listMap(dump.mapDataProducerIdDataConsumerIds()));
        json.add("mapDataConsumerIdDataProducerId", stringMap(dump.mapDataConsumerIdDataProducerId()));
        return json;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    private static JsonObject listMap(Map<String, List<String>> map) {
        JsonObject json = new JsonObject();
        map.forEach((key, values) -> json.add(key, strings(values)));
        return json;
    }

    private static JsonObject stringMap(Map<String, String> map) {
        JsonObject json = new JsonObject();
        map.forEach(json::addProperty);
        return json;
    }
}
