package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.worker.messages.ConsumerScore;
import io.jmediasoup.worker.messages.RtpStreamStats;
import io.jmediasoup.worker.messages.TransportMediaRequest;
import io.jmediasoup.worker.rtc.params.MediaKind;
import io.jmediasoup.worker.rtc.params.RtpParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * A consumer that sends one RTP stream whatever the producer has (simple, simulcast, SVC),
 * unlike a pipe consumer that mirrors every stream.
 */
abstract class SingleStreamConsumer extends Consumer {
    private OutgoingStream stream;
    private List<RtpStreamSend> rtpStreams;

    protected SingleStreamConsumer(String id, Shared shared, Listener listener, TransportMediaRequest.Consume request,
            RtpParameters.Type type) {
        super(id, shared, listener, request, type);
    }

    /** Creates the sending stream once the kind has validated its parameters. */
    protected final void createRtpStream(boolean layered) {
        stream = new OutgoingStream(RtpStreamParams.forSending(rtpParameters, 0, layered), this, shared);
        rtpStreams = List.of(stream.rtpStream);
    }

    protected final OutgoingStream stream() {
        return stream;
    }

    protected final RtpStreamSend rtpStream() {
        return stream.rtpStream;
    }

    /** Asks the producer for a key frame of the one stream it forwards, when active and video; simulcast chooses among its streams. */
    @Override
    void requestKeyFrame() {
        if (isActive() && kind == MediaKind.VIDEO) {
            listener.onConsumerKeyFrameRequested(this, consumableRtpEncodings.get(0).ssrc());
        }
    }

    /**
     * A packet already rewritten for this consumer: counted on its stream, sent by the transport,
     * traced; unless its stream discards it.
     */
    protected final void sendRewritten(RtpPacket packet) {
        if (rtpStream().packetSent(packet, shared.nowMs())) {
            listener.onConsumerSendRtpPacket(this, packet);
            rtpPacketSent(packet);
        }
    }

    @Override
    List<RtpStreamSend> rtpStreams() {
        return rtpStreams;
    }

    /** Its stream's "outbound-rtp" entry, then the "inbound-rtp" one of the producer stream it forwards. */
    @Override
    protected List<RtpStreamStats> stats() {
        long nowMs = shared.nowMs();
        List<RtpStreamStats> stats = new ArrayList<>();
        stats.add(rtpStream().stats(nowMs));
        RtpStreamStats producerStream = forwardedRtpStreamStats(nowMs);
        if (producerStream != null) {
            stats.add(producerStream);
        }
        return stats;
    }

    /** The stats of the producer stream it forwards: its only one, for simple and SVC consumers. */
    protected RtpStreamStats forwardedRtpStreamStats(long nowMs) {
        return producerRtpStreamStats(consumableRtpEncodings.get(0).ssrc(), nowMs);
    }

    @Override
    ConsumerScore score() {
        // The producer's stream it forwards: its first encoding's.
        return new ConsumerScore(rtpStream().score(), producerScore(0), producerScores());
    }
}
