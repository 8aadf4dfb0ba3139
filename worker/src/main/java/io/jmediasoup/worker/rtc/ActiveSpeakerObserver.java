package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.rtp.audio.DominantSpeakerIdentification;
import io.jmediasoup.worker.messages.RtpObserverEvent;

/**
 * Names the dominant speaker among the observed audio producers ("dominantspeaker"): every
 * interval it runs the {@link DominantSpeakerIdentification} over the levels
 * (ssrc-audio-level) of the producers' RTP, and tells when the elected speaker changes.
 */
public final class ActiveSpeakerObserver extends RtpObserver {
    private final DominantSpeakerIdentification identification = new DominantSpeakerIdentification();

    public ActiveSpeakerObserver(String id, Shared shared, Listener listener, int interval) {
        super(id, shared, listener);
        startReporting(Math.max(100, Math.min(5000, interval)));
    }

    @Override
    public void addProducer(String producerId, boolean audio) {
        if (!audio) {
            throw new MediasoupTypeError("not an audio Producer");
        }
        if (!identification.addSpeaker(producerId, shared.nowMs())) {
            throw new MediasoupError("Producer already in map");
        }
    }

    /** Removing the dominant speaker elects another at once. */
    @Override
    public void removeProducer(String producerId) {
        if (identification.removeSpeaker(producerId)) {
            onInterval();
        }
    }

    @Override
    public void producerPaused(String producerId) {
        identification.setPaused(producerId, true);
    }

    @Override
    public void producerResumed(String producerId) {
        identification.setPaused(producerId, false);
    }

    /** Takes the packet's ssrc-audio-level (RFC 6464), 0 (loudest) to 127 (silent) -dBov, as a volume. */
    @Override
    void receiveRtpPacket(Producer producer, RtpPacket packet) {
        int audioLevelId = shared.routerExtensions().ssrcAudioLevel();
        if (isPaused() || !packet.hasExtension(audioLevelId)) {
            return;
        }
        int level = packet.buffer().getByte(packet.extensionIndex(audioLevelId)) & 0x7F;
        identification.levelChanged(producer.id, 127 - level, shared.nowMs());
    }

    @Override
    protected void onInterval() {
        String dominantId = identification.update(shared.nowMs());
        if (dominantId != null) {
            shared.emit(id, new RtpObserverEvent.DominantSpeaker(dominantId));
        }
    }
}
