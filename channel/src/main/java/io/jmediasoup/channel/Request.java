package io.jmediasoup.channel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * A request from the Node library: {@code {"id", "method", "internal", "data"}}. It is
 * answered exactly once, with {@link #accept} or an error.
 */
public class Request {
    /** Ids are 32-bit unsigned in the C++ worker. */
    private static final long MAX_ID = 0xFFFFFFFFL;

    private final Responder responder;
    private final long id;
    private final String method;
    private final JsonObject internal;
    private final JsonObject data;
    private boolean replied;

    Request(Responder responder, long id, String method, JsonObject internal, JsonObject data) {
        this.responder = responder;
        this.id = id;
        this.method = method;
        this.internal = internal;
        this.data = data;
    }

    /**
     * Reads the envelope of a request. Throws {@link MalformedMessageException} when it has no
     * usable id (then nobody can be answered) and answers "unknown method" itself when the
     * method is not one of {@code knownMethods}.
     */
    static Request parse(Responder responder, JsonObject json, java.util.Set<String> knownMethods) {
        JsonElement idElement = json.get("id");
        if (!JsonValues.isPositiveInteger(idElement) || idElement.getAsLong() > MAX_ID) {
            throw new MalformedMessageException("missing id");
        }
        long id = idElement.getAsLong();
        JsonElement method = json.get("method");
        if (!JsonValues.isString(method)) {
            throw new MalformedMessageException("missing method");
        }
        Request request = new Request(responder, id, method.getAsString(), objectOrEmpty(json, "internal"),
                objectOrEmpty(json, "data"));
        if (!knownMethods.contains(request.method)) {
            request.error(new MediasoupError("unknown method"));
            throw new MalformedMessageException("unknown method '" + request.method + "'");
        }
        return request;
    }

    static JsonObject objectOrEmpty(JsonObject json, String member) {
        JsonElement element = json.get(member);
        return element != null && element.isJsonObject() ? element.getAsJsonObject() : new JsonObject();
    }

    public long id() {
        return id;
    }

    public String method() {
        return method;
    }

    /** The target ids (routerId, transportId, ...). */
    public JsonObject internal() {
        return internal;
    }

    /** The arguments. */
    public JsonObject data() {
        return data;
    }

    public boolean replied() {
        return replied;
    }

    public void accept() {
        accept(null);
    }

    public void accept(JsonElement responseData) {
        JsonObject response = envelope();
        response.addProperty("accepted", true);
        if (responseData != null) {
            response.add("data", responseData);
        }
        responder.sendJson(response);
    }

    public void error(MediasoupError error) {
        JsonObject response = envelope();
        response.addProperty("error", error.errorName());
        response.addProperty("reason", error.getMessage());
        responder.sendJson(response);
    }

    private JsonObject envelope() {
        if (replied) {
            throw new IllegalStateException("request already replied [method:" + method + "]");
        }
        replied = true;
        JsonObject response = new JsonObject();
        response.add("id", new JsonPrimitive(id));
        return response;
    }
}
