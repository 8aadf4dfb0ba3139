package io.jmediasoup.worker.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.flatbuffers.FlatBufferBuilder;
import io.jmediasoup.channel.FbsRequest;
import io.jmediasoup.channel.FbsTestFrames;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.messages.ConsumerEvent;
import io.jmediasoup.worker.messages.ConsumerLayers;
import io.jmediasoup.worker.messages.ConsumerRequest;
import io.jmediasoup.worker.messages.ConsumerResponse;
import io.jmediasoup.worker.messages.ConsumerScore;
import io.jmediasoup.worker.messages.MediaNotification;
import io.jmediasoup.worker.messages.ProducerEvent;
import io.jmediasoup.worker.messages.ProducerRequest;
import io.jmediasoup.worker.messages.ProducerResponse;
import io.jmediasoup.worker.messages.RtpObserverEvent;
import io.jmediasoup.worker.messages.RtpStreamDump;
import io.jmediasoup.worker.messages.RtpStreamStats;
import io.jmediasoup.worker.messages.TransportMediaRequest;
import io.jmediasoup.worker.rtc.params.LayeredCodecs;
import io.jmediasoup.worker.rtc.params.MediaKind;
import io.jmediasoup.worker.rtc.params.RtpEncodingParameters;
import io.jmediasoup.worker.rtc.params.RtpParameters;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The 3.32 codecs of producers, consumers and RTP observers: FBS requests in, typed values out, and back. */
class FbsMediaCodecsTest {
    private static final String MID_URI = "urn:ietf:params:rtp-hdrext:sdes:mid";

    /** A VP8 producer's parameters with RTX, a mid header extension and one encoding, with {@code cname}. */
    private static int rtpParameters(FlatBufferBuilder builder, String cname, int rtxPayloadType) {
        return rtpParameters(builder, cname, rtxPayloadType, "video/VP8");
    }

    /** The same with its media codec's MIME type {@code mimeType}. */
    private static int rtpParameters(FlatBufferBuilder builder, String cname, int rtxPayloadType, String mimeType) {
        int aptName = builder.createString("apt");
        int apt = FBS.RtpParameters.Integer32.createInteger32(builder, 101);
        int aptParameter = FBS.RtpParameters.Parameter.createParameter(builder, aptName,
                FBS.RtpParameters.Value.Integer32, apt);
        int modeName = builder.createString("x-google-start-bitrate");
        int mode = FBS.RtpParameters.Integer32.createInteger32(builder, 1000);
        int modeParameter = FBS.RtpParameters.Parameter.createParameter(builder, modeName,
                FBS.RtpParameters.Value.Integer32, mode);
        int nack = FBS.RtpParameters.RtcpFeedback.createRtcpFeedback(builder, builder.createString("nack"), 0);
        int vp8 = FBS.RtpParameters.RtpCodecParameters.createRtpCodecParameters(builder, builder.createString(mimeType),
                101, 90000, 0,
                FBS.RtpParameters.RtpCodecParameters.createParametersVector(builder, new int[] {modeParameter}),
                FBS.RtpParameters.RtpCodecParameters.createRtcpFeedbackVector(builder, new int[] {nack}));
        int rtx = FBS.RtpParameters.RtpCodecParameters.createRtpCodecParameters(builder, builder.createString("video/rtx"),
                rtxPayloadType, 90000, 0,
                FBS.RtpParameters.RtpCodecParameters.createParametersVector(builder, new int[] {aptParameter}), 0);
        int codecs = FBS.RtpParameters.RtpParameters.createCodecsVector(builder, new int[] {vp8, rtx});
        int midExtension = FBS.RtpParameters.RtpHeaderExtensionParameters.createRtpHeaderExtensionParameters(builder,
                (byte) FBS.RtpParameters.RtpHeaderExtensionUri.Mid, 1, false, 0);
        int extensions = FBS.RtpParameters.RtpParameters.createHeaderExtensionsVector(builder, new int[] {midExtension});
        int rtxOffset = FBS.RtpParameters.Rtx.createRtx(builder, 2222);
        int modeOffset = builder.createString("L1T3");
        FBS.RtpParameters.RtpEncodingParameters.startRtpEncodingParameters(builder);
        FBS.RtpParameters.RtpEncodingParameters.addSsrc(builder, 1111);
        FBS.RtpParameters.RtpEncodingParameters.addRtx(builder, rtxOffset);
        FBS.RtpParameters.RtpEncodingParameters.addScalabilityMode(builder, modeOffset);
        FBS.RtpParameters.RtpEncodingParameters.addMaxBitrate(builder, 500_000);
        int encoding = FBS.RtpParameters.RtpEncodingParameters.endRtpEncodingParameters(builder);
        int encodings = FBS.RtpParameters.RtpParameters.createEncodingsVector(builder, new int[] {encoding});
        int rtcp = FBS.RtpParameters.RtcpParameters.createRtcpParameters(builder,
                cname != null ? builder.createString(cname) : 0, true);
        return FBS.RtpParameters.RtpParameters.createRtpParameters(builder, builder.createString("0"), codecs,
                extensions, encodings, rtcp, 0);
    }

    private static int rtpMapping(FlatBufferBuilder builder, long mappedSsrc) {
        int codec = FBS.RtpParameters.CodecMapping.createCodecMapping(builder, 101, 100);
        FBS.RtpParameters.EncodingMapping.startEncodingMapping(builder);
        FBS.RtpParameters.EncodingMapping.addSsrc(builder, 1111);
        FBS.RtpParameters.EncodingMapping.addMappedSsrc(builder, mappedSsrc);
        int encoding = FBS.RtpParameters.EncodingMapping.endEncodingMapping(builder);
        return FBS.RtpParameters.RtpMapping.createRtpMapping(builder,
                FBS.RtpParameters.RtpMapping.createCodecsVector(builder, new int[] {codec}),
                FBS.RtpParameters.RtpMapping.createEncodingsVector(builder, new int[] {encoding}));
    }

    private static FbsRequest produce(String cname, int rtxPayloadType, long mappedSsrc) {
        return produce(cname, rtxPayloadType, mappedSsrc, "video/VP8");
    }

    private static FbsRequest produce(String cname, int rtxPayloadType, long mappedSsrc, String mimeType) {
        return FbsTestFrames.request(FBS.Request.Method.TRANSPORT_PRODUCE, "t1", FBS.Request.Body.Transport_ProduceRequest,
                builder -> {
                    int producerId = builder.createString("p1");
                    int parameters = rtpParameters(builder, cname, rtxPayloadType, mimeType);
                    int mapping = rtpMapping(builder, mappedSsrc);
                    return FBS.Transport.ProduceRequest.createProduceRequest(builder, producerId,
                            FBS.RtpParameters.MediaKind.VIDEO, parameters, mapping, true, 3000, false);
                });
    }

    @Test
    void decodesAProduceRequestIntoOurParams() {
        TransportMediaRequest.Produce produce = (TransportMediaRequest.Produce) new FbsProducerCodec()
                .decode(produce("cname1", 102, 5555));
        assertEquals("t1", produce.handlerId());
        assertEquals("p1", produce.producerId());
        assertEquals(MediaKind.VIDEO, produce.kind());
        assertTrue(produce.paused());
        assertEquals(3000, produce.keyFrameRequestDelay());
        RtpParameters parameters = produce.rtpParameters();
        assertEquals("0", parameters.mid());
        assertEquals("video/VP8", parameters.codecs().get(0).mimeType().toString());
        assertEquals(Map.of("x-google-start-bitrate", 1000L), parameters.codecs().get(0).parameters().values());
        assertEquals("nack", parameters.codecs().get(0).rtcpFeedback().get(0).type());
        assertEquals(101, parameters.codecs().get(1).parameters().integer("apt"));
        assertEquals(MID_URI, parameters.headerExtensions().get(0).uri());
        RtpEncodingParameters encoding = parameters.encodings().get(0);
        assertEquals(1111, encoding.ssrc());
        assertEquals(2222, encoding.rtxSsrc());
        assertEquals(101, encoding.codecPayloadType(), "the first media codec, as no payload type was given");
        assertEquals(1, encoding.spatialLayers());
        assertEquals(3, encoding.temporalLayers());
        assertEquals(500_000, encoding.maxBitrate());
        assertEquals(RtpParameters.Type.SVC, produce.layeredCodecs().typeOf(parameters),
                "3.32 forwards the temporal layers of one VP8 encoding as SVC");
        assertEquals("cname1", parameters.rtcp().cname());
        assertEquals(Map.of(101, 100), produce.rtpMapping().codecs());
        assertEquals(5555, produce.rtpMapping().encodings().get(0).mappedSsrc());
    }

    static Stream<Arguments> wrongProduceRequests() {
        return Stream.of(
                Arguments.of(produce(null, 102, 5555), "missing cname"),
                Arguments.of(produce("", 102, 5555), "empty cname"),
                Arguments.of(produce("c", 101, 5555), "duplicated payloadType"),
                Arguments.of(produce("c", 102, 0), "wrong entry in rtpMapping.encodings (missing mappedSsrc)"),
                // Codecs 3.32.2's worker no longer knows.
                Arguments.of(produce("c", 102, 5555, "video/H265"), "unknown codec MIME subtype 'h265'"),
                Arguments.of(produce("c", 102, 5555, "video/X-H264UC"), "unknown codec MIME subtype 'x-h264uc'"));
    }

    @ParameterizedTest
    @MethodSource("wrongProduceRequests")
    void refusesWrongProduceRequestsWithTheWorkersText(FbsRequest request, String message) {
        MediasoupTypeError error = assertThrows(MediasoupTypeError.class, () -> new FbsProducerCodec().decode(request));
        assertEquals(message, error.getMessage());
    }

    static Stream<Arguments> requestsWithoutBody() {
        return Stream.of(
                Arguments.of(FBS.Request.Method.PRODUCER_DUMP, ProducerRequest.Dump.class),
                Arguments.of(FBS.Request.Method.PRODUCER_GET_STATS, ProducerRequest.GetStats.class),
                Arguments.of(FBS.Request.Method.PRODUCER_PAUSE, ProducerRequest.Pause.class),
                Arguments.of(FBS.Request.Method.PRODUCER_RESUME, ProducerRequest.Resume.class),
                Arguments.of(FBS.Request.Method.CONSUMER_DUMP, ConsumerRequest.Dump.class),
                Arguments.of(FBS.Request.Method.CONSUMER_GET_STATS, ConsumerRequest.GetStats.class),
                Arguments.of(FBS.Request.Method.CONSUMER_PAUSE, ConsumerRequest.Pause.class),
                Arguments.of(FBS.Request.Method.CONSUMER_RESUME, ConsumerRequest.Resume.class),
                Arguments.of(FBS.Request.Method.CONSUMER_REQUEST_KEY_FRAME, ConsumerRequest.RequestKeyFrame.class));
    }

    @ParameterizedTest
    @MethodSource("requestsWithoutBody")
    void decodesRequestsWithoutBodyForTheEntityTheyName(int method, Class<?> type) {
        FbsRequest request = FbsTestFrames.request(method, "e1", FBS.Request.Body.NONE, null);
        Object decoded = new FbsProducerCodec().decode(request);
        if (decoded == null) {
            decoded = new FbsConsumerCodec().decode(request);
        }
        assertInstanceOf(type, decoded);
        assertEquals("e1", ((io.jmediasoup.worker.messages.ChannelRequest) decoded).handlerId());
    }

    /** ignoreDtx as 3.32's request carries it; the era's layered codecs come along. */
    @ParameterizedTest
    @CsvSource({"true", "false"})
    void decodesAConsumeRequestWithItsIgnoreDtx(boolean ignoreDtx) {
        FbsRequest request = FbsTestFrames.request(FBS.Request.Method.TRANSPORT_CONSUME, "t1",
                FBS.Request.Body.Transport_ConsumeRequest, builder -> {
                    int consumerId = builder.createString("c1");
                    int producerId = builder.createString("p1");
                    int parameters = rtpParameters(builder, "cname1", 102);
                    FBS.RtpParameters.RtpEncodingParameters.startRtpEncodingParameters(builder);
                    FBS.RtpParameters.RtpEncodingParameters.addSsrc(builder, 1111);
                    int encoding = FBS.RtpParameters.RtpEncodingParameters.endRtpEncodingParameters(builder);
                    int encodings = FBS.Transport.ConsumeRequest.createConsumableRtpEncodingsVector(builder,
                            new int[] {encoding});
                    FBS.Transport.ConsumeRequest.startConsumeRequest(builder);
                    FBS.Transport.ConsumeRequest.addConsumerId(builder, consumerId);
                    FBS.Transport.ConsumeRequest.addProducerId(builder, producerId);
                    FBS.Transport.ConsumeRequest.addKind(builder, FBS.RtpParameters.MediaKind.VIDEO);
                    FBS.Transport.ConsumeRequest.addRtpParameters(builder, parameters);
                    FBS.Transport.ConsumeRequest.addType(builder, FBS.RtpParameters.Type.SIMPLE);
                    FBS.Transport.ConsumeRequest.addConsumableRtpEncodings(builder, encodings);
                    FBS.Transport.ConsumeRequest.addIgnoreDtx(builder, ignoreDtx);
                    return FBS.Transport.ConsumeRequest.endConsumeRequest(builder);
                });
        TransportMediaRequest.Consume consume = (TransportMediaRequest.Consume) new FbsConsumerCodec().decode(request);
        assertEquals("c1", consume.consumerId());
        assertEquals(ignoreDtx, consume.ignoreDtx());
        assertEquals(LayeredCodecs.MEDIASOUP_3_32, consume.layeredCodecs());
    }

    @Test
    void decodesTraceEventTypesAndPreferredLayers() {
        FbsRequest trace = FbsTestFrames.request(FBS.Request.Method.CONSUMER_ENABLE_TRACE_EVENT, "c1",
                FBS.Request.Body.Consumer_EnableTraceEventRequest, builder ->
                        FBS.Consumer.EnableTraceEventRequest.createEnableTraceEventRequest(builder,
                                FBS.Consumer.EnableTraceEventRequest.createEventsVector(builder,
                                        new byte[] {FBS.Consumer.TraceEventType.RTP, FBS.Consumer.TraceEventType.PLI})));
        assertEquals(List.of("rtp", "pli"), ((ConsumerRequest.EnableTraceEvent) new FbsConsumerCodec().decode(trace)).types());
        FbsRequest layers = FbsTestFrames.request(FBS.Request.Method.CONSUMER_SET_PREFERRED_LAYERS, "c1",
                FBS.Request.Body.Consumer_SetPreferredLayersRequest, builder -> {
                    FBS.Consumer.ConsumerLayers.startConsumerLayers(builder);
                    FBS.Consumer.ConsumerLayers.addSpatialLayer(builder, 2);
                    int preferred = FBS.Consumer.ConsumerLayers.endConsumerLayers(builder);
                    return FBS.Consumer.SetPreferredLayersRequest.createSetPreferredLayersRequest(builder, preferred);
                });
        assertEquals(new ConsumerLayers(2, null),
                ((ConsumerRequest.SetPreferredLayers) new FbsConsumerCodec().decode(layers)).preferredLayers());
    }

    @Test
    void encodesAConsumeAnswerWithATemporalLayerZero() {
        FbsRequest.FbsBody body = new FbsConsumerCodec().encode(new ConsumerResponse.Consumed(false, true,
                new ConsumerScore(10, 7, List.of(7, 0)), new ConsumerLayers(1, 0)));
        assertEquals(FBS.Response.Body.Transport_ConsumeResponse, body.type());
        FBS.Transport.ConsumeResponse response = FBS.Transport.ConsumeResponse.getRootAsConsumeResponse(
                FbsTestFrames.written(body.writer()));
        assertFalse(response.paused());
        assertTrue(response.producerPaused());
        assertEquals(10, response.score().score());
        assertEquals(7, response.score().producerScore());
        assertEquals(2, response.score().producerScoresLength());
        assertEquals(1, response.preferredLayers().spatialLayer());
        assertTrue(response.preferredLayers().hasTemporalLayer(), "0 is a layer, not its absence");
        assertEquals(0, response.preferredLayers().temporalLayer());
    }

    @Test
    void encodesAProducerDumpThatReadsBackAsGiven() {
        TransportMediaRequest.Produce produce = (TransportMediaRequest.Produce) new FbsProducerCodec()
                .decode(produce("cname1", 102, 5555));
        RtpStreamDump stream = new RtpStreamDump(0, 1111, 101, "video/VP8", 90000, "", "cname1", 2222, 102, true,
                false, false, false, false, 1, 3, 10);
        FbsRequest.FbsBody body = new FbsProducerCodec().encode(new ProducerResponse.Dump("p1", MediaKind.VIDEO,
                produce.rtpParameters(), RtpParameters.Type.SVC, produce.rtpMapping(), List.of(stream),
                List.of("rtp", "keyframe"), true));
        FBS.Producer.DumpResponse dump = FBS.Producer.DumpResponse.getRootAsDumpResponse(
                FbsTestFrames.written(body.writer()));
        assertEquals("p1", dump.id());
        assertEquals(FBS.RtpParameters.Type.SVC, dump.type());
        assertEquals(FBS.RtpParameters.MediaKind.VIDEO, dump.kind());
        FBS.RtpParameters.RtpEncodingParameters encoding = dump.rtpParameters().encodings(0);
        assertEquals(1111, encoding.ssrc());
        assertTrue(encoding.hasCodecPayloadType());
        assertEquals(101, encoding.codecPayloadType());
        assertEquals(2222, encoding.rtx().ssrc());
        assertEquals("L1T3", encoding.scalabilityMode());
        assertEquals("video/VP8", dump.rtpParameters().codecs(0).mimeType());
        assertEquals("x-google-start-bitrate", dump.rtpParameters().codecs(0).parameters(0).name());
        assertEquals(FBS.RtpParameters.RtpHeaderExtensionUri.Mid, dump.rtpParameters().headerExtensions(0).uri());
        assertEquals("cname1", dump.rtpParameters().rtcp().cname());
        assertEquals(100, dump.rtpMapping().codecs(0).mappedPayloadType());
        assertEquals(5555, dump.rtpMapping().encodings(0).mappedSsrc());
        assertEquals(2, dump.traceEventTypesLength());
        assertEquals(FBS.Producer.TraceEventType.RTP, dump.traceEventTypes(0));
        assertEquals(FBS.Producer.TraceEventType.KEYFRAME, dump.traceEventTypes(1));
        FBS.RtpStream.Dump streamDump = dump.rtpStreams(0);
        assertEquals(10, streamDump.score());
        assertEquals(102, streamDump.params().rtxPayloadType());
        assertEquals("video/rtx", streamDump.rtxStream().params().mimeType());
        assertTrue(dump.paused());
    }

    @Test
    void encodesStatsOfBothDirections() {
        RtpStreamStats inbound = new RtpStreamStats(true, 1, 1111, "video", "video/VP8", 3, 12, 40, 0, 0, 0, 2, 5, 1,
                0, 9, "r0", 0, 0, 0, 100, 120_000, 300_000, Map.of("0.0", 100_000L, "0.1", 300_000L));
        RtpStreamStats outbound = new RtpStreamStats(false, 1, 3333, "video", "video/VP8", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                10, "", 4444, 1, 25.5, 50, 60_000, 200_000, Map.of());
        FbsRequest.FbsBody body = new FbsConsumerCodec().encode(new ConsumerResponse.Stats(List.of(outbound, inbound)));
        FBS.Consumer.GetStatsResponse stats = FBS.Consumer.GetStatsResponse.getRootAsGetStatsResponse(
                FbsTestFrames.written(body.writer()));
        assertEquals(FBS.RtpStream.StatsData.SendStats, stats.stats(0).dataType());
        FBS.RtpStream.SendStats send = (FBS.RtpStream.SendStats) stats.stats(0).data(new FBS.RtpStream.SendStats());
        FBS.RtpStream.BaseStats sendBase = (FBS.RtpStream.BaseStats) send.base().data(new FBS.RtpStream.BaseStats());
        assertEquals(3333, sendBase.ssrc());
        assertEquals(4444, sendBase.rtxSsrc());
        assertEquals(25.5f, sendBase.roundTripTime());
        assertEquals(200_000, send.bitrate());
        FBS.RtpStream.RecvStats recv = (FBS.RtpStream.RecvStats) stats.stats(1).data(new FBS.RtpStream.RecvStats());
        FBS.RtpStream.BaseStats recvBase = (FBS.RtpStream.BaseStats) recv.base().data(new FBS.RtpStream.BaseStats());
        assertEquals(40, recvBase.jitter());
        assertEquals("r0", recvBase.rid());
        assertFalse(recvBase.hasRtxSsrc());
        assertFalse(recvBase.hasRoundTripTime());
        assertEquals(2, recv.bitrateByLayerLength());
    }

    /** A pipe consumer's forwarded producer streams follow its own in 3.32's answer. */
    @Test
    void encodesPipedProducerStatsAfterTheConsumersOwn() {
        RtpStreamStats inbound = new RtpStreamStats(true, 1, 1111, "audio", "audio/opus", 3, 12, 40, 0, 0, 0, 2, 5, 1,
                0, 9, "", 0, 0, 0, 100, 120_000, 300_000, Map.of());
        RtpStreamStats outbound = new RtpStreamStats(false, 1, 1111, "audio", "audio/opus", 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 10, "", 0, 0, 0, 50, 60_000, 200_000, Map.of());
        FbsRequest.FbsBody body = new FbsConsumerCodec().encode(
                new ConsumerResponse.Stats(List.of(outbound), List.of(inbound)));
        FBS.Consumer.GetStatsResponse stats = FBS.Consumer.GetStatsResponse.getRootAsGetStatsResponse(
                FbsTestFrames.written(body.writer()));
        assertEquals(2, stats.statsLength());
        assertEquals(FBS.RtpStream.StatsData.SendStats, stats.stats(0).dataType());
        assertEquals(FBS.RtpStream.StatsData.RecvStats, stats.stats(1).dataType());
    }

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(new ConsumerEvent.LayersChange(new ConsumerLayers(0, 0)),
                        FBS.Notification.Event.CONSUMER_LAYERS_CHANGE, FBS.Notification.Body.Consumer_LayersChangeNotification),
                Arguments.of(new ConsumerEvent.LayersChange(null),
                        FBS.Notification.Event.CONSUMER_LAYERS_CHANGE, FBS.Notification.Body.Consumer_LayersChangeNotification),
                Arguments.of(new ConsumerEvent.ProducerPause(), FBS.Notification.Event.CONSUMER_PRODUCER_PAUSE,
                        FBS.Notification.Body.NONE),
                Arguments.of(new ProducerEvent.Score(List.of(new ProducerEvent.StreamScore(0, 1111, "r0", 9))),
                        FBS.Notification.Event.PRODUCER_SCORE, FBS.Notification.Body.Producer_ScoreNotification),
                Arguments.of(new RtpObserverEvent.Volumes(List.of(new RtpObserverEvent.Volume("p1", -40))),
                        FBS.Notification.Event.AUDIOLEVELOBSERVER_VOLUMES,
                        FBS.Notification.Body.AudioLevelObserver_VolumesNotification),
                Arguments.of(new RtpObserverEvent.Silence(), FBS.Notification.Event.AUDIOLEVELOBSERVER_SILENCE,
                        FBS.Notification.Body.NONE));
    }

    @ParameterizedTest
    @MethodSource("events")
    void namesEachEventAsThe332Worker(io.jmediasoup.worker.messages.Event event, int name, byte bodyType) {
        FbsEventCodec.FbsEvent fbs = new FbsMediaEventCodec().encode(event, null);
        assertEquals(name, fbs.event());
        assertEquals(bodyType, fbs.bodyType());
        assertEquals(bodyType == FBS.Notification.Body.NONE, fbs.body() == null);
    }

    @Test
    void encodesLayersChangeAndVolumesThatReadBack() {
        ToIntFunction<FlatBufferBuilder> layers = new FbsMediaEventCodec()
                .encode(new ConsumerEvent.LayersChange(new ConsumerLayers(2, 0)), null).body();
        FBS.Consumer.LayersChangeNotification change = FBS.Consumer.LayersChangeNotification
                .getRootAsLayersChangeNotification(FbsTestFrames.written(layers));
        assertEquals(2, change.layers().spatialLayer());
        assertTrue(change.layers().hasTemporalLayer());
        ToIntFunction<FlatBufferBuilder> volumes = new FbsMediaEventCodec()
                .encode(new RtpObserverEvent.Volumes(List.of(new RtpObserverEvent.Volume("p1", -40))), null).body();
        FBS.AudioLevelObserver.VolumesNotification notification = FBS.AudioLevelObserver.VolumesNotification
                .getRootAsVolumesNotification(FbsTestFrames.written(volumes));
        assertEquals("p1", notification.volumes(0).producerId());
        assertEquals(-40, notification.volumes(0).volume());
    }

    @Test
    void anSrTraceCarriesTheReportAsItCame() {
        FbsEventCodec.FbsEvent fbs = new FbsMediaEventCodec().encode(
                new ProducerEvent.SenderReportTrace(77, 1111, 3_900_000_000L, 2_147_483_648L, 90_000, 10, 1200), null);
        assertEquals(FBS.Notification.Event.PRODUCER_TRACE, fbs.event());
        assertEquals(FBS.Notification.Body.Producer_TraceNotification, fbs.bodyType());
        FBS.Producer.TraceNotification trace = FBS.Producer.TraceNotification
                .getRootAsTraceNotification(FbsTestFrames.written(fbs.body()));
        assertEquals(FBS.Producer.TraceEventType.SR, trace.type());
        assertEquals(77, trace.timestamp());
        assertEquals(FBS.Common.TraceDirection.DIRECTION_IN, trace.direction());
        assertEquals(FBS.Producer.TraceInfo.SrTraceInfo, trace.infoType());
        FBS.Producer.SrTraceInfo info = (FBS.Producer.SrTraceInfo) trace.info(new FBS.Producer.SrTraceInfo());
        assertEquals(1111, info.ssrc());
        assertEquals(3_900_000_000L, info.ntpSec());
        assertEquals(2_147_483_648L, info.ntpFrac());
        assertEquals(90_000, info.rtpTs());
        assertEquals(10, info.packetCount());
        assertEquals(1200, info.octetCount());
        assertEquals(JsonEventCodec.JsonEvent.NOT_SENT, new JsonMediaEventCodec().encode(
                new ProducerEvent.SenderReportTrace(77, 1111, 0, 0, 0, 0, 0)), "3.8 has no sr trace");
    }

    @Test
    void decodesProducerSendWithItsBytes() {
        MediaNotification.ProducerSend send = (MediaNotification.ProducerSend) new FbsMediaNotificationCodec().decode(
                FbsTestFrames.notification(FBS.Notification.Event.PRODUCER_SEND, "p1",
                        FBS.Notification.Body.Producer_SendNotification, builder ->
                                FBS.Producer.SendNotification.createSendNotification(builder,
                                        FBS.Producer.SendNotification.createDataVector(builder, new byte[] {(byte) 0x80, 1, 2}))));
        assertEquals("p1", send.handlerId());
        assertEquals(3, send.packet().readableBytes());
        assertEquals(0x80, send.packet().getUnsignedByte(0));
        assertNull(new FbsMediaNotificationCodec().decode(FbsTestFrames.notification(
                FBS.Notification.Event.DATAPRODUCER_SEND, "d1", FBS.Notification.Body.NONE, builder -> 0)));
    }

    @Test
    void readsBackAnEncodedRtcpPayload() {
        io.netty.buffer.ByteBuf payload = io.netty.buffer.Unpooled.wrappedBuffer(new byte[] {(byte) 0x81, (byte) 201});
        FbsEventCodec.FbsEvent fbs = new FbsMediaEventCodec().encode(
                new io.jmediasoup.worker.messages.DirectTransportEvent.Rtcp(), payload);
        ByteBuffer written = FbsTestFrames.written(fbs.body());
        FBS.DirectTransport.RtcpNotification rtcp = FBS.DirectTransport.RtcpNotification.getRootAsRtcpNotification(written);
        assertEquals(2, rtcp.dataLength());
        assertEquals(201, rtcp.data(1));
        assertEquals(2, payload.readableBytes(), "the payload is lent, not read");
    }
}
