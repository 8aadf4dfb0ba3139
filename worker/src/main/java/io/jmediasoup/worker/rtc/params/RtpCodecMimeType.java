package io.jmediasoup.worker.rtc.params;

import io.jmediasoup.channel.MediasoupTypeError;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A codec's "type/subtype", checked against the codecs mediasoup knows and canonically cased. */
public record RtpCodecMimeType(String type, String subtype) {
    /** Subtypes by lower-case name, with the case mediasoup writes them in (AV1: 3.32's). */
    private static final Map<String, String> SUBTYPES = Map.ofEntries(
            Map.entry("opus", "opus"), Map.entry("multiopus", "multiopus"), Map.entry("pcma", "PCMA"),
            Map.entry("pcmu", "PCMU"), Map.entry("isac", "ISAC"), Map.entry("g722", "G722"),
            Map.entry("ilbc", "iLBC"), Map.entry("silk", "SILK"), Map.entry("vp8", "VP8"), Map.entry("vp9", "VP9"),
            Map.entry("av1", "AV1"),
            Map.entry("h264", "H264"), Map.entry("x-h264uc", "X-H264UC"), Map.entry("h265", "H265"),
            Map.entry("cn", "CN"), Map.entry("telephone-event", "telephone-event"), Map.entry("rtx", "rtx"),
            Map.entry("ulpfec", "ulpfec"), Map.entry("flexfec", "flexfec"), Map.entry("x-ulpfecuc", "x-ulpfecuc"),
            Map.entry("red", "red"));
    /** Codecs that carry no media of their own: retransmission, FEC, redundancy. */
    private static final Set<String> FEATURE_SUBTYPES = Set.of("rtx", "ulpfec", "flexfec", "x-ulpfecuc", "red");
    /** Codecs that complement an audio codec: comfort noise, DTMF. */
    private static final Set<String> COMPLEMENTARY_SUBTYPES = Set.of("cn", "telephone-event");

    /** The subtypes each era's C++ worker does not know: AV1 came with 3.9, H265 and X-H264UC left before 3.32. */
    public enum Era {
        MEDIASOUP_3_8(Set.of("av1")),
        MEDIASOUP_3_32(Set.of("h265", "x-h264uc"));

        private final Set<String> unknownSubtypes;

        Era(Set<String> unknownSubtypes) {
            this.unknownSubtypes = unknownSubtypes;
        }
    }

    /** Parses {@code mimeType} as {@code era}'s C++ worker does, refusing the subtypes it does not know. */
    public static RtpCodecMimeType parse(String mimeType, Era era) {
        RtpCodecMimeType parsed = parse(mimeType);
        if (era.unknownSubtypes.contains(parsed.subtype)) {
            throw new MediasoupTypeError("unknown codec MIME subtype '" + parsed.subtype + "'");
        }
        return parsed;
    }

    /** Parses {@code mimeType} among the subtypes of either era. */
    public static RtpCodecMimeType parse(String mimeType) {
        int slash = mimeType.indexOf('/');
        if (slash <= 0 || slash == mimeType.length() - 1) {
            throw new MediasoupTypeError("wrong codec MIME");
        }
        String type = mimeType.substring(0, slash).toLowerCase(Locale.ROOT);
        String subtype = mimeType.substring(slash + 1).toLowerCase(Locale.ROOT);
        if (!type.equals("audio") && !type.equals("video")) {
            throw new MediasoupTypeError("unknown codec MIME type '" + type + "'");
        }
        if (!SUBTYPES.containsKey(subtype)) {
            throw new MediasoupTypeError("unknown codec MIME subtype '" + subtype + "'");
        }
        return new RtpCodecMimeType(type, subtype);
    }

    public boolean isRtx() {
        return subtype.equals("rtx");
    }

    public boolean isMediaCodec() {
        return !FEATURE_SUBTYPES.contains(subtype) && !COMPLEMENTARY_SUBTYPES.contains(subtype);
    }

    public boolean isFeatureCodec() {
        return FEATURE_SUBTYPES.contains(subtype);
    }

    @Override
    public String toString() {
        return type + "/" + SUBTYPES.get(subtype);
    }
}
