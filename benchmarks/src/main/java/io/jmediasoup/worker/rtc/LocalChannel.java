package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.Request;
import io.jmediasoup.worker.codec.Codecs;
import io.jmediasoup.worker.codec.JsonRequestCodec;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;

/** 3.8 requests of in-process drivers, answered as the worker answers them. */
final class LocalChannel {
    private LocalChannel() {}

    static void request(Shared shared, Request request) {
        for (JsonRequestCodec codec : Codecs.JSON_REQUESTS) {
            ChannelRequest typed = codec.decode(request);
            if (typed != null) {
                ChannelResponse response = shared.handlers().requestHandler(typed.handlerId()).handle(typed);
                request.accept(response == null ? null : codec.encode(response));
                return;
            }
        }
        throw new MediasoupError("unknown method '" + request.method() + "'");
    }
}
