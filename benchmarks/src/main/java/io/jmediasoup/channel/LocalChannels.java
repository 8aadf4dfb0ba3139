package io.jmediasoup.channel;

import com.google.flatbuffers.FlatBufferBuilder;
import com.google.gson.JsonObject;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;

/**
 * Each era's channel without its sockets, for benchmarks that drive a worker in process: a
 * frame's payload is decoded and dispatched to the worker's listener as the endpoint does it,
 * and the answer is written as the endpoint writes it, then dropped instead of sent. The last
 * answer is kept so that a fixture can check it was accepted. Lives in the channel package to
 * reach the endpoints' package-private parts.
 */
public final class LocalChannels {
    private LocalChannels() {}

    /** mediasoup 3.8's netstring JSON channel (ChannelEndpoint). */
    public static final class JsonChannel implements Responder {
        private final ByteBufAllocator allocator;
        private final ChannelEndpoint.Listener listener;
        private JsonObject answer;

        public JsonChannel(ByteBufAllocator allocator, ChannelEndpoint.Listener listener) {
            this.allocator = allocator;
            this.listener = listener;
        }

        /** One request frame's payload (a netstring's content), lent for the call. */
        public void request(ByteBuf payload) {
            Request request;
            try {
                request = Request.parse(this, Json.parseObject(payload), ChannelMethods.CHANNEL);
            } catch (MalformedMessageException dropped) {
                throw new IllegalStateException(dropped);
            }
            ChannelEndpoint.dispatch(request, listener::onRequest, listener);
        }

        @Override
        public void sendJson(JsonObject message) {
            answer = message;
            Netstring.encode(allocator, message.toString()).release();
        }

        /** Throws unless the last answer accepted its request. */
        public void checkAccepted(String what) {
            if (answer == null || !answer.has("accepted")) {
                throw new IllegalStateException(what + " failed: " + answer);
            }
        }
    }

    /** mediasoup 3.32's FlatBuffers channel (FbsChannelEndpoint). */
    public static final class FbsChannel implements FbsRequest.Responder {
        private final FbsChannelEndpoint.Listener listener;
        private final FlatBufferBuilder builder = new FlatBufferBuilder(1024);
        private String rejection;
        private boolean answered;

        public FbsChannel(FbsChannelEndpoint.Listener listener) {
            this.listener = listener;
        }

        /** One size-prefixed message's content (after the prefix), lent for the call. */
        public void request(ByteBuffer frame) {
            FbsFrames.Envelope envelope;
            try {
                envelope = FbsFrames.read(frame);
            } catch (MalformedMessageException dropped) {
                throw new IllegalStateException(dropped);
            }
            FbsRequest request = new FbsRequest(this, envelope.request());
            try {
                listener.onRequest(request);
            } catch (MediasoupError error) {
                if (!request.replied()) {
                    request.error(error);
                }
            } finally {
                request.endDispatch();
            }
        }

        @Override
        public void respond(long id, FbsRequest.FbsBody body) {
            builder.clear();
            finish(FbsResponses.accepted(builder, id, body));
            rejection = null;
        }

        @Override
        public void reject(long id, MediasoupError error) {
            builder.clear();
            finish(FbsResponses.rejected(builder, id, error));
            rejection = error.errorName() + ": " + error.getMessage();
        }

        private void finish(int response) {
            builder.finishSizePrefixed(FBS.Message.Message.createMessage(builder, FBS.Message.Body.Response, response));
            answered = true;
        }

        /** Throws unless the last answer accepted its request. */
        public void checkAccepted(String what) {
            if (!answered || rejection != null) {
                throw new IllegalStateException(what + " failed: " + (answered ? rejection : "no answer"));
            }
        }
    }
}
