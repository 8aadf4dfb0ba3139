package io.jmediasoup.worker.rtc.params;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One encoding (RTP stream) of RtpParameters. Zero or empty means "not given"; the codec
 * payload type is -1 until RtpParameters fills it with its first media codec.
 */
public record RtpEncodingParameters(long ssrc, String rid, int codecPayloadType, long rtxSsrc, boolean hasRtx,
        long maxBitrate, double maxFramerate, boolean dtx, String scalabilityMode, int spatialLayers,
        int temporalLayers, boolean ksvc) {
    /** L1T3, S3T3, L3T3_KEY... : spatial layers, temporal layers, K-SVC. */
    private static final Pattern SCALABILITY_MODE = Pattern.compile("^[LS]([1-9]\\d?)T([1-9]\\d?)(_KEY)?.*");

    /**
     * An encoding read by a codec of either era (0, empty or -1 for what is not given); the
     * layers come from a scalability mode that matches L|S, spatial layers, T, temporal layers.
     */
    public static RtpEncodingParameters of(long ssrc, String rid, int codecPayloadType, long rtxSsrc, boolean hasRtx,
            long maxBitrate, double maxFramerate, boolean dtx, String scalabilityMode) {
        Matcher matcher = scalabilityMode != null ? SCALABILITY_MODE.matcher(scalabilityMode) : null;
        if (matcher != null && matcher.matches()) {
            return new RtpEncodingParameters(ssrc, rid, codecPayloadType, rtxSsrc, hasRtx, maxBitrate, maxFramerate,
                    dtx, scalabilityMode, Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    matcher.group(3) != null);
        }
        return new RtpEncodingParameters(ssrc, rid, codecPayloadType, rtxSsrc, hasRtx, maxBitrate, maxFramerate, dtx,
                "", 1, 1, false);
    }

    RtpEncodingParameters withCodecPayloadType(int payloadType) {
        return new RtpEncodingParameters(ssrc, rid, payloadType, rtxSsrc, hasRtx, maxBitrate, maxFramerate, dtx,
                scalabilityMode, spatialLayers, temporalLayers, ksvc);
    }
}
