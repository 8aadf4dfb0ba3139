package io.jmediasoup.worker.codec;

import com.google.gson.JsonElement;
import io.jmediasoup.channel.Request;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.netty.buffer.ByteBuf;

/** mediasoup 3.8's JSON for one family of requests (a router's, a transport's, ...). */
public interface JsonRequestCodec {
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
}
