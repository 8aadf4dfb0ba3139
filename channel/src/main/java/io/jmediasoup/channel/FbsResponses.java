package io.jmediasoup.channel;

import com.google.flatbuffers.FlatBufferBuilder;

/**
 * Writes the {@code FBS.Response.Response} table that answers a request of mediasoup 3.32's
 * channel; the caller wraps it in an {@code FBS.Message.Message} and finishes the builder.
 */
final class FbsResponses {
    private FbsResponses() {}

    /** Accepted, with {@code body} or with none when it is null; returns the table's offset. */
    static int accepted(FlatBufferBuilder builder, long id, FbsRequest.FbsBody body) {
        int bodyOffset = body == null ? 0 : body.writer().applyAsInt(builder);
        FBS.Response.Response.startResponse(builder);
        FBS.Response.Response.addId(builder, id);
        FBS.Response.Response.addAccepted(builder, true);
        if (body != null) {
            FBS.Response.Response.addBodyType(builder, body.type());
            FBS.Response.Response.addBody(builder, bodyOffset);
        }
        return FBS.Response.Response.endResponse(builder);
    }

    /** Rejected with the error's name and reason; returns the table's offset. */
    static int rejected(FlatBufferBuilder builder, long id, MediasoupError error) {
        int errorOffset = builder.createString(error.errorName());
        int reasonOffset = builder.createString(error.getMessage());
        FBS.Response.Response.startResponse(builder);
        FBS.Response.Response.addId(builder, id);
        FBS.Response.Response.addError(builder, errorOffset);
        FBS.Response.Response.addReason(builder, reasonOffset);
        return FBS.Response.Response.endResponse(builder);
    }
}
