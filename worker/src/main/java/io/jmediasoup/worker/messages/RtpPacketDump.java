package io.jmediasoup.worker.messages;

/**
 * What a trace event tells of an RTP packet; {@code mid}, {@code rid}, {@code rrid} and
 * {@code wideSequenceNumber} are null when the packet does not carry them.
 */
public record RtpPacketDump(int payloadType, int sequenceNumber, long timestamp, boolean marker, long ssrc,
        boolean isKeyFrame, int size, int payloadSize, int spatialLayer, int temporalLayer, String mid, String rid,
        String rrid, Integer wideSequenceNumber) {}
