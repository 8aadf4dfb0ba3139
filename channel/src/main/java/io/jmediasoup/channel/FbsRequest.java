package io.jmediasoup.channel;

import com.google.flatbuffers.FlatBufferBuilder;
import com.google.flatbuffers.Table;
import java.util.function.ToIntFunction;

/**
 * A request of mediasoup 3.32's channel: {@code FBS.Request.Request} {id, method, handler_id,
 * body}. Its body is read in place from the frame, so {@link #body} works only while the
 * request is being dispatched; the answer may come later, exactly once.
 */
public final class FbsRequest {
    /** Writes an answer into the channel's builder. */
    interface Responder {
        void respond(long id, FbsBody body);

        void reject(long id, MediasoupError error);
    }

    /** A response body: its {@code FBS.Response.Body} type and the writer of its table. */
    public record FbsBody(byte type, ToIntFunction<FlatBufferBuilder> writer) {}

    private final Responder responder;
    private final long id;
    private final int method;
    private final String handlerId;
    private final byte bodyType;
    private FBS.Request.Request frame;
    private boolean replied;

    FbsRequest(Responder responder, FBS.Request.Request frame) {
        this.responder = responder;
        this.frame = frame;
        this.id = frame.id();
        this.method = frame.method();
        String handler = frame.handlerId();
        this.handlerId = handler == null ? "" : handler;
        this.bodyType = frame.bodyType();
    }

    public long id() {
        return id;
    }

    /** An {@code FBS.Request.Method}. */
    public int method() {
        return method;
    }

    /** The method's enum name, e.g. WORKER_CREATE_ROUTER. */
    public String methodName() {
        return FBS.Request.Method.name(method);
    }

    /** The method as mediasoup 3.32's worker names it in error texts, e.g. worker.createRouter. */
    public String methodLabel() {
        return FbsMethodNames.of(method);
    }

    public String handlerId() {
        return handlerId;
    }

    /** An {@code FBS.Request.Body}. */
    public byte bodyType() {
        return bodyType;
    }

    /**
     * Reads the body into {@code table} when it has the expected type, else throws
     * {@link MediasoupTypeError}. Only during dispatch: the frame is not kept.
     */
    public <T extends Table> T body(byte expectedType, T table) {
        if (frame == null) {
            throw new IllegalStateException("the body of request " + id + " was read after its dispatch");
        }
        if (bodyType != expectedType || frame.body(table) == null) {
            throw new MediasoupTypeError("missing or wrong body [expected:" + FBS.Request.Body.name(expectedType)
                    + ", got:" + FBS.Request.Body.name(bodyType) + "]");
        }
        return table;
    }

    void endDispatch() {
        frame = null;
    }

    public boolean replied() {
        return replied;
    }

    public void accept() {
        accept(null);
    }

    /** Accepts with {@code body}, or with none when it is null. */
    public void accept(FbsBody body) {
        markReplied();
        responder.respond(id, body);
    }

    public void error(MediasoupError error) {
        markReplied();
        responder.reject(id, error);
    }

    private void markReplied() {
        if (replied) {
            throw new IllegalStateException("request already replied [method:" + methodName() + "]");
        }
        replied = true;
    }
}
