package io.jmediasoup.worker.rtc;

import io.jmediasoup.worker.rtc.params.MediaKind;
import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.worker.rtc.params.RtpHeaderExtensionParameters;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * The header extensions a producer's packets carry into the router, under the router's ids:
 * those of mediasoup's supported RTP capabilities, which every consumer negotiates. As the
 * C++ worker does, a packet keeps only what consumers may use: room for the MID (written
 * per consumer), abs-send-time and transport-wide-cc (written per sending transport) for
 * video, and the producer's ssrc-audio-level, frame-marking, video-orientation and toffset.
 */
final class HeaderExtensionMap {
    static final int MID = 1;
    static final int ABS_SEND_TIME = 4;
    static final int TRANSPORT_WIDE_CC = 5;
    static final int FRAME_MARKING_07 = 6;
    static final int FRAME_MARKING = 7;
    static final int SSRC_AUDIO_LEVEL = 10;
    static final int VIDEO_ORIENTATION = 11;
    static final int TOFFSET = 12;
    /** The longest MID a consumer may have (the C++ worker's MidMaxLength). */
    private static final int MID_MAX_LENGTH = 8;

    private final int[] routerIds = new int[8];
    private final int[] producerIds = new int[8];
    private final int[] reserved = new int[8];
    private int count;

    HeaderExtensionMap(MediaKind kind, List<RtpHeaderExtensionParameters> producerExtensions) {
        reserve(MID, MID_MAX_LENGTH);
        if (kind == MediaKind.AUDIO) {
            proxy(SSRC_AUDIO_LEVEL, producerExtensions, "urn:ietf:params:rtp-hdrext:ssrc-audio-level");
        } else {
            reserve(ABS_SEND_TIME, 3);
            reserve(TRANSPORT_WIDE_CC, 2);
            proxy(FRAME_MARKING_07, producerExtensions, "http://tools.ietf.org/html/draft-ietf-avtext-framemarking-07");
            proxy(FRAME_MARKING, producerExtensions, "urn:ietf:params:rtp-hdrext:framemarking");
            proxy(VIDEO_ORIENTATION, producerExtensions, "urn:3gpp:video-orientation");
            proxy(TOFFSET, producerExtensions, "urn:ietf:params:rtp-hdrext:toffset");
        }
    }

    private void reserve(int routerId, int length) {
        routerIds[count] = routerId;
        reserved[count++] = length;
    }

    private void proxy(int routerId, List<RtpHeaderExtensionParameters> producerExtensions, String uri) {
        for (RtpHeaderExtensionParameters extension : producerExtensions) {
            if (extension.uri().equals(uri)) {
                routerIds[count] = routerId;
                producerIds[count++] = extension.id();
                return;
            }
        }
    }

    /** Rewrites the packet's extensions to the router's; {@code spare} takes it when they need more room. */
    void apply(RtpPacket packet, ByteBuf spare) {
        packet.remapExtensions(routerIds, producerIds, reserved, count, spare);
    }
}
