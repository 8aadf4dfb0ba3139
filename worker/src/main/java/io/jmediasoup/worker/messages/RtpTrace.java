package io.jmediasoup.worker.messages;

/**
 * A producer's or consumer's "trace" event: {@code type} rtp, keyframe, nack, pli or fir,
 * {@code direction} "in" or "out". Its info is the packet (rtp, keyframe), the SSRC
 * (pli, fir) or nothing (nack): the others null.
 */
public record RtpTrace(String type, long timestamp, String direction, RtpPacketDump packet, boolean isRtx,
        Long ssrc) {}
