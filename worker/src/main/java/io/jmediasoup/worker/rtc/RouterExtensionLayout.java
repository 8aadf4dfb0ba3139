package io.jmediasoup.worker.rtc;

import java.util.List;

/**
 * The ids under which the router's packets carry what a producer's header extensions bring:
 * those of the era's supported RTP capabilities, which every consumer negotiates. MID,
 * abs-send-time and transport-wide-cc keep theirs ({@link HeaderExtensionMap}) in both eras.
 */
public enum RouterExtensionLayout {
    /** mediasoup 3.8.4's capabilities. */
    MEDIASOUP_3_8(10, 11, List.of(
            new Proxied(6, "http://tools.ietf.org/html/draft-ietf-avtext-framemarking-07"),
            new Proxied(7, "urn:ietf:params:rtp-hdrext:framemarking"),
            new Proxied(11, "urn:3gpp:video-orientation"),
            new Proxied(12, "urn:ietf:params:rtp-hdrext:toffset"))),
    /** mediasoup 3.32.2's: frame-marking and toffset are gone, the ids moved. */
    MEDIASOUP_3_32(6, 8, List.of(
            new Proxied(8, "urn:3gpp:video-orientation")));

    /** A producer's extension of {@code uri} that video packets carry on under {@code routerId}. */
    record Proxied(int routerId, String uri) {}

    static final String SSRC_AUDIO_LEVEL_URI = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

    private final int ssrcAudioLevel;
    private final int videoOrientation;
    private final List<Proxied> video;

    RouterExtensionLayout(int ssrcAudioLevel, int videoOrientation, List<Proxied> video) {
        this.ssrcAudioLevel = ssrcAudioLevel;
        this.videoOrientation = videoOrientation;
        this.video = video;
    }

    /** Where audio packets carry their ssrc-audio-level. */
    int ssrcAudioLevel() {
        return ssrcAudioLevel;
    }

    /** Where video packets carry their video orientation (CVO). */
    int videoOrientation() {
        return videoOrientation;
    }

    /** The producer extensions video packets carry on, besides the reserved ones. */
    List<Proxied> video() {
        return video;
    }
}
