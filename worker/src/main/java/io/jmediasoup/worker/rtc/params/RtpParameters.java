package io.jmediasoup.worker.rtc.params;

import io.jmediasoup.channel.MediasoupTypeError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The RTP parameters of a producer or consumer, validated as the C++ worker does: unique
 * payload types, RTX pointing at a media codec, every encoding on a media codec. {@code mid}
 * and {@code msid} are empty when not given; only 3.32 knows an msid.
 */
public record RtpParameters(String mid, List<RtpCodecParameters> codecs, List<RtpEncodingParameters> encodings,
        List<RtpHeaderExtensionParameters> headerExtensions, RtcpParameters rtcp, String msid) {
    /** How many streams and layers the parameters describe. */
    public enum Type {
        SIMPLE, SIMULCAST, SVC, PIPE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Parameters read by a codec of either era ({@code mid} empty when none), validated as the
     * C++ worker validates them: a codec without media, a wrong payload type or RTX pairing
     * is refused with its TypeError.
     */
    public static RtpParameters of(String mid, List<RtpCodecParameters> codecs, List<RtpEncodingParameters> encodings,
            List<RtpHeaderExtensionParameters> headerExtensions, RtcpParameters rtcp, String msid) {
        if (codecs.isEmpty()) {
            throw new MediasoupTypeError("empty codecs");
        }
        if (encodings.isEmpty()) {
            throw new MediasoupTypeError("empty encodings");
        }
        validateCodecs(codecs);
        return new RtpParameters(mid, List.copyOf(codecs), validateEncodings(codecs, encodings),
                List.copyOf(headerExtensions), rtcp, msid);
    }

    private static void validateCodecs(List<RtpCodecParameters> codecs) {
        Set<Integer> payloadTypes = new HashSet<>();
        for (RtpCodecParameters codec : codecs) {
            if (!payloadTypes.add(codec.payloadType())) {
                throw new MediasoupTypeError("duplicated payloadType");
            }
            if (!codec.mimeType().isRtx()) {
                continue;
            }
            long apt = codec.parameters().integer("apt");
            RtpCodecParameters associated = codecs.stream().filter(other -> other.payloadType() == apt).findFirst()
                    .orElseThrow(() -> new MediasoupTypeError("apt in RTX codec points to a non existing codec"));
            String subtype = associated.mimeType().subtype();
            if (subtype.equals("rtx")) {
                throw new MediasoupTypeError("apt in RTX codec points to a RTX codec");
            }
            if (subtype.equals("ulpfec")) {
                throw new MediasoupTypeError("apt in RTX codec points to a ULPFEC codec");
            }
            if (subtype.equals("flexfec")) {
                throw new MediasoupTypeError("apt in RTX codec points to a FLEXFEC codec");
            }
        }
    }

    private static List<RtpEncodingParameters> validateEncodings(List<RtpCodecParameters> codecs,
            List<RtpEncodingParameters> encodings) {
        RtpCodecParameters firstMedia = codecs.stream().filter(codec -> codec.mimeType().isMediaCodec()).findFirst()
                .orElseThrow(() -> new MediasoupTypeError("no media codecs found"));
        List<RtpEncodingParameters> validated = new ArrayList<>();
        for (RtpEncodingParameters encoding : encodings) {
            if (encoding.spatialLayers() > 1 && encodings.size() > 1) {
                throw new MediasoupTypeError("cannot use both simulcast and encodings with multiple SVC spatial layers");
            }
            if (encoding.codecPayloadType() < 0) {
                validated.add(encoding.withCodecPayloadType(firstMedia.payloadType()));
                continue;
            }
            RtpCodecParameters codec = codecs.stream().filter(c -> c.payloadType() == encoding.codecPayloadType())
                    .findFirst().orElseThrow(() -> new MediasoupTypeError("unknown codecPayloadType"));
            if (!codec.mimeType().isMediaCodec()) {
                throw new MediasoupTypeError("invalid codecPayloadType");
            }
            validated.add(encoding);
        }
        return List.copyOf(validated);
    }

    /** Whether a header extension of {@code uri} is negotiated. */
    public boolean hasHeaderExtension(String uri) {
        return headerExtensions.stream().anyMatch(extension -> extension.uri().equals(uri));
    }

    /** Whether any codec lists RTCP feedback of {@code type} (e.g. "transport-cc", "goog-remb"). */
    public boolean hasRtcpFeedback(String type) {
        return codecs.stream().anyMatch(codec -> codec.rtcpFeedback().stream().anyMatch(feedback -> feedback.type().equals(type)));
    }

    /** The codec an encoding is sent with. */
    public RtpCodecParameters codecFor(RtpEncodingParameters encoding) {
        return codecs.stream().filter(codec -> codec.payloadType() == encoding.codecPayloadType()).findFirst()
                .orElseThrow();
    }

    /** The RTX codec retransmitting an encoding's codec, or null when there is none. */
    public RtpCodecParameters rtxCodecFor(RtpEncodingParameters encoding) {
        return codecs.stream()
                .filter(codec -> codec.mimeType().isRtx() && codec.parameters().integer("apt") == encoding.codecPayloadType())
                .findFirst().orElse(null);
    }
}
