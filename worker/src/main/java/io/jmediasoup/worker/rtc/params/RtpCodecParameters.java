package io.jmediasoup.worker.rtc.params;

import io.jmediasoup.channel.MediasoupTypeError;
import java.util.List;

/** One codec of RtpParameters: MIME type, payload type, clock rate, channels, fmtp, feedback. */
public record RtpCodecParameters(RtpCodecMimeType mimeType, int payloadType, long clockRate, int channels,
        CodecParameters parameters, List<RtcpFeedback> rtcpFeedback) {
    /** A codec read by a codec of either era; an RTX codec needs its apt parameter. */
    public static RtpCodecParameters of(String mimeType, int payloadType, long clockRate, int channels,
            CodecParameters parameters, List<RtcpFeedback> rtcpFeedback) {
        RtpCodecMimeType mime = RtpCodecMimeType.parse(mimeType);
        if (mime.isRtx() && parameters.integer("apt") < 0) {
            throw new MediasoupTypeError("missing apt parameter in RTX codec");
        }
        return new RtpCodecParameters(mime, payloadType, clockRate, channels, parameters, List.copyOf(rtcpFeedback));
    }
}
