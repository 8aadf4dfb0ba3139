package io.jmediasoup.worker.rtc.params;

import java.util.List;
import java.util.Map;

/**
 * How a producer's payload types and SSRCs map to the router's: computed by the Node library
 * (ortc.getProducerRtpParametersMapping), checked by the codec of each era.
 */
public record RtpMapping(Map<Integer, Integer> codecs, List<Encoding> encodings) {
    /** One encoding, found by ssrc or rid (0 / null when not given), and the SSRC it maps to. */
    public record Encoding(long ssrc, String rid, long mappedSsrc) {}
}
