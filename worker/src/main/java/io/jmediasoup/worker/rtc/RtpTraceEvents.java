package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.worker.messages.RtpPacketDump;
import io.jmediasoup.worker.messages.ConsumerEvent;
import io.jmediasoup.worker.messages.Event;
import io.jmediasoup.worker.messages.ProducerEvent;
import io.jmediasoup.worker.messages.RtpTrace;
import java.util.List;
import java.util.function.Function;

/**
 * The "trace" events of a producer or a consumer (enableTraceEvent types rtp, keyframe,
 * nack, pli, fir, and a producer's sr), with what the C++ worker tells: type, timestamp,
 * direction, info.
 * Media goes one way (in to a producer, out of a consumer), feedback about it the other way.
 */
final class RtpTraceEvents {
    private final String id;
    private final Shared shared;
    private final String mediaDirection;
    private final String feedbackDirection;
    private final Function<RtpTrace, Event> event;
    private final TraceEventTypes types;
    /** Kept apart from {@link #types} so that the forwarding path checks a field, not a set. */
    private boolean rtp;
    private boolean keyFrame;
    private boolean nack;
    private boolean pli;
    private boolean fir;
    private boolean senderReport;

    private RtpTraceEvents(String id, Shared shared, String mediaDirection, String feedbackDirection,
            Function<RtpTrace, Event> event, TraceEventTypes types) {
        this.id = id;
        this.types = types;
        this.shared = shared;
        this.mediaDirection = mediaDirection;
        this.feedbackDirection = feedbackDirection;
        this.event = event;
    }

    static RtpTraceEvents forProducer(String id, Shared shared) {
        return new RtpTraceEvents(id, shared, "in", "out", ProducerEvent.Trace::new,
                new TraceEventTypes("rtp", "keyframe", "nack", "pli", "fir", "sr"));
    }

    static RtpTraceEvents forConsumer(String id, Shared shared) {
        return new RtpTraceEvents(id, shared, "out", "in", ConsumerEvent.Trace::new,
                new TraceEventTypes("rtp", "keyframe", "nack", "pli", "fir"));
    }

    void enable(List<String> enabled) {
        types.enable(enabled);
        rtp = types.isEnabled("rtp");
        keyFrame = types.isEnabled("keyframe");
        nack = types.isEnabled("nack");
        pli = types.isEnabled("pli");
        fir = types.isEnabled("fir");
        senderReport = types.isEnabled("sr");
    }

    /** The enabled types, in mediasoup's order. */
    List<String> enabled() {
        return types.enabled();
    }

    /** A packet received or sent: "keyframe" when it starts one and that type is enabled, else "rtp". */
    void packet(RtpPacket packet, boolean isRtx, RtpExtensionIds ids) {
        String type;
        if (keyFrame && packet.isKeyFrame()) {
            type = "keyframe";
        } else if (rtp) {
            type = "rtp";
        } else {
            return;
        }
        emit(new RtpTrace(type, shared.nowMs(), mediaDirection, packetDump(packet, ids), isRtx, null));
    }

    void pli(long ssrc) {
        if (pli) {
            emit(new RtpTrace("pli", shared.nowMs(), feedbackDirection, null, false, ssrc));
        }
    }

    void fir(long ssrc) {
        if (fir) {
            emit(new RtpTrace("fir", shared.nowMs(), feedbackDirection, null, false, ssrc));
        }
    }

    /** A sender report received about one of a producer's streams (only producers know "sr"). */
    void senderReport(long ssrc, long ntpSeconds, long ntpFraction, long rtpTimestamp, long packetCount,
            long octetCount) {
        if (senderReport) {
            shared.emit(id, new ProducerEvent.SenderReportTrace(shared.nowMs(), ssrc, ntpSeconds, ntpFraction,
                    rtpTimestamp, packetCount, octetCount));
        }
    }

    void nack() {
        if (nack) {
            emit(new RtpTrace("nack", shared.nowMs(), feedbackDirection, null, false, null));
        }
    }

    private void emit(RtpTrace trace) {
        shared.emit(id, event.apply(trace));
    }

    /**
     * The C++ worker's dump of a packet, with the layers its producer stream read from the
     * payload descriptor. As in the C++ worker, "rid" and "rrid" both show the RID, else
     * the repaired RID, each when its own extension is negotiated.
     */
    static RtpPacketDump packetDump(RtpPacket packet, RtpExtensionIds ids) {
        String rid = ids.readRid(packet);
        Integer wideSequenceNumber = ids.transportWideCc01() != 0 && packet.extensionLength(ids.transportWideCc01()) == 2
                ? packet.buffer().getUnsignedShort(packet.extensionIndex(ids.transportWideCc01()))
                : null;
        return new RtpPacketDump(packet.payloadType(), packet.sequenceNumber(), packet.timestamp(), packet.marker(),
                packet.ssrc(), packet.isKeyFrame(), packet.size(), packet.payloadLength(), packet.spatialLayer(),
                packet.temporalLayer(), ids.readMid(packet), ids.rid() != 0 ? rid : null, ids.rrid() != 0 ? rid : null,
                wideSequenceNumber);
    }

    /** The comma-separated form dumps carry. */
    @Override
    public String toString() {
        return types.toString();
    }
}
