package io.jmediasoup.channel;

import com.google.gson.JsonObject;

/** Where the answer to a request goes: the channel or the payload channel. */
interface Responder {
    void sendJson(JsonObject message);
}
