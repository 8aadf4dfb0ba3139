package io.jmediasoup.worker.codec;

import io.jmediasoup.channel.FbsRequest;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.messages.ChannelRequest;
import io.jmediasoup.worker.messages.ChannelResponse;
import io.jmediasoup.rtp.dtls.DtlsFingerprint;
import io.jmediasoup.worker.messages.TransportAnswer;
import io.jmediasoup.worker.messages.TransportDump;
import io.jmediasoup.worker.messages.TransportRequest;
import io.jmediasoup.worker.messages.TransportStats;
import io.jmediasoup.worker.rtc.SrtpParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * mediasoup 3.32's ROUTER_CREATE_*TRANSPORT and ROUTER_CLOSE_TRANSPORT (handler: the router)
 * and TRANSPORT_* requests (handler: the transport); the answers in each kind's tables.
 */
final class FbsTransportCodec implements FbsRequestCodec {
    /** The largest bitrate the C++ worker keeps, in bps. */
    private static final long MAX_BITRATE = 1_000_000_000;

    @Override
    public ChannelRequest decode(FbsRequest request) {
        switch (request.method()) {
            case FBS.Request.Method.ROUTER_CREATE_PLAINTRANSPORT: {
                FBS.Router.CreatePlainTransportRequest body = request.body(
                        FBS.Request.Body.Router_CreatePlainTransportRequest, new FBS.Router.CreatePlainTransportRequest());
                return new TransportRequest.CreatePlain(request.handlerId(), Fbs.required(body.transportId(), "transportId"),
                        FbsTransportOptions.plain(body.options()));
            }
            case FBS.Request.Method.ROUTER_CREATE_WEBRTCTRANSPORT: {
                FBS.Router.CreateWebRtcTransportRequest body = request.body(
                        FBS.Request.Body.Router_CreateWebRtcTransportRequest, new FBS.Router.CreateWebRtcTransportRequest());
                return new TransportRequest.CreateWebRtc(request.handlerId(), Fbs.required(body.transportId(), "transportId"),
                        FbsTransportOptions.webRtc(body.options()));
            }
            case FBS.Request.Method.ROUTER_CREATE_PIPETRANSPORT: {
                FBS.Router.CreatePipeTransportRequest body = request.body(
                        FBS.Request.Body.Router_CreatePipeTransportRequest, new FBS.Router.CreatePipeTransportRequest());
                return new TransportRequest.CreatePipe(request.handlerId(), Fbs.required(body.transportId(), "transportId"),
                        FbsTransportOptions.pipe(body.options()));
            }
            case FBS.Request.Method.ROUTER_CREATE_DIRECTTRANSPORT: {
                FBS.Router.CreateDirectTransportRequest body = request.body(
                        FBS.Request.Body.Router_CreateDirectTransportRequest, new FBS.Router.CreateDirectTransportRequest());
                return new TransportRequest.CreateDirect(request.handlerId(), Fbs.required(body.transportId(), "transportId"),
                        FbsTransportOptions.direct(body.options()));
            }
            case FBS.Request.Method.ROUTER_CLOSE_TRANSPORT: {
                FBS.Router.CloseTransportRequest body = request.body(
                        FBS.Request.Body.Router_CloseTransportRequest, new FBS.Router.CloseTransportRequest());
                return new TransportRequest.Close(request.handlerId(), Fbs.required(body.transportId(), "transportId"));
            }
            case FBS.Request.Method.TRANSPORT_DUMP:
                return new TransportRequest.Dump(request.handlerId());
            case FBS.Request.Method.TRANSPORT_GET_STATS:
                return new TransportRequest.GetStats(request.handlerId());
            case FBS.Request.Method.PLAINTRANSPORT_CONNECT: {
                FBS.PlainTransport.ConnectRequest body = request.body(
                        FBS.Request.Body.PlainTransport_ConnectRequest, new FBS.PlainTransport.ConnectRequest());
                return new TransportRequest.ConnectUdp(request.handlerId(), body.ip(),
                        body.hasPort() ? (long) body.port() : null, body.hasRtcpPort() ? (long) body.rtcpPort() : null,
                        srtpParameters(body.srtpParameters()));
            }
            case FBS.Request.Method.PIPETRANSPORT_CONNECT: {
                FBS.PipeTransport.ConnectRequest body = request.body(
                        FBS.Request.Body.PipeTransport_ConnectRequest, new FBS.PipeTransport.ConnectRequest());
                return new TransportRequest.ConnectUdp(request.handlerId(), body.ip(),
                        body.hasPort() ? (long) body.port() : null, null, srtpParameters(body.srtpParameters()));
            }
            case FBS.Request.Method.WEBRTCTRANSPORT_CONNECT:
                return connectWebRtc(request);
            case FBS.Request.Method.TRANSPORT_SET_MAX_INCOMING_BITRATE:
                return new TransportRequest.SetMaxIncomingBitrate(request.handlerId(), clamped(request.body(
                        FBS.Request.Body.Transport_SetMaxIncomingBitrateRequest,
                        new FBS.Transport.SetMaxIncomingBitrateRequest()).maxIncomingBitrate()));
            case FBS.Request.Method.TRANSPORT_SET_MAX_OUTGOING_BITRATE:
                return new TransportRequest.SetMaxOutgoingBitrate(request.handlerId(), clamped(request.body(
                        FBS.Request.Body.Transport_SetMaxOutgoingBitrateRequest,
                        new FBS.Transport.SetMaxOutgoingBitrateRequest()).maxOutgoingBitrate()));
            case FBS.Request.Method.TRANSPORT_SET_MIN_OUTGOING_BITRATE:
                return new TransportRequest.SetMinOutgoingBitrate(request.handlerId(), clamped(request.body(
                        FBS.Request.Body.Transport_SetMinOutgoingBitrateRequest,
                        new FBS.Transport.SetMinOutgoingBitrateRequest()).minOutgoingBitrate()));
            case FBS.Request.Method.TRANSPORT_RESTART_ICE:
                return new TransportRequest.RestartIce(request.handlerId());
            case FBS.Request.Method.TRANSPORT_ENABLE_TRACE_EVENT: {
                FBS.Transport.EnableTraceEventRequest body = request.body(
                        FBS.Request.Body.Transport_EnableTraceEventRequest, new FBS.Transport.EnableTraceEventRequest());
                List<String> types = new ArrayList<>();
                for (int i = 0; i < body.eventsLength(); i++) {
                    if (body.events(i) < FbsTransportDumps.TRACE_EVENT_TYPES.size()) {
                        types.add(FbsTransportDumps.TRACE_EVENT_TYPES.get(body.events(i)));
                    }
                }
                return new TransportRequest.EnableTraceEvent(request.handlerId(), types);
            }
            default:
                return null;
        }
    }

    /** The first fingerprint is the one checked; the role opposite to the remote's is taken. */
    private static TransportRequest connectWebRtc(FbsRequest request) {
        FBS.WebRtcTransport.ConnectRequest body = request.body(
                FBS.Request.Body.WebRtcTransport_ConnectRequest, new FBS.WebRtcTransport.ConnectRequest());
        FBS.WebRtcTransport.DtlsParameters dtlsParameters = body.dtlsParameters();
        if (dtlsParameters == null) {
            throw new MediasoupTypeError("missing dtlsParameters");
        }
        if (dtlsParameters.fingerprintsLength() == 0) {
            throw new MediasoupTypeError("empty dtlsParameters.fingerprints array");
        }
        FBS.WebRtcTransport.Fingerprint first = dtlsParameters.fingerprints(0);
        int algorithm = first.algorithm();
        if (algorithm >= FbsTransportDumps.FINGERPRINT_ALGORITHMS.size() || first.value() == null) {
            throw new MediasoupTypeError("invalid fingerprint");
        }
        int role = dtlsParameters.role();
        if (role >= FbsTransportDumps.DTLS_ROLES.size()) {
            throw new MediasoupTypeError("invalid dtlsParameters.role value");
        }
        return new TransportRequest.ConnectWebRtc(request.handlerId(),
                new DtlsFingerprint(FbsTransportDumps.FINGERPRINT_ALGORITHMS.get(algorithm), first.value()),
                FbsTransportDumps.DTLS_ROLES.get(role));
    }

    /** A remote srtpParameters, or null; an unknown suite stays null for the transport to refuse. */
    private static SrtpParameters srtpParameters(FBS.SrtpParameters.SrtpParameters srtp) {
        if (srtp == null) {
            return null;
        }
        String[] names = FBS.SrtpParameters.SrtpCryptoSuite.names;
        return new SrtpParameters(srtp.cryptoSuite() < names.length ? names[srtp.cryptoSuite()] : null, srtp.keyBase64());
    }

    /** The API's unsigned 64-bit bitrate, clamped as the C++ worker clamps it. */
    private static long clamped(long bitrate) {
        return bitrate < 0 || bitrate > MAX_BITRATE ? MAX_BITRATE : bitrate;
    }

    @Override
    public FbsRequest.FbsBody encode(ChannelResponse response) {
        if (response instanceof TransportDump dump) {
            return FbsTransportDumps.encode(dump);
        }
        if (response instanceof TransportStats stats) {
            return FbsTransportAnswers.stats(stats);
        }
        if (response instanceof TransportAnswer answer) {
            return FbsTransportAnswers.answer(answer);
        }
        return null;
    }
}
