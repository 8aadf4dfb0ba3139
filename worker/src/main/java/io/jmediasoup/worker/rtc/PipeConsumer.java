package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.worker.messages.ConsumerScore;
import io.jmediasoup.worker.messages.RtpStreamStats;
import io.jmediasoup.worker.messages.TransportMediaRequest;
import io.jmediasoup.worker.rtc.params.MediaKind;
import io.jmediasoup.worker.rtc.params.RtpParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Consumes every stream of a producer unchanged, for a PipeTransport to another router
 * (type "pipe"): one sending stream per encoding, SSRCs as the producer's consumable ones.
 */
final class PipeConsumer extends Consumer {
    /** A pipe is trusted: the C++ worker reports fixed scores for it. */
    private static final int PIPE_SCORE = 10;

    private final List<OutgoingStream> streams = new ArrayList<>();
    /** Per stream, the SSRC the router gives the packets it carries. */
    private final long[] mappedSsrcs;
    private final List<RtpStreamSend> rtpStreams;

    PipeConsumer(String id, Shared shared, Listener listener, TransportMediaRequest.Consume request) {
        super(id, shared, listener, request, RtpParameters.Type.PIPE);
        if (rtpParameters.encodings().size() != consumableRtpEncodings.size()) {
            throw new MediasoupTypeError("number of rtpParameters.encodings and consumableRtpEncodings do not match");
        }
        int count = rtpParameters.encodings().size();
        mappedSsrcs = new long[count];
        for (int idx = 0; idx < count; idx++) {
            streams.add(new OutgoingStream(RtpStreamParams.forSending(rtpParameters, idx, true), this, shared));
            mappedSsrcs[idx] = consumableRtpEncodings.get(idx).ssrc();
        }
        rtpStreams = streams.stream().map(stream -> stream.rtpStream).toList();
    }

    @Override
    protected void onActivated() {
        streams.forEach(OutgoingStream::requireSync);
    }

    /** Sends the packet on the stream of its encoding, with that stream's SSRC and sequence. */
    @Override
    void sendRtpPacket(RtpPacket packet) {
        if (!isActive() || !supportsPayloadType(packet.payloadType())) {
            return;
        }
        int idx = streamIndexOf(packet.ssrc());
        if (idx < 0) {
            return;
        }
        streams.get(idx).forward(packet, shared.nowMs(), this, listener);
    }

    private int streamIndexOf(long mappedSsrc) {
        for (int idx = 0; idx < mappedSsrcs.length; idx++) {
            if (mappedSsrcs[idx] == mappedSsrc) {
                return idx;
            }
        }
        return -1;
    }

    @Override
    List<RtpStreamSend> rtpStreams() {
        return rtpStreams;
    }

    /** A pipe relays key-frame requests for any of its streams. */
    @Override
    void requestKeyFrame() {
        if (isActive() && kind == MediaKind.VIDEO) {
            consumableRtpEncodings.forEach(encoding -> listener.onConsumerKeyFrameRequested(this, encoding.ssrc()));
        }
    }

    @Override
    protected List<RtpStreamStats> stats() {
        long nowMs = shared.nowMs();
        return rtpStreams.stream().map(rtpStream -> rtpStream.stats(nowMs)).toList();
    }

    @Override
    protected List<RtpStreamStats> pipedProducerStats() {
        long nowMs = shared.nowMs();
        return consumableRtpEncodings.stream()
                .map(encoding -> producerRtpStreamStats(encoding.ssrc(), nowMs))
                .filter(Objects::nonNull)
                .toList();
    }

    /** A pipe's scores are fixed: the C++ worker never tells of them in a "score" event. */
    @Override
    protected void emitScore() {}

    @Override
    ConsumerScore score() {
        return new ConsumerScore(PIPE_SCORE, PIPE_SCORE, producerScores());
    }
}
