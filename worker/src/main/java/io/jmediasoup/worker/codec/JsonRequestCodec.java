package io.jmediasoup.worker.codec;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.Request;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.netty.buffer.ByteBuf;
import java.util.List;

/** mediasoup 3.8's JSON for one family of requests (a router's, a transport's, ...). */
public interface JsonRequestCodec {
    /** An entity a request passes through on its way: the internal id naming it, and its name in the "not found" text. */
    record Ancestor(String idName, String entity) {
        /** Its id in a request's internal object; "missing internal.NAME" when absent. */
        public String id(JsonObject internal) {
            return JsonMembers.id(internal, idName);
        }
    }

    /** The router, for what a router owns. */
    List<Ancestor> ROUTER = List.of(new Ancestor("routerId", "Router"));

    /** The router and the transport, for what a transport owns. */
    List<Ancestor> TRANSPORT = List.of(new Ancestor("routerId", "Router"), new Ancestor("transportId", "Transport"));

    /**
     * The entities 3.8's C++ worker walks through, outermost first, before the one a request
     * of this family addresses; each must exist. Empty for a request of another family.
     */
    default List<Ancestor> ancestors(Request request) {
        return List.of();
    }

    /**
     * The typed request, or null when the method is not of this family. Validates the data
     * with 3.8's texts and throws its errors.
     */
    ChannelRequest decode(Request request);

    /**
     * A payload-channel request of this family (dataConsumer.send), or null; {@code payload}
     * is lent for the call.
     */
    default ChannelRequest decode(Request request, ByteBuf payload) {
        return null;
    }

    /** The JSON body of {@code response}, or null when it is not of this family. */
    JsonElement encode(ChannelResponse response);

    /** 3.8's text when the entity {@code request} addresses does not exist, e.g. "Transport not found". */
    String notFound(ChannelRequest request);

    /** 3.8's error for one the entity threw answering {@code request}, where its class differs from 3.32's. */
    default MediasoupError error(ChannelRequest request, MediasoupError error) {
        return error;
    }
}
