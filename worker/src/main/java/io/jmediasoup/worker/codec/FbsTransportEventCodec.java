package io.jmediasoup.worker.codec;

import com.google.flatbuffers.FlatBufferBuilder;
import io.jmediasoup.worker.messages.Event;
import io.jmediasoup.worker.messages.TransportEvent;
import io.netty.buffer.ByteBuf;

/** mediasoup 3.32's FBS.Notification of a transport's events. */
final class FbsTransportEventCodec implements FbsEventCodec {
    @Override
    public FbsEvent encode(Event event, ByteBuf payload) {
        if (event instanceof TransportEvent.Tuple tuple) {
            return new FbsEvent(FBS.Notification.Event.PLAINTRANSPORT_TUPLE, FBS.Notification.Body.PlainTransport_TupleNotification,
                    builder -> FBS.PlainTransport.TupleNotification.createTupleNotification(builder,
                            FbsTransportDumps.tuple(builder, tuple.tuple())));
        }
        if (event instanceof TransportEvent.RtcpTuple rtcpTuple) {
            return new FbsEvent(FBS.Notification.Event.PLAINTRANSPORT_RTCP_TUPLE,
                    FBS.Notification.Body.PlainTransport_RtcpTupleNotification,
                    builder -> FBS.PlainTransport.RtcpTupleNotification.createRtcpTupleNotification(builder,
                            FbsTransportDumps.tuple(builder, rtcpTuple.tuple())));
        }
        if (event instanceof TransportEvent.IceStateChange change) {
            return new FbsEvent(FBS.Notification.Event.WEBRTCTRANSPORT_ICE_STATE_CHANGE,
                    FBS.Notification.Body.WebRtcTransport_IceStateChangeNotification,
                    builder -> FBS.WebRtcTransport.IceStateChangeNotification.createIceStateChangeNotification(builder,
                            FbsTransportDumps.iceState(change.iceState())));
        }
        if (event instanceof TransportEvent.IceSelectedTupleChange change) {
            return new FbsEvent(FBS.Notification.Event.WEBRTCTRANSPORT_ICE_SELECTED_TUPLE_CHANGE,
                    FBS.Notification.Body.WebRtcTransport_IceSelectedTupleChangeNotification,
                    builder -> FBS.WebRtcTransport.IceSelectedTupleChangeNotification
                            .createIceSelectedTupleChangeNotification(builder, FbsTransportDumps.tuple(builder, change.tuple())));
        }
        if (event instanceof TransportEvent.DtlsStateChange change) {
            return new FbsEvent(FBS.Notification.Event.WEBRTCTRANSPORT_DTLS_STATE_CHANGE,
                    FBS.Notification.Body.WebRtcTransport_DtlsStateChangeNotification, builder -> {
                        int remoteCert = change.remoteCert() != null ? builder.createString(change.remoteCert()) : 0;
                        return FBS.WebRtcTransport.DtlsStateChangeNotification.createDtlsStateChangeNotification(builder,
                                FbsTransportDumps.dtlsState(change.dtlsState()), remoteCert);
                    });
        }
        if (event instanceof TransportEvent.SctpStateChange change) {
            return new FbsEvent(FBS.Notification.Event.TRANSPORT_SCTP_STATE_CHANGE,
                    FBS.Notification.Body.Transport_SctpStateChangeNotification,
                    builder -> FBS.Transport.SctpStateChangeNotification.createSctpStateChangeNotification(builder,
                            FbsTransportDumps.sctpState(change.sctpState())));
        }
        if (event instanceof TransportEvent.SctpNegotiatedCapabilities negotiated) {
            return new FbsEvent(FBS.Notification.Event.TRANSPORT_SCTP_NEGOTIATED_CAPABILITIES,
                    FBS.Notification.Body.Transport_SctpNegotiatedCapabilitiesNotification,
                    builder -> FBS.Transport.SctpNegotiatedCapabilitiesNotification
                            .createSctpNegotiatedCapabilitiesNotification(builder,
                                    FBS.SctpAssociation.SctpNegotiatedCapabilities.createSctpNegotiatedCapabilities(builder,
                                            negotiated.negotiatedMaxOutboundStreams(),
                                            negotiated.negotiatedMaxInboundStreams())));
        }
        if (event instanceof TransportEvent.BweTrace bwe) {
            return trace(FBS.Transport.TraceEventType.BWE, bwe.timestamp(), FBS.Transport.TraceInfo.BweTraceInfo,
                    builder -> FBS.Transport.BweTraceInfo.createBweTraceInfo(builder, bwe.desiredBitrate(),
                            bwe.minBitrate(), bwe.maxOutgoingBitrate(), bwe.availableBitrate()));
        }
        if (event instanceof TransportEvent.ProbationTrace probation) {
            return trace(FBS.Transport.TraceEventType.PROBATION, probation.timestamp(),
                    FBS.Transport.TraceInfo.ProbationTraceInfo,
                    builder -> FBS.Transport.ProbationTraceInfo.createProbationTraceInfo(builder,
                            FbsRtpStreams.packet(builder, probation.packet())));
        }
        return null;
    }

    /** A TRANSPORT_TRACE notification; a transport's traces are all of what it sends. */
    private static FbsEvent trace(int type, long timestamp, byte infoType,
            java.util.function.ToIntFunction<FlatBufferBuilder> info) {
        return new FbsEvent(FBS.Notification.Event.TRANSPORT_TRACE, FBS.Notification.Body.Transport_TraceNotification,
                builder -> {
                    int infoOffset = info.applyAsInt(builder);
                    return FBS.Transport.TraceNotification.createTraceNotification(builder, type, timestamp,
                            FBS.Common.TraceDirection.DIRECTION_OUT, infoType, infoOffset);
                });
    }
}
