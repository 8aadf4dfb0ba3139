package io.jmediasoup.worker.rtc;

import io.jmediasoup.worker.rtc.params.RtcpFeedback;
import io.jmediasoup.worker.rtc.params.RtpCodecParameters;
import io.jmediasoup.worker.rtc.params.RtpEncodingParameters;
import io.jmediasoup.worker.rtc.params.RtpParameters;

/**
 * What an RTP stream is: its encoding, codec, RTX pairing and the RTCP feedback the remote
 * end understands. rtxSsrc is 0 when the stream has no RTX.
 */
record RtpStreamParams(int encodingIdx, long ssrc, int payloadType, RtpCodecParameters codec, String rid,
        String cname, long rtxSsrc, int rtxPayloadType, boolean useNack, boolean usePli, boolean useFir,
        boolean useInBandFec, boolean useDtx, int spatialLayers, int temporalLayers) {

    /**
     * The params of a consumer's sending stream for encoding {@code encodingIdx} of its RTP
     * parameters. A simple consumer's stream keeps one layer whatever the encoding says.
     */
    static RtpStreamParams forSending(RtpParameters rtpParameters, int encodingIdx, boolean layered) {
        RtpEncodingParameters encoding = rtpParameters.encodings().get(encodingIdx);
        return of(rtpParameters, encodingIdx, encoding.ssrc(), "", layered);
    }

    /**
     * The params of a producer's receiving stream for an encoding, under the SSRC it arrives
     * with; its RTX pairing is learnt from the first RTX packet ({@link #withRtx}).
     */
    static RtpStreamParams forReceiving(RtpParameters rtpParameters, int encodingIdx, long ssrc) {
        return of(rtpParameters, encodingIdx, ssrc, rtpParameters.encodings().get(encodingIdx).rid(), true)
                .withRtx(0, 0);
    }

    RtpStreamParams withRtx(int rtxPayloadType, long rtxSsrc) {
        return new RtpStreamParams(encodingIdx, ssrc, payloadType, codec, rid, cname, rtxSsrc, rtxPayloadType, useNack,
                usePli, useFir, useInBandFec, useDtx, spatialLayers, temporalLayers);
    }

    private static RtpStreamParams of(RtpParameters rtpParameters, int encodingIdx, long ssrc, String rid,
            boolean layered) {
        RtpEncodingParameters encoding = rtpParameters.encodings().get(encodingIdx);
        RtpCodecParameters codec = rtpParameters.codecFor(encoding);
        boolean useNack = false;
        boolean usePli = false;
        boolean useFir = false;
        for (RtcpFeedback feedback : codec.rtcpFeedback()) {
            useNack |= feedback.type().equals("nack") && feedback.parameter().isEmpty();
            usePli |= feedback.type().equals("nack") && feedback.parameter().equals("pli");
            useFir |= feedback.type().equals("ccm") && feedback.parameter().equals("fir");
        }
        boolean useInBandFec = codec.parameters().integer("useinbandfec") == 1;
        boolean useDtx = codec.parameters().integer("usedtx") == 1 || encoding.dtx();
        RtpCodecParameters rtxCodec = rtpParameters.rtxCodecFor(encoding);
        boolean rtx = rtxCodec != null && encoding.hasRtx();
        String cname = rtpParameters.rtcp() != null ? rtpParameters.rtcp().cname() : "";
        return new RtpStreamParams(encodingIdx, ssrc, codec.payloadType(), codec, rid, cname,
                rtx ? encoding.rtxSsrc() : 0, rtx ? rtxCodec.payloadType() : 0, useNack, usePli, useFir,
                useInBandFec, useDtx, layered ? encoding.spatialLayers() : 1, layered ? encoding.temporalLayers() : 1);
    }

    String mimeType() {
        return codec.mimeType().toString();
    }

    String kind() {
        return codec.mimeType().type();
    }

    boolean hasRtx() {
        return rtxSsrc != 0;
    }
}
