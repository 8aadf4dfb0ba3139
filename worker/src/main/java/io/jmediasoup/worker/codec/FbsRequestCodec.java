package io.jmediasoup.worker.codec;

import io.jmediasoup.channel.FbsRequest;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;

/** mediasoup 3.32's FlatBuffers for one family of requests (a router's, a transport's, ...). */
public interface FbsRequestCodec {
    /**
     * The typed request, or null when the method is not of this family. The body is read now,
     * during dispatch; validation follows 3.32's texts and error classes.
     */
    ChannelRequest decode(FbsRequest request);

    /** The response body of {@code response}, or null when it is not of this family. */
    FbsRequest.FbsBody encode(ChannelResponse response);
}
