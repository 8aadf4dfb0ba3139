package io.jmediasoup.channel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Requests made in process, as the Node library would send them, for benchmarks that set a
 * worker up without its channel. It lives in the channel package to reach the request's
 * constructor; the answer is kept, and an error answer is thrown.
 */
public final class LocalRequest {
    private JsonObject response;

    private LocalRequest() {}

    /** Creates the request; {@link #dataOf} reads its answer once the worker handled it. */
    public static Request create(LocalRequest holder, String method, String internal, String data) {
        return new Request(message -> holder.response = message, 1, method, JsonParser.parseString(internal)
                .getAsJsonObject(), JsonParser.parseString(data).getAsJsonObject());
    }

    public static LocalRequest holder() {
        return new LocalRequest();
    }

    /** The accepted answer's data (null when it had none); throws when the request failed. */
    public JsonElement dataOf(String method) {
        if (response == null || response.has("error")) {
            throw new IllegalStateException(method + " failed: " + response);
        }
        return response.get("data");
    }
}
