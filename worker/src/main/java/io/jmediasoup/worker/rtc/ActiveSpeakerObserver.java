package io.jmediasoup.worker.rtc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.rtp.RtpPacket;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Names the dominant speaker among the observed audio producers ("dominantspeaker"). The
 * control plane is here; the dominant speaker identification itself needs the audio levels
 * of real RTP and arrives with the media plane (issue 4), until then nothing is emitted.
 */
public final class ActiveSpeakerObserver extends RtpObserver {
    private final Set<String> producerIds = new LinkedHashSet<>();

    public ActiveSpeakerObserver(String id, Shared shared, JsonObject data) {
        super(id, shared);
        JsonElement interval = data.get("interval");
        if (!JsonValues.isNumber(interval)) {
            throw new MediasoupTypeError("missing interval");
        }
    }

    @Override
    public void addProducer(String producerId, boolean audio) {
        if (!audio) {
            throw new MediasoupTypeError("not an audio Producer");
        }
        producerIds.add(producerId);
    }

    @Override
    public void removeProducer(String producerId) {
        producerIds.remove(producerId);
    }

    /** Audio levels feed the dominant speaker identification, which is still to come (issue 4). */
    @Override
    void receiveRtpPacket(Producer producer, RtpPacket packet) {}

    @Override
    public void producerPaused(String producerId) {}

    @Override
    public void producerResumed(String producerId) {}

    @Override
    protected void onPaused() {}

    @Override
    protected void onResumed() {}

    @Override
    public void close() {
        producerIds.clear();
    }
}
