package io.jmediasoup.worker.rtc.params;

import io.jmediasoup.channel.MediasoupTypeError;

/**
 * The SCTP stream of a data producer or consumer: its id, and its reliability (ordered, or
 * partially reliable by lifetime or by retransmissions, RFC 3758). A null limit was not given;
 * 3.32 tells a given 0 from none, 3.8 does not (its codec passes 0 as none).
 */
public record SctpStreamParameters(int streamId, boolean ordered, Integer maxPacketLifeTime, Integer maxRetransmits) {
    private static final int MAX_STREAM_ID = 65534;

    /**
     * Validates the given fields as both eras' C++ workers do: ordered defaults to true, or to
     * false when a limit is given; a null {@code ordered} was not given.
     */
    public static SctpStreamParameters of(int streamId, Boolean ordered, Integer maxPacketLifeTime,
            Integer maxRetransmits) {
        if (streamId > MAX_STREAM_ID) {
            throw new MediasoupTypeError("streamId must not be greater than 65534");
        }
        boolean partiallyReliable = maxPacketLifeTime != null || maxRetransmits != null;
        if (maxPacketLifeTime != null && maxRetransmits != null) {
            throw new MediasoupTypeError("cannot provide both maxPacketLifeTime and maxRetransmits");
        }
        if (ordered != null && ordered && partiallyReliable) {
            throw new MediasoupTypeError("cannot be ordered with maxPacketLifeTime or maxRetransmits");
        }
        boolean effectiveOrdered = ordered != null ? ordered : !partiallyReliable;
        return new SctpStreamParameters(streamId, effectiveOrdered, maxPacketLifeTime, maxRetransmits);
    }
}
