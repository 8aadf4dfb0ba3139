package io.jmediasoup.worker.rtc.params;

import io.jmediasoup.channel.MediasoupTypeError;
import java.util.Set;

/**
 * Which video codecs each era's C++ worker forwards as simulcast or as SVC, and so the type of
 * a producer's parameters. Both forward VP8 and H264 simulcast. 3.8 knows SVC for VP9 alone and
 * calls any single encoding with layers SVC, refusing the codecs it cannot forward so; 3.32
 * also forwards the temporal layers of a single VP8 or H264 encoding, and AV1's layers, as SVC.
 */
public enum LayeredCodecs {
    MEDIASOUP_3_8(Set.of("video/VP9")),
    MEDIASOUP_3_32(Set.of("video/VP8", "video/VP9", "video/H264", "video/AV1"));

    private static final Set<String> SIMULCAST = Set.of("video/VP8", "video/H264");

    private final Set<String> svc;

    LayeredCodecs(Set<String> svc) {
        this.svc = svc;
    }

    /** Whether a stream of {@code type} may be sent with the codec {@code mimeType}. */
    public boolean supports(RtpParameters.Type type, RtpCodecMimeType mimeType) {
        switch (type) {
            case SIMULCAST:
                return SIMULCAST.contains(mimeType.toString());
            case SVC:
                return svc.contains(mimeType.toString());
            default:
                return true;
        }
    }

    /** simple, simulcast or svc, from the encodings (pipe is only ever given explicitly). */
    public RtpParameters.Type typeOf(RtpParameters parameters) {
        if (parameters.encodings().size() > 1) {
            return RtpParameters.Type.SIMULCAST;
        }
        RtpEncodingParameters encoding = parameters.encodings().get(0);
        if (encoding.spatialLayers() <= 1 && encoding.temporalLayers() <= 1) {
            return RtpParameters.Type.SIMPLE;
        }
        // 3.32 types a single layered encoding by what its codec can do, and has no type for the rest.
        if (this == MEDIASOUP_3_32 && !supports(RtpParameters.Type.SVC, parameters.codecFor(encoding).mimeType())) {
            throw new MediasoupTypeError("invalid RTP parameters");
        }
        return RtpParameters.Type.SVC;
    }
}
