package io.jmediasoup.worker.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.flatbuffers.FlatBufferBuilder;
import io.jmediasoup.channel.FbsMessages;
import io.jmediasoup.channel.FbsRequest;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.messages.RtpPacketDump;
import io.jmediasoup.worker.messages.TransportDump;
import io.jmediasoup.worker.messages.TransportEvent;
import io.jmediasoup.worker.messages.TransportListenInfo;
import io.jmediasoup.worker.messages.TransportOptions;
import io.jmediasoup.worker.messages.TransportRequest;
import io.jmediasoup.worker.messages.TransportStats;
import io.jmediasoup.worker.net.PortManager.Protocol;
import io.jmediasoup.worker.rtc.SrtpParameters;
import io.jmediasoup.worker.rtc.TransportTuple;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** mediasoup 3.32's transport FlatBuffers, decoded and encoded by the transport codecs. */
class FbsTransportCodecTest {
    private final FbsTransportCodec codec = new FbsTransportCodec();

    /** A ListenInfo as the Node library writes it; a null announced address is absent. */
    private static int listenInfo(FlatBufferBuilder builder, int protocol, String ip, String announced, int port,
            int min, int max) {
        int ipOffset = builder.createString(ip);
        int announcedOffset = announced != null ? builder.createString(announced) : 0;
        int range = FBS.Transport.PortRange.createPortRange(builder, min, max);
        int flags = FBS.Transport.SocketFlags.createSocketFlags(builder, false, false);
        FBS.Transport.ListenInfo.startListenInfo(builder);
        FBS.Transport.ListenInfo.addProtocol(builder, protocol);
        FBS.Transport.ListenInfo.addIp(builder, ipOffset);
        if (announcedOffset != 0) {
            FBS.Transport.ListenInfo.addAnnouncedAddress(builder, announcedOffset);
        }
        FBS.Transport.ListenInfo.addPort(builder, port);
        FBS.Transport.ListenInfo.addPortRange(builder, range);
        FBS.Transport.ListenInfo.addFlags(builder, flags);
        return FBS.Transport.ListenInfo.endListenInfo(builder);
    }

    private static int baseOptions(FlatBufferBuilder builder, boolean enableSctp, Long maxIncomingBitrate) {
        FBS.Transport.Options.startOptions(builder);
        FBS.Transport.Options.addEnableSctp(builder, enableSctp);
        FBS.Transport.Options.addMaxSendMessageSize(builder, 262_144);
        FBS.Transport.Options.addMaxReceiveMessageSize(builder, 131_072);
        FBS.Transport.Options.addSctpSendBufferSize(builder, 2_000_000);
        FBS.Transport.Options.addSctpPerStreamSendQueueLimit(builder, 2_000_000);
        FBS.Transport.Options.addSctpMaxReceiverWindowBufferSize(builder, 5_242_880);
        if (maxIncomingBitrate != null) {
            builder.addLong(maxIncomingBitrate);
            builder.slot(3);
        }
        return FBS.Transport.Options.endOptions(builder);
    }

    private static FbsRequest createPlain(int protocol, boolean rtcpMux, boolean enableSrtp, Integer suite) {
        return FbsMessages.request(FBS.Request.Method.ROUTER_CREATE_PLAINTRANSPORT, "r1",
                FBS.Request.Body.Router_CreatePlainTransportRequest, builder -> {
                    int id = builder.createString("t1");
                    int base = baseOptions(builder, true, 1_000_000L);
                    int listen = listenInfo(builder, protocol, "127.0.0.1", "9.9.9.1", 0, 2000, 3000);
                    FBS.PlainTransport.PlainTransportOptions.startPlainTransportOptions(builder);
                    FBS.PlainTransport.PlainTransportOptions.addBase(builder, base);
                    FBS.PlainTransport.PlainTransportOptions.addListenInfo(builder, listen);
                    FBS.PlainTransport.PlainTransportOptions.addRtcpMux(builder, rtcpMux);
                    FBS.PlainTransport.PlainTransportOptions.addEnableSrtp(builder, enableSrtp);
                    if (suite != null) {
                        builder.addByte((byte) (int) suite);
                        builder.slot(6);
                    }
                    int options = FBS.PlainTransport.PlainTransportOptions.endPlainTransportOptions(builder);
                    return FBS.Router.CreatePlainTransportRequest.createCreatePlainTransportRequest(builder, id, options);
                });
    }

    @Test
    void aPlainTransportsOptionsAreTyped() {
        TransportRequest.CreatePlain create = (TransportRequest.CreatePlain) codec.decode(createPlain(
                FBS.Transport.Protocol.UDP, false, true, FBS.SrtpParameters.SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_32));
        assertEquals("r1", create.handlerId());
        assertEquals("t1", create.transportId());
        TransportOptions.Plain options = create.options();
        TransportListenInfo listen = options.listenInfo();
        assertEquals(Protocol.UDP, listen.protocol());
        assertEquals("127.0.0.1", listen.ip());
        assertEquals("9.9.9.1", listen.announced());
        assertEquals(2000, listen.portRangeMin());
        assertEquals(3000, listen.portRangeMax());
        // Without rtcpListenInfo, RTCP listens where RTP does.
        assertEquals(listen, options.rtcpListenInfo());
        assertFalse(options.rtcpMux());
        assertEquals("AES_CM_128_HMAC_SHA1_32", options.srtpCryptoSuite());
        assertEquals(1_000_000L, options.base().maxIncomingBitrate());
        assertNull(options.base().maxOutgoingBitrate());
        assertEquals(262_144, options.base().maxSendMessageSize());
        assertEquals(131_072, options.base().sctp().maxMessageSize());
        assertEquals(2_000_000, options.base().sctp().sendBufferSize());
    }

    static Stream<Arguments> invalidPlainOptions() {
        return Stream.of(
                Arguments.of(FBS.Transport.Protocol.TCP, false, null, "unsupported listen protocol"),
                Arguments.of(FBS.Transport.Protocol.UDP, true, null, "missing srtpCryptoSuite"));
    }

    @ParameterizedTest
    @MethodSource("invalidPlainOptions")
    void invalidPlainOptionsAreTypeErrors(int protocol, boolean enableSrtp, Integer suite, String reason) {
        MediasoupTypeError error = assertThrows(MediasoupTypeError.class,
                () -> codec.decode(createPlain(protocol, true, enableSrtp, suite)));
        assertEquals(reason, error.getMessage());
    }

    @Test
    void eachWebRtcListenInfoIsAHundredBelowTheOneBefore() {
        FbsRequest request = createWebRtc(null);
        TransportOptions.WebRtc options = ((TransportRequest.CreateWebRtc) codec.decode(request)).options();
        assertEquals(2, options.listens().size());
        assertEquals(Protocol.UDP, options.listens().get(0).listenInfo().protocol());
        assertEquals(10_000, options.listens().get(0).iceLocalPreference());
        assertEquals(Protocol.TCP, options.listens().get(1).listenInfo().protocol());
        assertEquals(4443, options.listens().get(1).listenInfo().port());
        assertEquals(9_900, options.listens().get(1).iceLocalPreference());
        assertNull(options.base().sctp());
    }

    static Stream<Arguments> iceConsentTimeouts() {
        return Stream.of(Arguments.of(null, 30), Arguments.of(0, 0), Arguments.of(5, 5), Arguments.of(255, 255));
    }

    /** The agent as 3.32.2 makes it: 32-character fragments, renomination, the schema's default consent timeout. */
    @ParameterizedTest(name = "iceConsentTimeout {0}")
    @MethodSource("iceConsentTimeouts")
    void aWebRtcTransportTakesTheIceOptionsOf332(Integer iceConsentTimeout, int expected) {
        TransportOptions.Ice ice =
                ((TransportRequest.CreateWebRtc) codec.decode(createWebRtc(iceConsentTimeout))).options().ice();
        assertEquals(new TransportOptions.Ice(32, true, expected), ice);
    }

    private static FbsRequest createWebRtc(Integer iceConsentTimeout) {
        return FbsMessages.request(FBS.Request.Method.ROUTER_CREATE_WEBRTCTRANSPORT, "r1",
                FBS.Request.Body.Router_CreateWebRtcTransportRequest, builder -> {
                    int id = builder.createString("t1");
                    int base = baseOptions(builder, false, null);
                    int udp = listenInfo(builder, FBS.Transport.Protocol.UDP, "127.0.0.1", null, 0, 0, 0);
                    int tcp = listenInfo(builder, FBS.Transport.Protocol.TCP, "127.0.0.1", null, 4443, 0, 0);
                    int infos = FBS.WebRtcTransport.ListenIndividual.createListenInfosVector(builder, new int[] {udp, tcp});
                    int listen = FBS.WebRtcTransport.ListenIndividual.createListenIndividual(builder, infos);
                    FBS.WebRtcTransport.WebRtcTransportOptions.startWebRtcTransportOptions(builder);
                    FBS.WebRtcTransport.WebRtcTransportOptions.addBase(builder, base);
                    FBS.WebRtcTransport.WebRtcTransportOptions.addListenType(builder,
                            FBS.WebRtcTransport.Listen.ListenIndividual);
                    FBS.WebRtcTransport.WebRtcTransportOptions.addListen(builder, listen);
                    if (iceConsentTimeout != null) {
                        FBS.WebRtcTransport.WebRtcTransportOptions.addIceConsentTimeout(builder, iceConsentTimeout);
                    }
                    int options = FBS.WebRtcTransport.WebRtcTransportOptions.endWebRtcTransportOptions(builder);
                    return FBS.Router.CreateWebRtcTransportRequest.createCreateWebRtcTransportRequest(builder, id, options);
                });
    }

    @Test
    void aWebRtcConnectTakesTheFirstFingerprintAndRefusesNone() {
        FbsRequest request = webRtcConnect(new String[] {"AB:CD"}, FBS.WebRtcTransport.DtlsRole.CLIENT);
        TransportRequest.ConnectWebRtc connect = (TransportRequest.ConnectWebRtc) codec.decode(request);
        assertEquals("sha-256", connect.fingerprint().algorithm());
        assertEquals("AB:CD", connect.fingerprint().value());
        assertEquals("client", connect.role());
        MediasoupTypeError error = assertThrows(MediasoupTypeError.class,
                () -> codec.decode(webRtcConnect(new String[0], FBS.WebRtcTransport.DtlsRole.AUTO)));
        assertEquals("empty dtlsParameters.fingerprints array", error.getMessage());
    }

    private static FbsRequest webRtcConnect(String[] values, int role) {
        return FbsMessages.request(FBS.Request.Method.WEBRTCTRANSPORT_CONNECT, "t1",
                FBS.Request.Body.WebRtcTransport_ConnectRequest, builder -> {
                    int[] fingerprints = new int[values.length];
                    for (int i = 0; i < values.length; i++) {
                        fingerprints[i] = FBS.WebRtcTransport.Fingerprint.createFingerprint(builder,
                                FBS.WebRtcTransport.FingerprintAlgorithm.SHA256, builder.createString(values[i]));
                    }
                    int parameters = FBS.WebRtcTransport.DtlsParameters.createDtlsParameters(builder,
                            FBS.WebRtcTransport.DtlsParameters.createFingerprintsVector(builder, fingerprints), role);
                    return FBS.WebRtcTransport.ConnectRequest.createConnectRequest(builder, parameters);
                });
    }

    @Test
    void aPlainConnectKeepsWhatIsAbsentNull() {
        FbsRequest request = FbsMessages.request(FBS.Request.Method.PLAINTRANSPORT_CONNECT, "t1",
                FBS.Request.Body.PlainTransport_ConnectRequest, builder -> {
                    int ip = builder.createString("1.2.3.4");
                    FBS.PlainTransport.ConnectRequest.startConnectRequest(builder);
                    FBS.PlainTransport.ConnectRequest.addIp(builder, ip);
                    builder.addShort((short) 0);
                    builder.slot(1);
                    return FBS.PlainTransport.ConnectRequest.endConnectRequest(builder);
                });
        TransportRequest.ConnectUdp connect = (TransportRequest.ConnectUdp) codec.decode(request);
        assertEquals("1.2.3.4", connect.ip());
        assertEquals(0L, connect.port());
        assertNull(connect.rtcpPort());
        assertNull(connect.srtpParameters());
    }

    @Test
    void bitratesAboveTheWorkersMaximumAreClamped() {
        FbsRequest request = FbsMessages.request(FBS.Request.Method.TRANSPORT_SET_MIN_OUTGOING_BITRATE, "t1",
                FBS.Request.Body.Transport_SetMinOutgoingBitrateRequest,
                builder -> FBS.Transport.SetMinOutgoingBitrateRequest.createSetMinOutgoingBitrateRequest(builder,
                        5_000_000_000L));
        assertEquals(1_000_000_000L, ((TransportRequest.SetMinOutgoingBitrate) codec.decode(request)).bitrate());
    }

    private static final TransportTuple TUPLE = new TransportTuple("9.9.9.1", 2000, null, 0, Protocol.UDP);

    private static TransportDump plainDump(TransportDump.Sctp sctp, Map<String, Integer> extensions) {
        return new TransportDump("t1", false, List.of("p1"), List.of(), Map.of(1111L, "c1"), Map.of(), List.of(),
                List.of(), extensions, new TransportDump.RtpListener(Map.of(1234L, "p1"), Map.of("0", "p1"), Map.of()),
                262_144, 262_144, 131_072, sctp, List.of("bwe"),
                new TransportDump.Plain(true, false, TUPLE, null,
                        new SrtpParameters("AES_CM_128_HMAC_SHA1_80", "a2V5")));
    }

    @Test
    void aPlainDumpReadsBackAsTheLibraryReadsIt() {
        TransportDump.Sctp sctp = new TransportDump.Sctp(5000, 65_535, 65_535, 131_072, 2_000_000, 2_000_000,
                5_242_880, 0, false, 0, 0, "new", Map.of(3, "dp1"));
        FbsRequest.FbsBody body = codec.encode(plainDump(sctp, Map.of("mid", 0)));
        assertEquals(FBS.Response.Body.PlainTransport_DumpResponse, body.type());
        FBS.PlainTransport.DumpResponse dump =
                FBS.PlainTransport.DumpResponse.getRootAsDumpResponse(FbsMessages.finish(body.writer()));
        assertTrue(dump.rtcpMux());
        assertEquals("9.9.9.1", dump.tuple().localAddress());
        assertEquals(2000, dump.tuple().localPort());
        assertNull(dump.tuple().remoteIp());
        assertNull(dump.rtcpTuple());
        assertEquals(FBS.SrtpParameters.SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80, dump.srtpParameters().cryptoSuite());
        FBS.Transport.Dump base = dump.base();
        assertEquals("t1", base.id());
        assertEquals("p1", base.producerIds(0));
        assertEquals(1111L, base.mapSsrcConsumerId(0).key());
        assertEquals("p1", base.rtpListener().midTable(0).value());
        // The mid extension id 0 is present; those not negotiated are absent, not 0.
        assertTrue(base.recvRtpHeaderExtensions().hasMid());
        assertFalse(base.recvRtpHeaderExtensions().hasRid());
        assertEquals(131_072, base.maxReceiveMessageSize());
        assertEquals(131_072, base.sctpParameters().maxReceiveMessageSize());
        assertEquals(5_242_880, base.sctpParameters().maxReceiverWindowBufferSize());
        assertTrue(base.hasSctpState());
        assertEquals(FBS.SctpAssociation.SctpState.NEW, base.sctpState());
        assertEquals(3, base.sctpListener().streamIdTable(0).key());
        // Nothing negotiated yet: both 0, present.
        assertEquals(0, base.sctpNegotiatedCapabilities().negotiatedMaxOutboundStreams());
        assertEquals(FBS.Transport.TraceEventType.BWE, base.traceEventTypes(0));
    }

    @Test
    void withoutSctpTheDumpHasNoSctpState() {
        FBS.PlainTransport.DumpResponse dump = FBS.PlainTransport.DumpResponse.getRootAsDumpResponse(
                FbsMessages.finish(codec.encode(plainDump(null, Map.of())).writer()));
        assertFalse(dump.base().hasSctpState());
        assertNull(dump.base().sctpParameters());
    }

    private static TransportStats stats(boolean sendsWithBwe, Long minOutgoingBitrate) {
        return stats(sendsWithBwe, minOutgoingBitrate, null);
    }

    private static TransportStats stats(boolean sendsWithBwe, Long minOutgoingBitrate, Long roundTripTime) {
        return new TransportStats("t1", 1000, null, 10, 80, 20, 160, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false,
                sendsWithBwe, sendsWithBwe ? 600_000L : null, null, null, null, minOutgoingBitrate, null, null,
                roundTripTime, new TransportStats.WebRtc("completed", TUPLE, "connected"));
    }

    /** roundTripTime is there once known, 0 included, and absent before, as 3.32.2's. */
    @ParameterizedTest
    @CsvSource(value = {"null", "0", "45"}, nullValues = "null")
    void theRoundTripTimeIsReportedOnceKnown(Long roundTripTime) {
        FBS.Transport.Stats base = FBS.WebRtcTransport.GetStatsResponse.getRootAsGetStatsResponse(
                FbsMessages.finish(codec.encode(stats(false, null, roundTripTime)).writer())).base();
        assertEquals(roundTripTime != null, base.hasRoundTripTime());
        if (roundTripTime != null) {
            assertEquals(roundTripTime.floatValue(), base.roundTripTime());
        }
    }

    @Test
    void theOutgoingLimitsAreReportedOnlyWhileSendingWithBwe() {
        FBS.WebRtcTransport.GetStatsResponse without = FBS.WebRtcTransport.GetStatsResponse.getRootAsGetStatsResponse(
                FbsMessages.finish(codec.encode(stats(false, null)).writer()));
        assertFalse(without.base().hasMaxOutgoingBitrate());
        assertFalse(without.base().hasAvailableOutgoingBitrate());
        assertFalse(without.base().hasMaxIncomingBitrate());
        assertEquals(FBS.WebRtcTransport.IceState.COMPLETED, without.iceState());
        assertEquals(FBS.WebRtcTransport.DtlsState.CONNECTED, without.dtlsState());
        assertEquals(80, without.base().recvBitrate());
        FBS.WebRtcTransport.GetStatsResponse with = FBS.WebRtcTransport.GetStatsResponse.getRootAsGetStatsResponse(
                FbsMessages.finish(codec.encode(stats(true, 200_000L)).writer()));
        assertEquals(600_000, with.base().availableOutgoingBitrate());
        assertEquals(1_000_000_000, with.base().maxOutgoingBitrate());
        assertEquals(200_000, with.base().minOutgoingBitrate());
    }

    private final FbsTransportEventCodec events = new FbsTransportEventCodec();

    @Test
    void aDtlsStateChangeCarriesTheRemoteCertificateOnlyWhenGiven() {
        FbsEventCodec.FbsEvent event = events.encode(new TransportEvent.DtlsStateChange("connecting", null), null);
        assertEquals(FBS.Notification.Event.WEBRTCTRANSPORT_DTLS_STATE_CHANGE, event.event());
        assertEquals(FBS.Notification.Body.WebRtcTransport_DtlsStateChangeNotification, event.bodyType());
        FBS.WebRtcTransport.DtlsStateChangeNotification change = FBS.WebRtcTransport.DtlsStateChangeNotification
                .getRootAsDtlsStateChangeNotification(FbsMessages.finish(event.body()));
        assertEquals(FBS.WebRtcTransport.DtlsState.CONNECTING, change.dtlsState());
        assertNull(change.remoteCert());
    }

    @Test
    void theNegotiatedSctpCapabilitiesCarryTheStreamsEachWay() {
        FbsEventCodec.FbsEvent event = events.encode(new TransportEvent.SctpNegotiatedCapabilities(1024, 65535), null);
        assertEquals(FBS.Notification.Event.TRANSPORT_SCTP_NEGOTIATED_CAPABILITIES, event.event());
        assertEquals(FBS.Notification.Body.Transport_SctpNegotiatedCapabilitiesNotification, event.bodyType());
        FBS.SctpAssociation.SctpNegotiatedCapabilities capabilities = FBS.Transport.SctpNegotiatedCapabilitiesNotification
                .getRootAsSctpNegotiatedCapabilitiesNotification(FbsMessages.finish(event.body())).negotiatedCapabilities();
        assertEquals(1024, capabilities.negotiatedMaxOutboundStreams());
        assertEquals(65535, capabilities.negotiatedMaxInboundStreams());
    }

    @Test
    void aProbationTraceCarriesThePacketDump() {
        RtpPacketDump packet = new RtpPacketDump(127, 5, 9000, false, 1234, false, 1200, 1180, 0, 0, null, null, null, 0);
        FbsEventCodec.FbsEvent event = events.encode(new TransportEvent.ProbationTrace(77, packet), null);
        assertEquals(FBS.Notification.Event.TRANSPORT_TRACE, event.event());
        FBS.Transport.TraceNotification trace =
                FBS.Transport.TraceNotification.getRootAsTraceNotification(FbsMessages.finish(event.body()));
        assertEquals(FBS.Transport.TraceEventType.PROBATION, trace.type());
        assertEquals(77, trace.timestamp());
        assertEquals(FBS.Common.TraceDirection.DIRECTION_OUT, trace.direction());
        assertEquals(FBS.Transport.TraceInfo.ProbationTraceInfo, trace.infoType());
        FBS.Transport.ProbationTraceInfo info =
                (FBS.Transport.ProbationTraceInfo) trace.info(new FBS.Transport.ProbationTraceInfo());
        assertEquals(1234, info.rtpPacket().ssrc());
        assertEquals(1180, info.rtpPacket().payloadSize());
        assertNull(info.rtpPacket().mid());
        // A wide sequence number of 0 is present.
        assertTrue(info.rtpPacket().hasWideSequenceNumber());
    }
}
