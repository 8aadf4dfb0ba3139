package io.jmediasoup.channel;

import java.util.Map;

/**
 * The names mediasoup 3.32's worker gives its request methods in error texts ("[method:
 * worker.closeRouter]"), derived from the FBS.Request.Method enum names: the entity, a dot,
 * then the rest in camel case.
 */
final class FbsMethodNames {
    /** Entities and compound words, which the enum spells without separators. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("WEBRTCSERVER", "WebRtcServer"), Map.entry("WEBRTCTRANSPORT", "WebRtcTransport"),
            Map.entry("PLAINTRANSPORT", "PlainTransport"), Map.entry("PIPETRANSPORT", "PipeTransport"),
            Map.entry("DIRECTTRANSPORT", "DirectTransport"), Map.entry("DATAPRODUCER", "DataProducer"),
            Map.entry("DATACONSUMER", "DataConsumer"), Map.entry("RTPOBSERVER", "RtpObserver"),
            Map.entry("ACTIVESPEAKEROBSERVER", "ActiveSpeakerObserver"),
            Map.entry("AUDIOLEVELOBSERVER", "AudioLevelObserver"));

    private FbsMethodNames() {}

    static String of(int method) {
        if (method == FBS.Request.Method.WORKER_WEBRTCSERVER_CLOSE) {
            return "worker.closeWebRtcServer";
        }
        String[] words = FBS.Request.Method.name(method).split("_");
        String entity = word(words[0]);
        StringBuilder name = new StringBuilder(Character.toLowerCase(entity.charAt(0)) + entity.substring(1)).append('.');
        for (int i = 1; i < words.length; i++) {
            String word = word(words[i]);
            name.append(i == 1 ? Character.toLowerCase(word.charAt(0)) + word.substring(1) : word);
        }
        return name.toString();
    }

    private static String word(String upper) {
        String compound = WORDS.get(upper);
        return compound != null ? compound : upper.charAt(0) + upper.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
