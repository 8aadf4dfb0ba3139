package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.worker.messages.RtpObserverEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every interval, reports the loudest observed producers whose average audio level
 * (ssrc-audio-level, in -dBov) reached the threshold ("volumes"), or "silence" once when
 * none did.
 */
public final class AudioLevelObserver extends RtpObserver {
    /** Fewer packets than this in an interval give no reliable average. */
    private static final int MIN_PACKETS_PER_INTERVAL = 10;

    private final int maxEntries;
    private final int threshold;
    private final Map<String, LevelSum> levels = new LinkedHashMap<>();
    private boolean silence = true;

    /** Sum of the levels (0..127, positive dBov) received in the current interval. */
    private static final class LevelSum {
        long total;
        int count;
    }

    public AudioLevelObserver(String id, Shared shared, Listener listener, int maxEntries, int threshold,
            int interval) {
        super(id, shared, listener);
        this.maxEntries = maxEntries;
        if (maxEntries < 1) {
            throw new MediasoupTypeError("invalid maxEntries value " + maxEntries);
        }
        this.threshold = threshold;
        if (threshold < -127 || threshold > 0) {
            throw new MediasoupTypeError("invalid threshold value " + threshold);
        }
        startReporting(Math.max(250, Math.min(5000, interval)));
    }

    @Override
    public void addProducer(String producerId, boolean audio) {
        if (!audio) {
            throw new MediasoupTypeError("not an audio Producer");
        }
        levels.putIfAbsent(producerId, new LevelSum());
    }

    @Override
    public void removeProducer(String producerId) {
        levels.remove(producerId);
    }

    @Override
    public void producerPaused(String producerId) {
        levels.remove(producerId);
    }

    @Override
    public void producerResumed(String producerId) {
        levels.putIfAbsent(producerId, new LevelSum());
    }

    /** Takes the packet's ssrc-audio-level (RFC 6464): its level, 0 (loudest) to 127 (silent) -dBov. */
    @Override
    void receiveRtpPacket(Producer producer, RtpPacket packet) {
        int audioLevelId = shared.routerExtensions().ssrcAudioLevel();
        if (!packet.hasExtension(audioLevelId)) {
            return;
        }
        int level = packet.buffer().getByte(packet.extensionIndex(audioLevelId)) & 0x7F;
        LevelSum sum = levels.get(producer.id);
        if (isPaused() || sum == null) {
            return;
        }
        sum.total += level;
        sum.count++;
    }

    @Override
    protected void onPaused() {
        resetLevels();
        if (!silence) {
            silence = true;
            shared.emit(id, new RtpObserverEvent.Silence());
        }
    }

    @Override
    protected void onInterval() {
        // Loudest last; a later producer with the same average replaces an earlier one, as in the C++ worker.
        TreeMap<Integer, String> producerByVolume = new TreeMap<>();
        for (Map.Entry<String, LevelSum> entry : levels.entrySet()) {
            LevelSum sum = entry.getValue();
            if (sum.count < MIN_PACKETS_PER_INTERVAL) {
                continue;
            }
            // Integer division, as the C++ worker averages.
            int volume = (int) -(sum.total / sum.count);
            if (volume >= threshold) {
                producerByVolume.put(volume, entry.getKey());
            }
        }
        resetLevels();
        if (!producerByVolume.isEmpty()) {
            silence = false;
            List<RtpObserverEvent.Volume> volumes = new ArrayList<>();
            for (Map.Entry<Integer, String> entry : producerByVolume.descendingMap().entrySet()) {
                if (volumes.size() == maxEntries) {
                    break;
                }
                volumes.add(new RtpObserverEvent.Volume(entry.getValue(), entry.getKey()));
            }
            shared.emit(id, new RtpObserverEvent.Volumes(volumes));
        } else if (!silence) {
            silence = true;
            shared.emit(id, new RtpObserverEvent.Silence());
        }
    }

    private void resetLevels() {
        for (LevelSum sum : levels.values()) {
            sum.total = 0;
            sum.count = 0;
        }
    }
}
