package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.worker.rtc.params.MediaKind;
import io.jmediasoup.worker.rtc.params.RtpHeaderExtensionParameters;
import io.netty.buffer.ByteBuf;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The header extensions a producer's packets carry into the router, under the router's ids
 * ({@link RouterExtensionLayout}). As the C++ worker does, a packet keeps only what consumers
 * may use: room for what each consumer or sending transport writes, and the producer's
 * values of the era's proxied extensions.
 */
final class HeaderExtensionMap {
    static final int MID = 1;
    static final int ABS_SEND_TIME = 4;
    static final int TRANSPORT_WIDE_CC = 5;
    /** The longest MID a consumer may have (the C++ worker's MidMaxLength). */
    static final int MID_MAX_LENGTH = 8;
    /** A remote clock offset that does not fit abs-capture-time: the extension is not forwarded. */
    static final long UNFIT_OFFSET = Long.MIN_VALUE;
    /** abs-capture-time without and with its capture clock offset. */
    private static final int ABS_CAPTURE_TIME_SHORT = 8;
    private static final int ABS_CAPTURE_TIME_LONG = 16;
    /**
     * The next mediasoup packet id, one counter per worker process as the C++ worker's, from a
     * random start in the lower half of 32 bits.
     */
    private static final AtomicInteger NEXT_PACKET_ID = new AtomicInteger(new SecureRandom().nextInt(Integer.MAX_VALUE));

    private final RouterExtensionLayout.Element[] elements;
    /** The producer's id of each element's extension, 0 where it has none or the element is reserved. */
    private final int[] producerIds;
    private final boolean generatePacketIds;
    private final LongSupplier remoteClockOffset;

    /**
     * {@code remoteClockOffset} gives our clock minus the sender's in Q32.32 seconds, or
     * {@link #UNFIT_OFFSET}, for abs-capture-time's capture clock offset.
     */
    HeaderExtensionMap(MediaKind kind, List<RtpHeaderExtensionParameters> producerExtensions,
            RouterExtensionLayout layout, boolean generatePacketIds, LongSupplier remoteClockOffset) {
        List<RouterExtensionLayout.Element> list = kind == MediaKind.AUDIO ? layout.audio() : layout.video();
        elements = list.toArray(new RouterExtensionLayout.Element[0]);
        producerIds = new int[elements.length];
        for (int i = 0; i < elements.length; i++) {
            producerIds[i] = elements[i].uri() != null ? producerId(producerExtensions, elements[i].uri()) : 0;
        }
        this.generatePacketIds = generatePacketIds;
        this.remoteClockOffset = remoteClockOffset;
    }

    private static int producerId(List<RtpHeaderExtensionParameters> producerExtensions, String uri) {
        for (RtpHeaderExtensionParameters extension : producerExtensions) {
            if (extension.uri().equals(uri)) {
                return extension.id();
            }
        }
        return 0;
    }

    /** Rewrites the packet's extensions to the router's; {@code spare} takes it when they need more room. */
    void apply(RtpPacket packet, ByteBuf spare) {
        long captureTimestamp = 0;
        long captureClockOffset = 0;
        int captureTimeId = 0;
        int generatedPacketIdId = 0;
        packet.clearStagedExtensions();
        for (int i = 0; i < elements.length; i++) {
            RouterExtensionLayout.Element element = elements[i];
            int producerId = producerIds[i];
            switch (element.kind()) {
                case RESERVED:
                    packet.stageZeroExtension(element.routerId(), element.length());
                    break;
                case PROXIED:
                    packet.stageExtension(element.routerId(), producerId);
                    break;
                case ABS_CAPTURE_TIME: {
                    // Forwarding the stream makes us its sender: the capture clock offset becomes
                    // the capture system's against our clock, always written (the long form).
                    int length = packet.extensionLength(producerId);
                    if (length != ABS_CAPTURE_TIME_SHORT && length != ABS_CAPTURE_TIME_LONG) {
                        break;
                    }
                    long offset = remoteClockOffset.getAsLong();
                    if (offset == UNFIT_OFFSET) {
                        break;
                    }
                    int index = packet.extensionIndex(producerId);
                    captureTimestamp = packet.buffer().getLong(index);
                    long incomingOffset = length == ABS_CAPTURE_TIME_LONG ? packet.buffer().getLong(index + 8) : 0;
                    captureClockOffset = incomingOffset - offset;
                    captureTimeId = element.routerId();
                    packet.stageZeroExtension(captureTimeId, ABS_CAPTURE_TIME_LONG);
                    break;
                }
                case PACKET_ID:
                    // A packet id from another router is kept; this producer numbers the others when asked to.
                    if (!packet.stageExtension(element.routerId(), producerId) && generatePacketIds) {
                        generatedPacketIdId = element.routerId();
                        packet.stageZeroExtension(generatedPacketIdId, element.length());
                    }
                    break;
                default:
                    throw new IllegalStateException(element.kind().name());
            }
        }
        packet.writeStagedExtensions(spare);
        if (captureTimeId != 0) {
            int index = packet.extensionIndex(captureTimeId);
            packet.buffer().setLong(index, captureTimestamp);
            packet.buffer().setLong(index + 8, captureClockOffset);
        }
        if (generatedPacketIdId != 0) {
            packet.buffer().setInt(packet.extensionIndex(generatedPacketIdId), NEXT_PACKET_ID.getAndIncrement());
        }
    }
}
