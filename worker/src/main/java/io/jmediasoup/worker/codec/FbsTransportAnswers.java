package io.jmediasoup.worker.codec;

import com.google.flatbuffers.FlatBufferBuilder;
import io.jmediasoup.channel.FbsRequest;
import io.jmediasoup.worker.messages.TransportAnswer;
import io.jmediasoup.worker.messages.TransportStats;

/** {@link TransportStats} and connect()/restartIce() answers as mediasoup 3.32's FBS responses. */
final class FbsTransportAnswers {
    /** What the C++ worker reports while the application set no limit, in bps. */
    private static final long MAX_BITRATE = 1_000_000_000;
    private static final long MIN_OUTGOING_BITRATE = 30_000;

    private FbsTransportAnswers() {}

    static FbsRequest.FbsBody stats(TransportStats stats) {
        TransportStats.Kind kind = stats.kind();
        if (kind instanceof TransportStats.Plain plain) {
            return new FbsRequest.FbsBody(FBS.Response.Body.PlainTransport_GetStatsResponse, builder -> {
                int base = base(builder, stats);
                int tuple = FbsTransportDumps.tuple(builder, plain.tuple());
                int rtcpTuple = plain.rtcpTuple() != null ? FbsTransportDumps.tuple(builder, plain.rtcpTuple()) : 0;
                return FBS.PlainTransport.GetStatsResponse.createGetStatsResponse(builder, base, plain.rtcpMux(),
                        plain.comedia(), tuple, rtcpTuple);
            });
        }
        if (kind instanceof TransportStats.WebRtc webRtc) {
            return new FbsRequest.FbsBody(FBS.Response.Body.WebRtcTransport_GetStatsResponse, builder -> {
                int base = base(builder, stats);
                int selected = webRtc.iceSelectedTuple() != null
                        ? FbsTransportDumps.tuple(builder, webRtc.iceSelectedTuple()) : 0;
                return FBS.WebRtcTransport.GetStatsResponse.createGetStatsResponse(builder, base,
                        FBS.WebRtcTransport.IceRole.CONTROLLED, FbsTransportDumps.iceState(webRtc.iceState()), selected,
                        FbsTransportDumps.dtlsState(webRtc.dtlsState()));
            });
        }
        if (kind instanceof TransportStats.Pipe pipe) {
            return new FbsRequest.FbsBody(FBS.Response.Body.PipeTransport_GetStatsResponse, builder -> {
                int base = base(builder, stats);
                int tuple = FbsTransportDumps.tuple(builder, pipe.tuple());
                return FBS.PipeTransport.GetStatsResponse.createGetStatsResponse(builder, base, tuple);
            });
        }
        return new FbsRequest.FbsBody(FBS.Response.Body.DirectTransport_GetStatsResponse,
                builder -> FBS.DirectTransport.GetStatsResponse.createGetStatsResponse(builder, base(builder, stats)));
    }

    /**
     * The FBS.Transport.Stats every kind's starts with. The limits are there while congestion
     * control runs that way, the defaults when the application set none, as the C++ worker
     * reports them; 3.32 has no packet loss fields.
     */
    private static int base(FlatBufferBuilder builder, TransportStats stats) {
        int transportId = builder.createString(stats.transportId());
        FBS.Transport.Stats.startStats(builder);
        FBS.Transport.Stats.addTransportId(builder, transportId);
        FBS.Transport.Stats.addTimestamp(builder, stats.timestamp());
        if (stats.sctpState() != null) {
            FbsTransportDumps.optionalByte(builder, 2, FbsTransportDumps.sctpState(stats.sctpState()));
        }
        FBS.Transport.Stats.addBytesReceived(builder, stats.bytesReceived());
        FBS.Transport.Stats.addRecvBitrate(builder, stats.recvBitrate());
        FBS.Transport.Stats.addBytesSent(builder, stats.bytesSent());
        FBS.Transport.Stats.addSendBitrate(builder, stats.sendBitrate());
        FBS.Transport.Stats.addRtpBytesReceived(builder, stats.rtpBytesReceived());
        FBS.Transport.Stats.addRtpRecvBitrate(builder, stats.rtpRecvBitrate());
        FBS.Transport.Stats.addRtpBytesSent(builder, stats.rtpBytesSent());
        FBS.Transport.Stats.addRtpSendBitrate(builder, stats.rtpSendBitrate());
        FBS.Transport.Stats.addRtxBytesReceived(builder, stats.rtxBytesReceived());
        FBS.Transport.Stats.addRtxRecvBitrate(builder, stats.rtxRecvBitrate());
        FBS.Transport.Stats.addRtxBytesSent(builder, stats.rtxBytesSent());
        FBS.Transport.Stats.addRtxSendBitrate(builder, stats.rtxSendBitrate());
        FBS.Transport.Stats.addProbationBytesSent(builder, stats.probationBytesSent());
        FBS.Transport.Stats.addProbationSendBitrate(builder, stats.probationSendBitrate());
        if (stats.availableOutgoingBitrate() != null) {
            optionalLong(builder, 17, stats.availableOutgoingBitrate());
        }
        if (stats.availableIncomingBitrate() != null) {
            optionalLong(builder, 18, stats.availableIncomingBitrate());
        }
        if (stats.incomingLimitApplies()) {
            optionalLong(builder, 19, stats.maxIncomingBitrate() != null ? stats.maxIncomingBitrate() : MAX_BITRATE);
        }
        if (stats.sendsWithBwe()) {
            optionalLong(builder, 20, stats.maxOutgoingBitrate() != null ? stats.maxOutgoingBitrate() : MAX_BITRATE);
            optionalLong(builder, 21,
                    stats.minOutgoingBitrate() != null ? stats.minOutgoingBitrate() : MIN_OUTGOING_BITRATE);
        }
        if (stats.roundTripTime() != null) {
            // Optional: written even when 0.
            builder.addFloat(stats.roundTripTime());
            builder.slot(22);
        }
        return FBS.Transport.Stats.endStats(builder);
    }

    static FbsRequest.FbsBody answer(TransportAnswer answer) {
        if (answer instanceof TransportAnswer.Plain plain) {
            return new FbsRequest.FbsBody(FBS.Response.Body.PlainTransport_ConnectResponse, builder -> {
                int tuple = plain.tuple() != null ? FbsTransportDumps.tuple(builder, plain.tuple()) : 0;
                int rtcpTuple = plain.rtcpTuple() != null ? FbsTransportDumps.tuple(builder, plain.rtcpTuple()) : 0;
                int srtp = plain.srtpParameters() != null
                        ? FbsTransportDumps.srtpParameters(builder, plain.srtpParameters()) : 0;
                return FBS.PlainTransport.ConnectResponse.createConnectResponse(builder, tuple, rtcpTuple, srtp);
            });
        }
        if (answer instanceof TransportAnswer.Pipe pipe) {
            return new FbsRequest.FbsBody(FBS.Response.Body.PipeTransport_ConnectResponse,
                    builder -> FBS.PipeTransport.ConnectResponse.createConnectResponse(builder,
                            FbsTransportDumps.tuple(builder, pipe.tuple())));
        }
        if (answer instanceof TransportAnswer.WebRtc webRtc) {
            return new FbsRequest.FbsBody(FBS.Response.Body.WebRtcTransport_ConnectResponse,
                    builder -> FBS.WebRtcTransport.ConnectResponse.createConnectResponse(builder,
                            FbsTransportDumps.dtlsRole(webRtc.dtlsLocalRole())));
        }
        TransportAnswer.IceRestarted restarted = (TransportAnswer.IceRestarted) answer;
        return new FbsRequest.FbsBody(FBS.Response.Body.Transport_RestartIceResponse,
                builder -> FBS.Transport.RestartIceResponse.createRestartIceResponse(builder,
                        builder.createString(restarted.usernameFragment()), builder.createString(restarted.password()),
                        true));
    }

    /** A 64-bit field declared "= null": written even when 0, so that the reader sees it present. */
    private static void optionalLong(FlatBufferBuilder builder, int slot, long value) {
        builder.addLong(value);
        builder.slot(slot);
    }
}
