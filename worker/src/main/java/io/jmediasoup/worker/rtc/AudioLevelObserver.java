package io.jmediasoup.worker.rtc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jmediasoup.channel.JsonValues;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.rtp.RtpPacket;
import java.util.LinkedHashMap;
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

    public AudioLevelObserver(String id, Shared shared, JsonObject data) {
        super(id, shared);
        JsonElement maxEntries = data.get("maxEntries");
        if (!JsonValues.isPositiveInteger(maxEntries)) {
            throw new MediasoupTypeError("missing maxEntries");
        }
        this.maxEntries = maxEntries.getAsInt() & 0xFFFF;
        if (this.maxEntries < 1) {
            throw new MediasoupTypeError("invalid maxEntries value " + this.maxEntries);
        }
        JsonElement threshold = data.get("threshold");
        if (!JsonValues.isNumber(threshold)) {
            throw new MediasoupTypeError("missing threshold");
        }
        this.threshold = (byte) threshold.getAsInt();
        if (this.threshold < -127 || this.threshold > 0) {
            throw new MediasoupTypeError("invalid threshold value " + this.threshold);
        }
        JsonElement interval = data.get("interval");
        if (!JsonValues.isNumber(interval)) {
            throw new MediasoupTypeError("missing interval");
        }
        startReporting(Math.max(250, Math.min(5000, interval.getAsInt() & 0xFFFF)));
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
        if (!packet.hasExtension(HeaderExtensionMap.SSRC_AUDIO_LEVEL)) {
            return;
        }
        int level = packet.buffer().getByte(packet.extensionIndex(HeaderExtensionMap.SSRC_AUDIO_LEVEL)) & 0x7F;
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
            shared.notify(id, "silence", null);
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
            JsonArray volumes = new JsonArray();
            for (Map.Entry<Integer, String> entry : producerByVolume.descendingMap().entrySet()) {
                if (volumes.size() == maxEntries) {
                    break;
                }
                JsonObject volume = new JsonObject();
                volume.addProperty("producerId", entry.getValue());
                volume.addProperty("volume", entry.getKey());
                volumes.add(volume);
            }
            shared.notify(id, "volumes", volumes);
        } else if (!silence) {
            silence = true;
            shared.notify(id, "silence", null);
        }
    }

    private void resetLevels() {
        for (LevelSum sum : levels.values()) {
            sum.total = 0;
            sum.count = 0;
        }
    }
}
