package io.jmediasoup.worker.messages;

/**
 * The C++ worker's dump of an RTP packet in trace events: header fields, sizes, the layers read
 * from the payload descriptor and the extensions the stream negotiated (null when absent).
 */
public record RtpPacketDump(int payloadType, int sequenceNumber, long timestamp, boolean marker, long ssrc,
        boolean isKeyFrame, int size, int payloadSize, int spatialLayer, int temporalLayer, String mid, String rid,
        String rrid, Integer wideSequenceNumber) {}
