package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.RtpPacket;
import io.jmediasoup.worker.messages.TransportOptions;
import io.jmediasoup.worker.rtc.params.RtpParameters;

/**
 * A transport's receiving side of congestion control, as the C++ worker's Transport drives its
 * TransportCongestionControlServer: the first producer that negotiated transport-cc (else REMB
 * with abs-send-time) makes its only server, which tells the remote sender what arrives
 * ({@link TransportCcServer}) or what it estimates ({@link RembServer}), within the maximum
 * incoming bitrate.
 */
final class IncomingBitrateControl {
    private final Shared shared;
    private final Producer.RtcpSender sender;
    /** Whether the transport estimates at all (3.32's enableBwe). */
    private final boolean enabled;
    /** Whether the limit follows 3.32's bounds ({@link BweLimits}), else 3.8's (as given, 0 for none). */
    private final boolean clampedLimits;
    private long maxIncomingBitrate;
    private boolean connected;
    /** Whether the transport has been connected: 3.32's worker makes its receiving controller then. */
    private boolean everConnected;
    /** Transport-cc feedback to the remote sender, once a producer negotiated it. */
    private TransportCcServer tccServer;
    /** Only when no transport-cc server: a producer negotiated goog-remb and abs-send-time. */
    private RembServer rembServer;

    IncomingBitrateControl(Shared shared, Producer.RtcpSender sender, TransportOptions options) {
        this.shared = shared;
        this.sender = sender;
        this.enabled = options.bwe().enabled();
        this.clampedLimits = options.bwe().clampedLimits();
        Long maxBitrate = options.maxIncomingBitrate();
        if (clampedLimits) {
            maxIncomingBitrate = maxBitrate != null ? BweLimits.bounded(maxBitrate) : BweLimits.ABSOLUTE_MAX_BITRATE;
        } else {
            maxIncomingBitrate = maxBitrate != null ? maxBitrate : 0;
        }
    }

    /** The limit the servers apply: none for 3.32's unset (lifted) one. */
    private long appliedMaxIncomingBitrate() {
        return clampedLimits && maxIncomingBitrate == BweLimits.ABSOLUTE_MAX_BITRATE ? 0 : maxIncomingBitrate;
    }

    /**
     * A producer was added with these parameters; {@code transportWideCcId} and
     * {@code absSendTimeId} are the transport's ids of the two extensions (0 when absent).
     */
    void producerAdded(RtpParameters rtpParameters, int transportWideCcId, int absSendTimeId) {
        if (!enabled || tccServer != null || rembServer != null) {
            return;
        }
        long maxBitrate = appliedMaxIncomingBitrate();
        tccServer = TransportCcServer.forProducer(shared, sender, rtpParameters, transportWideCcId);
        if (tccServer != null) {
            if (maxBitrate != 0) {
                tccServer.setMaxIncomingBitrate(maxBitrate);
            }
            if (connected) {
                tccServer.start();
            }
            return;
        }
        rembServer = RembServer.forProducer(shared, sender, rtpParameters, absSendTimeId);
        if (rembServer != null && maxBitrate != 0) {
            rembServer.setMaxIncomingBitrate(maxBitrate);
        }
    }

    /** A packet arrived; read before its extensions are remapped. */
    void packetReceived(RtpPacket packet) {
        if (tccServer != null) {
            tccServer.packetReceived(packet);
        } else if (rembServer != null) {
            rembServer.packetReceived(packet);
        }
    }

    /** transport.setMaxIncomingBitrate: 0 lifts the limit. */
    void setMaxIncomingBitrate(long bitrate) {
        maxIncomingBitrate = clampedLimits ? BweLimits.maximum(bitrate) : bitrate;
        long maxBitrate = appliedMaxIncomingBitrate();
        if (tccServer != null) {
            tccServer.setMaxIncomingBitrate(maxBitrate);
        } else if (rembServer != null) {
            rembServer.setMaxIncomingBitrate(maxBitrate);
        }
    }

    void transportConnected() {
        connected = true;
        everConnected = true;
        if (tccServer != null) {
            tccServer.start();
        }
    }

    void transportDisconnected() {
        connected = false;
        if (tccServer != null) {
            tccServer.stop();
        }
    }

    void close() {
        transportDisconnected();
    }

    /** Whether a producer made it estimate what arrives (transport-cc, else REMB). */
    boolean active() {
        return tccServer != null || rembServer != null;
    }

    /**
     * Whether the incoming limit applies, as 3.32's stats tell it (maxIncomingBitrate present):
     * once a producer made it estimate and the transport has connected, from then on.
     */
    boolean limitApplies() {
        return active() && everConnected;
    }

    /** As the C++ worker's: only a REMB server estimates the incoming bitrate, and 0 is no estimate; else null. */
    Long availableBitrate() {
        return rembServer != null && rembServer.availableBitrate() != 0 ? rembServer.availableBitrate() : null;
    }

    /** The application's limit (3.32: within its bounds), or null when 3.8's application set none. */
    Long maxIncomingBitrate() {
        return maxIncomingBitrate != 0 ? maxIncomingBitrate : null;
    }

    /** The loss transport-cc tells of; a REMB server sees none (the C++ worker reports 0); null without either. */
    Double packetLoss() {
        if (tccServer != null) {
            return tccServer.packetLoss();
        }
        return rembServer != null ? 0.0 : null;
    }
}
