package io.jmediasoup.worker.messages;

import io.jmediasoup.worker.rtc.SctpOptions;
import java.util.List;
import java.util.Set;

/**
 * The options every transport kind takes at creation, as both eras give them: the bitrates
 * are null when not given, {@code sctp} is null without SCTP. 3.8 has one maxMessageSize for
 * both directions; 3.32 gives the two apart.
 */
public record TransportOptions(boolean direct, Long initialAvailableOutgoingBitrate, Long maxIncomingBitrate,
        Long maxOutgoingBitrate, Long minOutgoingBitrate, long maxSendMessageSize, long maxReceiveMessageSize,
        SctpOptions sctp, Bwe bwe) {

    /**
     * Bandwidth estimation as each era's worker runs it: whether at all (3.32's enableBwe);
     * whether the bitrate limits are kept within 30 kbps..1 Gbps with the maximum raised to the
     * minimum and a 0 lifting a limit set later (3.32), or taken as given (3.8); and whether a
     * "bwe" trace tells of every change of the estimate, which a floor raises at the next
     * update (3.32's congestion controller), or of each time it is shared out (3.8's client).
     */
    public record Bwe(boolean enabled, boolean clampedLimits, boolean tracedOnEveryChange) {
        public static final Bwe MEDIASOUP_3_8 = new Bwe(true, false, false);

        public static Bwe mediasoup332(boolean enableBwe) {
            return new Bwe(enableBwe, true, true);
        }
    }

    /**
     * router.createPlainTransport: RTCP on its own socket unless rtcpMux; SRTP when
     * {@code srtpCryptoSuite} is not null, the remote then choosing among {@code srtpCryptoSuites}
     * (the era's).
     */
    public record Plain(TransportOptions base, TransportListenInfo listenInfo, TransportListenInfo rtcpListenInfo,
            boolean rtcpMux, boolean comedia, String srtpCryptoSuite, Set<String> srtpCryptoSuites) {}

    /** router.createWebRtcTransport: one ICE host candidate per listen, in order. */
    public record WebRtc(TransportOptions base, List<IceListen> listens, Ice ice) {}

    /** router.createWebRtcTransport on a WebRtcServer (3.32): the server's candidates of the enabled protocols. */
    public record WebRtcWithServer(TransportOptions base, String webRtcServerId, boolean enableUdp, boolean enableTcp,
            boolean preferUdp, boolean preferTcp, Ice ice) {}

    /**
     * The ICE agent as each era's worker makes it: the length of its random username fragment
     * (the password has 32 characters in both), whether NOMINATION renominates, and the
     * consent timeout in seconds (0: none).
     */
    public record Ice(int usernameFragmentLength, boolean renomination, int consentTimeoutSeconds) {
        /** mediasoup 3.8.4: 16-character fragments, USE-CANDIDATE only, no consent checks. */
        public static final Ice MEDIASOUP_3_8 = new Ice(16, false, 0);

        /** mediasoup 3.32: 32-character fragments, renomination, iceConsentTimeout as given. */
        public static Ice mediasoup332(int consentTimeoutSeconds) {
            return new Ice(32, true, consentTimeoutSeconds);
        }
    }

    /** A socket of a WebRtcTransport and the ICE local preference of its candidate, as each era computes it. */
    public record IceListen(TransportListenInfo listenInfo, int iceLocalPreference) {}

    /** SRTP when {@code srtpCryptoSuite} is not null: the one suite of the era's pipe transports, both ends. */
    public record Pipe(TransportOptions base, TransportListenInfo listenInfo, boolean enableRtx, String srtpCryptoSuite) {}

    public record Direct(TransportOptions base) {}
}
