package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupNotFoundError;

/**
 * A child entity's id missing from, or already taken in, its parent's map. The eras word it
 * differently: 3.8 answers a plain Error (its codec appends the method as to any failure);
 * 3.32 answers a missing id as NotFoundError and appends the method to these failures only.
 */
public final class EntityIdError extends MediasoupError {
    private static final long serialVersionUID = 1L;

    private final String reasonIn332;
    private final boolean missing;

    private EntityIdError(String reason, String reasonIn332, boolean missing) {
        super(reason);
        this.reasonIn332 = reasonIn332;
        this.missing = missing;
    }

    /** No {@code entity} has the id the request names, e.g. "Transport not found". */
    public static EntityIdError missing(String entity) {
        String reason = entity + " not found";
        return new EntityIdError(reason, reason, true);
    }

    /** The id is taken by another {@code entity}; 3.8 calls the id {@code idName}, 3.32 "id" for some. */
    public static EntityIdError taken(String entity, String idName, String idNameIn332) {
        String article = entity.startsWith("Rtp") ? "an " : "a ";
        return new EntityIdError(article + entity + " with same " + idName + " already exists",
                article + entity + " with same " + idNameIn332 + " already exists", false);
    }

    /** The id is taken by another {@code entity}, its id named alike in both eras. */
    public static EntityIdError taken(String entity, String idName) {
        return taken(entity, idName, idName);
    }

    /**
     * Another SCTP data consumer of the transport sends on {@code streamId}: 3.32 refuses it, a
     * stream's queue being its one data consumer's (3.8 lets them share a stream).
     */
    public static EntityIdError sctpStreamTaken(int streamId) {
        String reason = "an SCTP DataConsumer with same streamId " + streamId + " already exists";
        return new EntityIdError(reason, reason, false);
    }

    /** 3.32's answer: its text with the method appended, as NotFoundError when the id is missing. */
    public MediasoupError in332(String method) {
        String reason = reasonIn332 + " [method:" + method + "]";
        return missing ? new MediasoupNotFoundError(reason) : new MediasoupError(reason);
    }
}
