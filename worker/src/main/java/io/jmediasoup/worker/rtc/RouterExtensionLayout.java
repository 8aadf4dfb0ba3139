package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.codecs.DependencyDescriptor;
import java.util.List;

/**
 * The header extensions the router's packets carry, in the order and under the ids the era's
 * C++ worker writes them (those of its supported RTP capabilities, which every consumer
 * negotiates). MID, abs-send-time and transport-wide-cc keep their ids in both eras.
 */
public enum RouterExtensionLayout {
    /** mediasoup 3.8.4: transport-wide-cc for video only, frame marking and toffset proxied. */
    MEDIASOUP_3_8(10, 11,
            List.of(Element.reserved(HeaderExtensionMap.MID, HeaderExtensionMap.MID_MAX_LENGTH),
                    Element.proxied(10, RouterExtensionLayout.SSRC_AUDIO_LEVEL_URI)),
            List.of(Element.reserved(HeaderExtensionMap.MID, HeaderExtensionMap.MID_MAX_LENGTH),
                    Element.reserved(HeaderExtensionMap.ABS_SEND_TIME, 3),
                    Element.reserved(HeaderExtensionMap.TRANSPORT_WIDE_CC, 2),
                    Element.proxied(6, "http://tools.ietf.org/html/draft-ietf-avtext-framemarking-07"),
                    Element.proxied(7, "urn:ietf:params:rtp-hdrext:framemarking"),
                    Element.proxied(11, RouterExtensionLayout.VIDEO_ORIENTATION_URI),
                    Element.proxied(12, "urn:ietf:params:rtp-hdrext:toffset"))),
    /**
     * mediasoup 3.32.2: transport-wide-cc on audio too, abs-capture-time, playout-delay and
     * the mediasoup packet id on both kinds, the dependency descriptor on video; frame marking
     * and toffset gone, the ids moved.
     */
    MEDIASOUP_3_32(6, 8,
            List.of(Element.reserved(HeaderExtensionMap.MID, HeaderExtensionMap.MID_MAX_LENGTH),
                    Element.reserved(HeaderExtensionMap.TRANSPORT_WIDE_CC, 2),
                    new Element(Element.Kind.ABS_CAPTURE_TIME, 9, RouterExtensionLayout.ABS_CAPTURE_TIME_URI, 16),
                    Element.proxied(10, RouterExtensionLayout.PLAYOUT_DELAY_URI),
                    new Element(Element.Kind.PACKET_ID, 11, RouterExtensionLayout.PACKET_ID_URI, 4),
                    Element.proxied(6, RouterExtensionLayout.SSRC_AUDIO_LEVEL_URI)),
            List.of(Element.reserved(HeaderExtensionMap.MID, HeaderExtensionMap.MID_MAX_LENGTH),
                    Element.reserved(HeaderExtensionMap.TRANSPORT_WIDE_CC, 2),
                    new Element(Element.Kind.ABS_CAPTURE_TIME, 9, RouterExtensionLayout.ABS_CAPTURE_TIME_URI, 16),
                    Element.proxied(10, RouterExtensionLayout.PLAYOUT_DELAY_URI),
                    new Element(Element.Kind.PACKET_ID, 11, RouterExtensionLayout.PACKET_ID_URI, 4),
                    Element.reserved(HeaderExtensionMap.ABS_SEND_TIME, 3),
                    Element.proxied(7, DependencyDescriptor.URI),
                    Element.proxied(8, RouterExtensionLayout.VIDEO_ORIENTATION_URI)));

    /**
     * One extension of the router's packets: room written later ({@code RESERVED}: by each
     * consumer or sending transport), the producer's value copied ({@code PROXIED}), or the
     * producer's abs-capture-time and mediasoup packet id, which the C++ worker rewrites.
     */
    record Element(Kind kind, int routerId, String uri, int length) {
        enum Kind { RESERVED, PROXIED, ABS_CAPTURE_TIME, PACKET_ID }

        static Element reserved(int routerId, int length) {
            return new Element(Kind.RESERVED, routerId, null, length);
        }

        static Element proxied(int routerId, String uri) {
            return new Element(Kind.PROXIED, routerId, uri, 0);
        }
    }

    static final String SSRC_AUDIO_LEVEL_URI = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    static final String VIDEO_ORIENTATION_URI = "urn:3gpp:video-orientation";
    static final String ABS_CAPTURE_TIME_URI = "http://www.webrtc.org/experiments/rtp-hdrext/abs-capture-time";
    static final String PLAYOUT_DELAY_URI = "http://www.webrtc.org/experiments/rtp-hdrext/playout-delay";
    static final String PACKET_ID_URI = "urn:mediasoup:params:rtp-hdrext:packet-id";

    private final int ssrcAudioLevel;
    private final int videoOrientation;
    private final List<Element> audio;
    private final List<Element> video;

    RouterExtensionLayout(int ssrcAudioLevel, int videoOrientation, List<Element> audio, List<Element> video) {
        this.ssrcAudioLevel = ssrcAudioLevel;
        this.videoOrientation = videoOrientation;
        this.audio = audio;
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

    /** The extensions of audio packets, in order. */
    List<Element> audio() {
        return audio;
    }

    /** The extensions of video packets, in order. */
    List<Element> video() {
        return video;
    }

    /** Whether audio packets carry the transport-wide sequence number (3.32), else only video ones. */
    boolean transportWideCcOnAudio() {
        return this == MEDIASOUP_3_32;
    }

    /** Whether the era reads layers from the dependency descriptor (3.32: AV1, and H264 with layers). */
    boolean readsDependencyDescriptor() {
        return this == MEDIASOUP_3_32;
    }
}
