package io.jmediasoup.worker.codec;

import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.rtp.sctp.SctpConfig;
import io.jmediasoup.worker.messages.TransportListenInfo;
import io.jmediasoup.worker.messages.TransportOptions;
import io.jmediasoup.worker.net.IpAddresses;
import io.jmediasoup.worker.net.PortManager.Protocol;
import io.jmediasoup.worker.rtc.SctpOptions;
import io.jmediasoup.worker.rtc.SrtpParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * mediasoup 3.32's FBS transport options as typed options, validated with the texts of its C++
 * worker. The Node library has already turned deprecated listenIps into listen infos.
 */
final class FbsTransportOptions {
    /** SCTP over DTLS or UDP negotiates up to this many streams each way. */
    private static final int SCTP_MAX_STREAMS = 65_535;
    private static final int ICE_LOCAL_PREFERENCE = 10_000;
    /** The smallest receive window the C++ worker's SCTP accepts. */
    private static final long SCTP_MIN_RECEIVER_WINDOW = 65_536;

    private FbsTransportOptions() {}

    static TransportOptions base(FBS.Transport.Options options) {
        if (options == null) {
            throw new MediasoupTypeError("missing options");
        }
        SctpOptions sctp = null;
        if (options.enableSctp()) {
            if (options.direct()) {
                throw new MediasoupTypeError("cannot enable SCTP in a direct Transport");
            }
            if (options.sctpMaxReceiverWindowBufferSize() < SCTP_MIN_RECEIVER_WINDOW) {
                throw new MediasoupTypeError("sctpMaxReceiverWindowBufferSize must be at least " + SCTP_MIN_RECEIVER_WINDOW);
            }
            sctp = new SctpOptions(SCTP_MAX_STREAMS, SCTP_MAX_STREAMS, options.maxReceiveMessageSize(),
                    options.sctpSendBufferSize(), options.isDataChannel(),
                    options.sctpDefaultStreamBufferedAmountLowThreshold(), zeroChecksumMethod(options.sctpZeroChecksum()),
                    options.sctpMaxReceiverWindowBufferSize(), true, options.sctpPerStreamSendQueueLimit(),
                    SctpConfig.Stack.MEDIASOUP_3_32);
        }
        return new TransportOptions(options.direct(),
                options.hasInitialAvailableOutgoingBitrate() ? options.initialAvailableOutgoingBitrate() : null,
                options.hasMaxIncomingBitrate() ? options.maxIncomingBitrate() : null,
                options.hasMaxOutgoingBitrate() ? options.maxOutgoingBitrate() : null,
                options.hasMinOutgoingBitrate() ? options.minOutgoingBitrate() : null, options.maxSendMessageSize(),
                options.maxReceiveMessageSize(), sctp, TransportOptions.Bwe.mediasoup332(options.enableBwe()));
    }

    /** The RFC 9653 method of sctpZeroChecksum; any other value is none, as the C++ worker takes it. */
    static long zeroChecksumMethod(long sctpZeroChecksum) {
        if (sctpZeroChecksum == FBS.Transport.SctpZeroChecksum.SCTP_OVER_DTLS) {
            return SctpConfig.ZERO_CHECKSUM_SCTP_OVER_DTLS;
        }
        if (sctpZeroChecksum == FBS.Transport.SctpZeroChecksum.TRUSTED_NETWORK) {
            return SctpConfig.ZERO_CHECKSUM_TRUSTED_NETWORK;
        }
        return SctpConfig.NO_ZERO_CHECKSUM;
    }

    /** RTCP without rtcpMux listens where rtcpListenInfo says, else where RTP does. */
    static TransportOptions.Plain plain(FBS.PlainTransport.PlainTransportOptions options) {
        if (options == null) {
            throw new MediasoupTypeError("missing options");
        }
        TransportOptions base = base(options.base());
        TransportListenInfo listenInfo = listenInfo(options.listenInfo());
        if (listenInfo.protocol() != Protocol.UDP) {
            throw new MediasoupTypeError("unsupported listen protocol");
        }
        TransportListenInfo rtcpListenInfo = null;
        if (!options.rtcpMux()) {
            rtcpListenInfo = options.rtcpListenInfo() != null ? listenInfo(options.rtcpListenInfo()) : listenInfo;
            if (rtcpListenInfo.protocol() != Protocol.UDP) {
                throw new MediasoupTypeError("unsupported RTCP listen protocol");
            }
        }
        String srtpCryptoSuite = null;
        if (options.enableSrtp()) {
            if (!options.hasSrtpCryptoSuite()) {
                throw new MediasoupTypeError("missing srtpCryptoSuite");
            }
            srtpCryptoSuite = cryptoSuite(options.srtpCryptoSuite());
        }
        return new TransportOptions.Plain(base, listenInfo, rtcpListenInfo, options.rtcpMux(), options.comedia(),
                srtpCryptoSuite, SrtpParameters.CRYPTO_SUITES_WITH_AEAD);
    }

    static TransportOptions.Pipe pipe(FBS.PipeTransport.PipeTransportOptions options) {
        if (options == null) {
            throw new MediasoupTypeError("missing options");
        }
        TransportOptions base = base(options.base());
        TransportListenInfo listenInfo = listenInfo(options.listenInfo());
        if (listenInfo.protocol() != Protocol.UDP) {
            throw new MediasoupTypeError("unsupported listen protocol");
        }
        // 3.32's pipe transports protect with AES-256-GCM.
        return new TransportOptions.Pipe(base, listenInfo, options.enableRtx(),
                options.enableSrtp() ? "AEAD_AES_256_GCM" : null);
    }

    static TransportOptions.Direct direct(FBS.DirectTransport.DirectTransportOptions options) {
        if (options == null) {
            throw new MediasoupTypeError("missing options");
        }
        return new TransportOptions.Direct(base(options.base()));
    }

    /** Each listen info 100 below the one before: the library already ordered them by preference. */
    static TransportOptions.WebRtc webRtc(FBS.WebRtcTransport.WebRtcTransportOptions options) {
        if (options == null) {
            throw new MediasoupTypeError("missing options");
        }
        TransportOptions base = base(options.base());
        if (options.listenType() != FBS.WebRtcTransport.Listen.ListenIndividual) {
            throw new MediasoupTypeError("missing listenInfos");
        }
        FBS.WebRtcTransport.ListenIndividual individual =
                (FBS.WebRtcTransport.ListenIndividual) options.listen(new FBS.WebRtcTransport.ListenIndividual());
        List<TransportOptions.IceListen> listens = new ArrayList<>();
        for (int i = 0; i < individual.listenInfosLength(); i++) {
            listens.add(new TransportOptions.IceListen(listenInfo(individual.listenInfos(i)),
                    ICE_LOCAL_PREFERENCE - 100 * i));
        }
        return new TransportOptions.WebRtc(base, listens, ice(options));
    }

    /** iceConsentTimeout is a uint8 (default 30 s); the agent keeps it within its bounds. */
    static TransportOptions.Ice ice(FBS.WebRtcTransport.WebRtcTransportOptions options) {
        return TransportOptions.Ice.mediasoup332(options.iceConsentTimeout());
    }

    static TransportListenInfo listenInfo(FBS.Transport.ListenInfo info) {
        if (info == null) {
            throw new MediasoupTypeError("missing listenInfo");
        }
        if (info.ip() == null) {
            throw new MediasoupTypeError("missing listenInfo.ip");
        }
        Protocol protocol = info.protocol() == FBS.Transport.Protocol.TCP ? Protocol.TCP : Protocol.UDP;
        FBS.Transport.PortRange range = info.portRange();
        FBS.Transport.SocketFlags flags = info.flags();
        return new TransportListenInfo(protocol, IpAddresses.normalize(info.ip()), info.announcedAddress(),
                info.exposeInternalIp(), info.port(), range != null ? range.min() : 0, range != null ? range.max() : 0,
                flags != null && flags.ipv6Only(), flags != null && flags.udpReusePort(), info.sendBufferSize(),
                info.recvBufferSize());
    }

    static String cryptoSuite(int fbsSuite) {
        String name = fbsSuite < FBS.SrtpParameters.SrtpCryptoSuite.names.length
                ? FBS.SrtpParameters.SrtpCryptoSuite.names[fbsSuite] : null;
        if (name == null || !SrtpParameters.CRYPTO_SUITES_WITH_AEAD.contains(name)) {
            throw new MediasoupTypeError("invalid/unsupported srtpCryptoSuite");
        }
        return name;
    }
}
