package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.worker.rtc.params.MediaKind;
import io.jmediasoup.worker.rtc.params.RtpHeaderExtensionParameters;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * The header extensions a producer's packets carry into the router, under the router's ids
 * ({@link RouterExtensionLayout}). As the C++ worker does, a packet keeps only what consumers
 * may use: room for the MID (written per consumer), abs-send-time and transport-wide-cc
 * (written per sending transport) for video, the producer's ssrc-audio-level for audio and
 * the era's proxied extensions for video.
 */
final class HeaderExtensionMap {
    static final int MID = 1;
    static final int ABS_SEND_TIME = 4;
    static final int TRANSPORT_WIDE_CC = 5;
    /** The longest MID a consumer may have (the C++ worker's MidMaxLength). */
    private static final int MID_MAX_LENGTH = 8;

    private final int[] routerIds = new int[8];
    private final int[] producerIds = new int[8];
    private final int[] reserved = new int[8];
    private int count;

    HeaderExtensionMap(MediaKind kind, List<RtpHeaderExtensionParameters> producerExtensions,
            RouterExtensionLayout layout) {
        reserve(MID, MID_MAX_LENGTH);
        if (kind == MediaKind.AUDIO) {
            proxy(layout.ssrcAudioLevel(), producerExtensions, RouterExtensionLayout.SSRC_AUDIO_LEVEL_URI);
        } else {
            reserve(ABS_SEND_TIME, 3);
            reserve(TRANSPORT_WIDE_CC, 2);
            for (RouterExtensionLayout.Proxied proxied : layout.video()) {
                proxy(proxied.routerId(), producerExtensions, proxied.uri());
            }
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
