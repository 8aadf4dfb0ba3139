package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.SeqManager;
import io.jmediasoup.rtp.codecs.KeyFrameDetector;

/**
 * A consumer's sending stream and the rewriting that makes the packets it forwards one
 * continuous RTP stream: its SSRC, and sequence numbers from the era's start that go on from
 * the last one sent after every pause, resume or reconnection. Video with key frames restarts
 * only on one.
 */
final class OutgoingStream {
    final RtpStreamSend rtpStream;
    private final SeqManager seqManager;
    private final boolean keyFrameSupported;
    private boolean syncRequired = true;

    OutgoingStream(RtpStreamParams params, RtpStreamSend.Listener listener, Shared shared) {
        this.rtpStream = new RtpStreamSend(params, listener, shared.streamReports());
        this.seqManager = shared.consumerSequenceNumbers();
        this.keyFrameSupported = KeyFrameDetector.forMimeType(params.mimeType()).supportsKeyFrames();
    }

    /** The next packet sent continues the sequence, whatever its own number; video waits for a key frame. */
    void requireSync() {
        syncRequired = true;
    }

    /** A packet of the producer's stream is left out: the sequence numbers close up behind it. */
    void drop(RtpPacket packet) {
        if (!syncRequired) {
            seqManager.drop(packet.sequenceNumber());
        }
    }

    /**
     * Rewrites the packet, has {@code consumer}'s transport send it unless the stream discards it,
     * and restores it for the next consumer.
     */
    void forward(RtpPacket packet, long nowMs, Consumer consumer, Consumer.Listener transport) {
        if (syncRequired && keyFrameSupported && !packet.isKeyFrame()) {
            return;
        }
        int originalSeq = packet.sequenceNumber();
        long originalSsrc = packet.ssrc();
        if (syncRequired) {
            seqManager.sync((originalSeq - 1) & 0xFFFF);
            syncRequired = false;
        }
        packet.setSsrc(rtpStream.params.ssrc());
        packet.setSequenceNumber(seqManager.input(originalSeq));
        if (rtpStream.packetSent(packet, nowMs)) {
            transport.onConsumerSendRtpPacket(consumer, packet);
            consumer.rtpPacketSent(packet);
        }
        packet.setSsrc(originalSsrc);
        packet.setSequenceNumber(originalSeq);
    }
}
