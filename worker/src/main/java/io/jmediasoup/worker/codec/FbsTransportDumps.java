package io.jmediasoup.worker.codec;

import com.google.flatbuffers.FlatBufferBuilder;
import io.jmediasoup.channel.FbsRequest;
import io.jmediasoup.rtp.dtls.DtlsFingerprint;
import io.jmediasoup.worker.messages.TransportDump;
import io.jmediasoup.worker.net.PortManager.Protocol;
import io.jmediasoup.worker.rtc.IceCandidate;
import io.jmediasoup.worker.rtc.SrtpParameters;
import io.jmediasoup.worker.rtc.TransportTuple;
import java.util.List;
import java.util.Map;

/** A {@link TransportDump} as mediasoup 3.32's FBS.*Transport.DumpResponse and the tables they share. */
final class FbsTransportDumps {
    static final List<String> SCTP_STATES = List.of("new", "connecting", "connected", "failed", "closed");
    static final List<String> TRACE_EVENT_TYPES = List.of("probation", "bwe");
    private static final List<String> ICE_STATES = List.of("new", "connected", "completed", "disconnected");
    private static final List<String> DTLS_STATES = List.of("new", "connecting", "connected", "failed", "closed");
    static final List<String> DTLS_ROLES = List.of("auto", "client", "server");
    static final List<String> FINGERPRINT_ALGORITHMS =
            List.of("sha-1", "sha-224", "sha-256", "sha-384", "sha-512");

    private FbsTransportDumps() {}

    static FbsRequest.FbsBody encode(TransportDump dump) {
        TransportDump.Kind kind = dump.kind();
        if (kind instanceof TransportDump.Plain plain) {
            return new FbsRequest.FbsBody(FBS.Response.Body.PlainTransport_DumpResponse, builder -> {
                int base = base(builder, dump);
                int tuple = tuple(builder, plain.tuple());
                int rtcpTuple = plain.rtcpTuple() != null ? tuple(builder, plain.rtcpTuple()) : 0;
                int srtp = plain.srtpParameters() != null ? srtpParameters(builder, plain.srtpParameters()) : 0;
                return FBS.PlainTransport.DumpResponse.createDumpResponse(builder, base, plain.rtcpMux(), plain.comedia(),
                        tuple, rtcpTuple, srtp);
            });
        }
        if (kind instanceof TransportDump.Pipe pipe) {
            return new FbsRequest.FbsBody(FBS.Response.Body.PipeTransport_DumpResponse, builder -> {
                int base = base(builder, dump);
                int tuple = tuple(builder, pipe.tuple());
                int srtp = pipe.srtpParameters() != null ? srtpParameters(builder, pipe.srtpParameters()) : 0;
                return FBS.PipeTransport.DumpResponse.createDumpResponse(builder, base, tuple, pipe.rtx(), srtp);
            });
        }
        if (kind instanceof TransportDump.WebRtc webRtc) {
            return new FbsRequest.FbsBody(FBS.Response.Body.WebRtcTransport_DumpResponse,
                    builder -> webRtc(builder, dump, webRtc));
        }
        return new FbsRequest.FbsBody(FBS.Response.Body.DirectTransport_DumpResponse,
                builder -> FBS.DirectTransport.DumpResponse.createDumpResponse(builder, base(builder, dump)));
    }

    private static int webRtc(FlatBufferBuilder builder, TransportDump dump, TransportDump.WebRtc webRtc) {
        int base = base(builder, dump);
        int iceParameters = FBS.WebRtcTransport.IceParameters.createIceParameters(builder,
                builder.createString(webRtc.usernameFragment()), builder.createString(webRtc.password()), true);
        int[] candidates = new int[webRtc.iceCandidates().size()];
        for (int i = 0; i < candidates.length; i++) {
            candidates[i] = iceCandidate(builder, webRtc.iceCandidates().get(i));
        }
        int iceCandidates = FBS.WebRtcTransport.DumpResponse.createIceCandidatesVector(builder, candidates);
        int selectedTuple = webRtc.iceSelectedTuple() != null ? tuple(builder, webRtc.iceSelectedTuple()) : 0;
        int dtlsParameters = dtlsParameters(builder, webRtc.fingerprints(), webRtc.dtlsRole());
        FBS.WebRtcTransport.DumpResponse.startDumpResponse(builder);
        FBS.WebRtcTransport.DumpResponse.addBase(builder, base);
        FBS.WebRtcTransport.DumpResponse.addIceRole(builder, FBS.WebRtcTransport.IceRole.CONTROLLED);
        FBS.WebRtcTransport.DumpResponse.addIceParameters(builder, iceParameters);
        FBS.WebRtcTransport.DumpResponse.addIceCandidates(builder, iceCandidates);
        FBS.WebRtcTransport.DumpResponse.addIceState(builder, iceState(webRtc.iceState()));
        if (selectedTuple != 0) {
            FBS.WebRtcTransport.DumpResponse.addIceSelectedTuple(builder, selectedTuple);
        }
        FBS.WebRtcTransport.DumpResponse.addDtlsParameters(builder, dtlsParameters);
        FBS.WebRtcTransport.DumpResponse.addDtlsState(builder, dtlsState(webRtc.dtlsState()));
        return FBS.WebRtcTransport.DumpResponse.endDumpResponse(builder);
    }

    /** The FBS.Transport.Dump every kind's dump starts with. */
    static int base(FlatBufferBuilder builder, TransportDump dump) {
        int id = builder.createString(dump.id());
        int producerIds = strings(builder, dump.producerIds());
        int consumerIds = strings(builder, dump.consumerIds());
        int mapSsrcConsumerId = uint32Strings(builder, dump.mapSsrcConsumerId());
        int mapRtxSsrcConsumerId = uint32Strings(builder, dump.mapRtxSsrcConsumerId());
        int dataProducerIds = strings(builder, dump.dataProducerIds());
        int dataConsumerIds = strings(builder, dump.dataConsumerIds());
        int recvRtpHeaderExtensions = recvRtpHeaderExtensions(builder, dump.recvRtpHeaderExtensions());
        int rtpListener = FBS.Transport.RtpListener.createRtpListener(builder,
                uint32Strings(builder, dump.rtpListener().ssrcTable()), stringStrings(builder, dump.rtpListener().midTable()),
                stringStrings(builder, dump.rtpListener().ridTable()));
        TransportDump.Sctp sctp = dump.sctp();
        int sctpParameters = 0;
        int sctpNegotiated = 0;
        int sctpListener = 0;
        if (sctp != null) {
            sctpParameters = FBS.SctpParameters.SctpParameters.createSctpParameters(builder, sctp.port(),
                    dump.maxSendMessageSize(), dump.maxReceiveMessageSize(), sctp.sendBufferSize(),
                    sctp.perStreamSendQueueLimit(), sctp.maxReceiverWindowBufferSize(), sctp.isDataChannel());
            sctpNegotiated = FBS.SctpAssociation.SctpNegotiatedCapabilities.createSctpNegotiatedCapabilities(builder,
                    sctp.negotiatedOutboundStreams(), sctp.negotiatedInboundStreams());
            int[] streams = new int[sctp.streamIdTable().size()];
            int i = 0;
            for (Map.Entry<Integer, String> entry : sctp.streamIdTable().entrySet()) {
                streams[i++] = FBS.Common.Uint16String.createUint16String(builder, entry.getKey(),
                        builder.createString(entry.getValue()));
            }
            sctpListener = FBS.Transport.SctpListener.createSctpListener(builder, offsets(builder, streams));
        }
        byte[] traceTypes = new byte[dump.traceEventTypes().size()];
        for (int i = 0; i < traceTypes.length; i++) {
            traceTypes[i] = (byte) TRACE_EVENT_TYPES.indexOf(dump.traceEventTypes().get(i));
        }
        int traceEventTypes = FBS.Transport.Dump.createTraceEventTypesVector(builder, traceTypes);
        FBS.Transport.Dump.startDump(builder);
        FBS.Transport.Dump.addId(builder, id);
        FBS.Transport.Dump.addDirect(builder, dump.direct());
        FBS.Transport.Dump.addProducerIds(builder, producerIds);
        FBS.Transport.Dump.addConsumerIds(builder, consumerIds);
        FBS.Transport.Dump.addMapSsrcConsumerId(builder, mapSsrcConsumerId);
        FBS.Transport.Dump.addMapRtxSsrcConsumerId(builder, mapRtxSsrcConsumerId);
        FBS.Transport.Dump.addDataProducerIds(builder, dataProducerIds);
        FBS.Transport.Dump.addDataConsumerIds(builder, dataConsumerIds);
        FBS.Transport.Dump.addRecvRtpHeaderExtensions(builder, recvRtpHeaderExtensions);
        FBS.Transport.Dump.addRtpListener(builder, rtpListener);
        FBS.Transport.Dump.addMaxSendMessageSize(builder, dump.maxSendMessageSize());
        FBS.Transport.Dump.addMaxReceiveMessageSize(builder, dump.maxReceiveMessageSize());
        if (sctp != null) {
            FBS.Transport.Dump.addSctpParameters(builder, sctpParameters);
            optionalByte(builder, 13, sctpState(sctp.state()));
            FBS.Transport.Dump.addSctpNegotiatedCapabilities(builder, sctpNegotiated);
            FBS.Transport.Dump.addSctpListener(builder, sctpListener);
        }
        FBS.Transport.Dump.addTraceEventTypes(builder, traceEventTypes);
        return FBS.Transport.Dump.endDump(builder);
    }

    /** Only the extensions it receives with are present; the others are absent, not 0. */
    private static int recvRtpHeaderExtensions(FlatBufferBuilder builder, Map<String, Integer> ids) {
        FBS.Transport.RecvRtpHeaderExtensions.startRecvRtpHeaderExtensions(builder);
        List<String> names = List.of("mid", "rid", "rrid", "absSendTime", "transportWideCc01");
        for (int slot = 0; slot < names.size(); slot++) {
            Integer id = ids.get(names.get(slot));
            if (id != null) {
                optionalByte(builder, slot, id);
            }
        }
        return FBS.Transport.RecvRtpHeaderExtensions.endRecvRtpHeaderExtensions(builder);
    }

    static int tuple(FlatBufferBuilder builder, TransportTuple tuple) {
        int localAddress = builder.createString(tuple.localIp());
        int remoteIp = tuple.remoteIp() != null ? builder.createString(tuple.remoteIp()) : 0;
        return FBS.Transport.Tuple.createTuple(builder, localAddress, tuple.localPort(), remoteIp, tuple.remotePort(),
                protocol(tuple.protocol()));
    }

    static int protocol(Protocol protocol) {
        return protocol == Protocol.TCP ? FBS.Transport.Protocol.TCP : FBS.Transport.Protocol.UDP;
    }

    static int srtpParameters(FlatBufferBuilder builder, SrtpParameters srtpParameters) {
        int key = builder.createString(srtpParameters.keyBase64());
        int suite = List.of(FBS.SrtpParameters.SrtpCryptoSuite.names).indexOf(srtpParameters.cryptoSuite());
        return FBS.SrtpParameters.SrtpParameters.createSrtpParameters(builder, suite, key);
    }

    /** A host candidate; a TCP one is passive, and says so (the tcpType field is absent for UDP). */
    private static int iceCandidate(FlatBufferBuilder builder, IceCandidate candidate) {
        int foundation = builder.createString(candidate.protocol() == Protocol.UDP ? "udpcandidate" : "tcpcandidate");
        int address = builder.createString(candidate.ip());
        FBS.WebRtcTransport.IceCandidate.startIceCandidate(builder);
        FBS.WebRtcTransport.IceCandidate.addFoundation(builder, foundation);
        FBS.WebRtcTransport.IceCandidate.addPriority(builder, candidate.priority());
        FBS.WebRtcTransport.IceCandidate.addAddress(builder, address);
        FBS.WebRtcTransport.IceCandidate.addProtocol(builder, protocol(candidate.protocol()));
        FBS.WebRtcTransport.IceCandidate.addPort(builder, candidate.port());
        FBS.WebRtcTransport.IceCandidate.addType(builder, FBS.WebRtcTransport.IceCandidateType.HOST);
        if (candidate.protocol() == Protocol.TCP) {
            optionalByte(builder, 6, FBS.WebRtcTransport.IceCandidateTcpType.PASSIVE);
        }
        return FBS.WebRtcTransport.IceCandidate.endIceCandidate(builder);
    }

    private static int dtlsParameters(FlatBufferBuilder builder, List<DtlsFingerprint> fingerprints, String role) {
        int[] entries = new int[fingerprints.size()];
        for (int i = 0; i < entries.length; i++) {
            DtlsFingerprint fingerprint = fingerprints.get(i);
            entries[i] = FBS.WebRtcTransport.Fingerprint.createFingerprint(builder,
                    FINGERPRINT_ALGORITHMS.indexOf(fingerprint.algorithm()), builder.createString(fingerprint.value()));
        }
        return FBS.WebRtcTransport.DtlsParameters.createDtlsParameters(builder,
                FBS.WebRtcTransport.DtlsParameters.createFingerprintsVector(builder, entries), dtlsRole(role));
    }

    static int iceState(String state) {
        return ICE_STATES.indexOf(state);
    }

    static int dtlsState(String state) {
        return DTLS_STATES.indexOf(state);
    }

    static int dtlsRole(String role) {
        return DTLS_ROLES.indexOf(role);
    }

    static int sctpState(String state) {
        return SCTP_STATES.indexOf(state);
    }

    /** A scalar field declared "= null": written even when 0, so that the reader sees it present. */
    static void optionalByte(FlatBufferBuilder builder, int slot, int value) {
        builder.addByte((byte) value);
        builder.slot(slot);
    }

    private static int strings(FlatBufferBuilder builder, List<String> values) {
        int[] offsets = new int[values.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = builder.createString(values.get(i));
        }
        return offsets(builder, offsets);
    }

    private static int uint32Strings(FlatBufferBuilder builder, Map<Long, String> entries) {
        int[] offsets = new int[entries.size()];
        int i = 0;
        for (Map.Entry<Long, String> entry : entries.entrySet()) {
            offsets[i++] = FBS.Common.Uint32String.createUint32String(builder, entry.getKey(),
                    builder.createString(entry.getValue()));
        }
        return offsets(builder, offsets);
    }

    private static int stringStrings(FlatBufferBuilder builder, Map<String, String> entries) {
        int[] offsets = new int[entries.size()];
        int i = 0;
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            offsets[i++] = FBS.Common.StringString.createStringString(builder, builder.createString(entry.getKey()),
                    builder.createString(entry.getValue()));
        }
        return offsets(builder, offsets);
    }

    /** A vector of tables or strings already written. */
    private static int offsets(FlatBufferBuilder builder, int[] offsets) {
        builder.startVector(4, offsets.length, 4);
        for (int i = offsets.length - 1; i >= 0; i--) {
            builder.addOffset(offsets[i]);
        }
        return builder.endVector();
    }
}
