package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.RtpPacket;
import java.util.function.LongConsumer;

/**
 * What a consumer under test tells its transport: each RTP packet it sends goes to one callback,
 * each key frame it asks its producer for (by mapped SSRC) to another; the rest is ignored.
 */
final class RecordingListener implements Consumer.Listener {
    private final java.util.function.Consumer<RtpPacket> onSend;
    private final LongConsumer onKeyFrameRequest;

    RecordingListener(java.util.function.Consumer<RtpPacket> onSend) {
        this(onSend, mappedSsrc -> { });
    }

    RecordingListener(java.util.function.Consumer<RtpPacket> onSend, LongConsumer onKeyFrameRequest) {
        this.onSend = onSend;
        this.onKeyFrameRequest = onKeyFrameRequest;
    }

    @Override
    public void onConsumerProducerClosed(Consumer consumer) {}

    @Override
    public void onConsumerSendRtpPacket(Consumer consumer, RtpPacket packet) {
        onSend.accept(packet);
    }

    @Override
    public void onConsumerKeyFrameRequested(Consumer consumer, long mappedSsrc) {
        onKeyFrameRequest.accept(mappedSsrc);
    }
}
