package io.jmediasoup.worker.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.flatbuffers.FlatBufferBuilder;
import io.jmediasoup.channel.FbsMessages;
import io.jmediasoup.channel.FbsRequest;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.messages.DataConsumerEvent;
import io.jmediasoup.worker.messages.DataConsumerRequest;
import io.jmediasoup.worker.messages.DataConsumerResponse;
import io.jmediasoup.worker.messages.DataProducerNotification;
import io.jmediasoup.worker.messages.DataProducerRequest;
import io.jmediasoup.worker.messages.DataProducerResponse;
import io.jmediasoup.worker.messages.TransportDataRequest;
import io.jmediasoup.worker.rtc.params.DataType;
import io.jmediasoup.worker.rtc.params.SctpStreamParameters;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** mediasoup 3.32's data producer and consumer FlatBuffers, decoded and encoded by their codecs. */
class FbsDataCodecTest {
    private final FbsDataProducerCodec producerCodec = new FbsDataProducerCodec();
    private final FbsDataConsumerCodec consumerCodec = new FbsDataConsumerCodec();

    /** SctpStreamParameters as the Node library writes them: a null field is absent. */
    private static int stream(FlatBufferBuilder builder, int streamId, Boolean ordered, Integer maxPacketLifeTime,
            Integer maxRetransmits) {
        FBS.SctpParameters.SctpStreamParameters.startSctpStreamParameters(builder);
        FBS.SctpParameters.SctpStreamParameters.addStreamId(builder, streamId);
        if (ordered != null) {
            builder.addBoolean(ordered);
            builder.slot(1);
        }
        if (maxPacketLifeTime != null) {
            builder.addShort((short) (int) maxPacketLifeTime);
            builder.slot(2);
        }
        if (maxRetransmits != null) {
            builder.addShort((short) (int) maxRetransmits);
            builder.slot(3);
        }
        return FBS.SctpParameters.SctpStreamParameters.endSctpStreamParameters(builder);
    }

    private static FbsRequest produceData(int type, Boolean ordered, Integer maxPacketLifeTime, Integer maxRetransmits) {
        return FbsMessages.request(FBS.Request.Method.TRANSPORT_PRODUCE_DATA, "t1",
                FBS.Request.Body.Transport_ProduceDataRequest, builder -> {
                    int id = builder.createString("dp1");
                    int parameters = stream(builder, 7, ordered, maxPacketLifeTime, maxRetransmits);
                    int label = builder.createString("foo");
                    FBS.Transport.ProduceDataRequest.startProduceDataRequest(builder);
                    FBS.Transport.ProduceDataRequest.addDataProducerId(builder, id);
                    FBS.Transport.ProduceDataRequest.addType(builder, type);
                    FBS.Transport.ProduceDataRequest.addSctpStreamParameters(builder, parameters);
                    FBS.Transport.ProduceDataRequest.addLabel(builder, label);
                    FBS.Transport.ProduceDataRequest.addPaused(builder, true);
                    return FBS.Transport.ProduceDataRequest.endProduceDataRequest(builder);
                });
    }

    static Stream<Arguments> streams() {
        return Stream.of(
                Arguments.of(null, null, null, new SctpStreamParameters(7, true, null, null)),
                Arguments.of(false, null, null, new SctpStreamParameters(7, false, null, null)),
                Arguments.of(null, 0, null, new SctpStreamParameters(7, false, 0, null)),
                Arguments.of(null, null, 0, new SctpStreamParameters(7, false, null, 0)),
                Arguments.of(false, 4000, null, new SctpStreamParameters(7, false, 4000, null)));
    }

    @ParameterizedTest
    @MethodSource("streams")
    void decodesProduceDataTellingAGivenZeroFromNone(Boolean ordered, Integer maxPacketLifeTime, Integer maxRetransmits,
            SctpStreamParameters expected) {
        TransportDataRequest.ProduceData request = (TransportDataRequest.ProduceData) producerCodec.decode(
                produceData(FBS.DataProducer.Type.SCTP, ordered, maxPacketLifeTime, maxRetransmits));
        assertEquals(new TransportDataRequest.ProduceData("t1", "dp1", DataType.SCTP, expected, "foo", "", true), request);
    }

    static Stream<Arguments> invalidStreams() {
        return Stream.of(
                Arguments.of(null, 10, 2, "cannot provide both maxPacketLifeTime and maxRetransmits"),
                Arguments.of(true, null, 0, "cannot be ordered with maxPacketLifeTime or maxRetransmits"),
                Arguments.of(true, 0, null, "cannot be ordered with maxPacketLifeTime or maxRetransmits"));
    }

    @ParameterizedTest
    @MethodSource("invalidStreams")
    void refusesContradictoryReliability(Boolean ordered, Integer maxPacketLifeTime, Integer maxRetransmits,
            String reason) {
        FbsRequest request = produceData(FBS.DataProducer.Type.SCTP, ordered, maxPacketLifeTime, maxRetransmits);
        MediasoupTypeError error = assertThrows(MediasoupTypeError.class, () -> producerCodec.decode(request));
        assertEquals(reason, error.getMessage());
    }

    @Test
    void ignoresTheStreamOfADirectDataProducer() {
        TransportDataRequest.ProduceData request = (TransportDataRequest.ProduceData) producerCodec.decode(
                produceData(FBS.DataProducer.Type.DIRECT, true, 10, 2));
        assertEquals(DataType.DIRECT, request.type());
        assertNull(request.sctpStreamParameters());
    }

    @Test
    void refusesAnUnknownType() {
        MediasoupTypeError error = assertThrows(MediasoupTypeError.class,
                () -> producerCodec.decode(produceData(9, null, null, null)));
        assertEquals("invalid type", error.getMessage());
    }

    @Test
    void decodesConsumeDataWithItsSubchannelsSortedOnce() {
        FbsRequest request = FbsMessages.request(FBS.Request.Method.TRANSPORT_CONSUME_DATA, "t2",
                FBS.Request.Body.Transport_ConsumeDataRequest, builder -> {
                    int dataConsumerId = builder.createString("dc1");
                    int dataProducerId = builder.createString("dp1");
                    int subchannels = FBS.Transport.ConsumeDataRequest.createSubchannelsVector(builder,
                            new int[] {0, 1, 1, 1, 2, 65535, 100});
                    FBS.Transport.ConsumeDataRequest.startConsumeDataRequest(builder);
                    FBS.Transport.ConsumeDataRequest.addDataConsumerId(builder, dataConsumerId);
                    FBS.Transport.ConsumeDataRequest.addDataProducerId(builder, dataProducerId);
                    FBS.Transport.ConsumeDataRequest.addType(builder, FBS.DataConsumer.Type.DIRECT);
                    FBS.Transport.ConsumeDataRequest.addSubchannels(builder, subchannels);
                    return FBS.Transport.ConsumeDataRequest.endConsumeDataRequest(builder);
                });
        assertEquals(new TransportDataRequest.ConsumeData("t2", "dc1", "dp1", DataType.DIRECT, null, "", "", false,
                List.of(0, 1, 2, 100, 65535)), consumerCodec.decode(request));
    }

    static Stream<Arguments> bodilessRequests() {
        return Stream.of(
                Arguments.of(FBS.Request.Method.DATAPRODUCER_DUMP, new DataProducerRequest.Dump("x")),
                Arguments.of(FBS.Request.Method.DATAPRODUCER_GET_STATS, new DataProducerRequest.GetStats("x")),
                Arguments.of(FBS.Request.Method.DATAPRODUCER_PAUSE, new DataProducerRequest.Pause("x")),
                Arguments.of(FBS.Request.Method.DATAPRODUCER_RESUME, new DataProducerRequest.Resume("x")),
                Arguments.of(FBS.Request.Method.DATACONSUMER_DUMP, new DataConsumerRequest.Dump("x")),
                Arguments.of(FBS.Request.Method.DATACONSUMER_GET_STATS, new DataConsumerRequest.GetStats("x")),
                Arguments.of(FBS.Request.Method.DATACONSUMER_PAUSE, new DataConsumerRequest.Pause("x")),
                Arguments.of(FBS.Request.Method.DATACONSUMER_RESUME, new DataConsumerRequest.Resume("x")),
                Arguments.of(FBS.Request.Method.DATACONSUMER_GET_BUFFERED_AMOUNT,
                        new DataConsumerRequest.GetBufferedAmount("x")));
    }

    @ParameterizedTest
    @MethodSource("bodilessRequests")
    void decodesRequestsAddressedByHandlerId(int method, Object expected) {
        FbsRequest request = FbsMessages.request(method, "x", FBS.Request.Body.NONE, null);
        Object decoded = producerCodec.decode(request);
        assertEquals(expected, decoded != null ? decoded : consumerCodec.decode(request));
    }

    static Stream<Arguments> subchannelRequests() {
        return Stream.of(
                Arguments.of(FBS.Request.Method.DATACONSUMER_SET_SUBCHANNELS, FBS.Request.Body.DataConsumer_SetSubchannelsRequest,
                        (ToIntFunction<FlatBufferBuilder>) builder -> FBS.DataConsumer.SetSubchannelsRequest
                                .createSetSubchannelsRequest(builder, FBS.DataConsumer.SetSubchannelsRequest
                                        .createSubchannelsVector(builder, new int[] {999, 999, 998, 0})),
                        new DataConsumerRequest.SetSubchannels("dc", List.of(0, 998, 999))),
                Arguments.of(FBS.Request.Method.DATACONSUMER_ADD_SUBCHANNEL, FBS.Request.Body.DataConsumer_AddSubchannelRequest,
                        (ToIntFunction<FlatBufferBuilder>) builder -> FBS.DataConsumer.AddSubchannelRequest
                                .createAddSubchannelRequest(builder, 5),
                        new DataConsumerRequest.AddSubchannel("dc", 5)),
                Arguments.of(FBS.Request.Method.DATACONSUMER_REMOVE_SUBCHANNEL,
                        FBS.Request.Body.DataConsumer_RemoveSubchannelRequest,
                        (ToIntFunction<FlatBufferBuilder>) builder -> FBS.DataConsumer.RemoveSubchannelRequest
                                .createRemoveSubchannelRequest(builder, 65535),
                        new DataConsumerRequest.RemoveSubchannel("dc", 65535)),
                Arguments.of(FBS.Request.Method.DATACONSUMER_SET_BUFFERED_AMOUNT_LOW_THRESHOLD,
                        FBS.Request.Body.DataConsumer_SetBufferedAmountLowThresholdRequest,
                        (ToIntFunction<FlatBufferBuilder>) builder -> FBS.DataConsumer.SetBufferedAmountLowThresholdRequest
                                .createSetBufferedAmountLowThresholdRequest(builder, 4294967295L),
                        new DataConsumerRequest.SetBufferedAmountLowThreshold("dc", 4294967295L)));
    }

    @ParameterizedTest
    @MethodSource("subchannelRequests")
    void decodesDataConsumerRequestsWithABody(int method, byte bodyType, ToIntFunction<FlatBufferBuilder> body,
            Object expected) {
        assertEquals(expected, consumerCodec.decode(FbsMessages.request(method, "dc", bodyType, body)));
    }

    @Test
    void decodesSendWithItsBytes() {
        byte[] bytes = "hello".getBytes(StandardCharsets.UTF_8);
        FbsRequest request = FbsMessages.request(FBS.Request.Method.DATACONSUMER_SEND, "dc",
                FBS.Request.Body.DataConsumer_SendRequest, builder -> FBS.DataConsumer.SendRequest.createSendRequest(
                        builder, 51, FBS.DataConsumer.SendRequest.createDataVector(builder, bytes)));
        DataConsumerRequest.Send send = (DataConsumerRequest.Send) consumerCodec.decode(request);
        assertEquals(51, send.ppid());
        assertTrue(send.sctpOnly(), "3.32 refuses it on a direct data consumer");
        assertArrayEquals(bytes, readable(send.message()));
    }

    @Test
    void decodesDataProducerSendWithItsSubchannels() {
        byte[] bytes = {1, 2, 3};
        DataProducerNotification.Send send = (DataProducerNotification.Send) new FbsDataProducerNotificationCodec().decode(
                FbsMessages.notification(FBS.Notification.Event.DATAPRODUCER_SEND, "dp",
                        FBS.Notification.Body.DataProducer_SendNotification, builder -> {
                            int data = FBS.DataProducer.SendNotification.createDataVector(builder, bytes);
                            builder.startVector(2, 2, 2);
                            builder.addShort((short) 65535);
                            builder.addShort((short) 3);
                            int subchannels = builder.endVector();
                            FBS.DataProducer.SendNotification.startSendNotification(builder);
                            FBS.DataProducer.SendNotification.addPpid(builder, 53);
                            FBS.DataProducer.SendNotification.addData(builder, data);
                            FBS.DataProducer.SendNotification.addSubchannels(builder, subchannels);
                            builder.addShort((short) 0);
                            builder.slot(3);
                            return FBS.DataProducer.SendNotification.endSendNotification(builder);
                        }));
        assertEquals("dp", send.handlerId());
        assertEquals(53, send.ppid());
        assertEquals(List.of(3, 65535), send.subchannels());
        assertEquals(0, send.requiredSubchannel());
        assertNull(send.ignoredSubchannel());
        assertArrayEquals(bytes, readable(send.message()));
    }

    @Test
    void encodesADataProducerDumpWithItsOptionalScalarsAsGiven() {
        FbsRequest.FbsBody body = producerCodec.encode(new DataProducerResponse.Dump("dp1", DataType.SCTP,
                new SctpStreamParameters(7, false, 0, null), "foo", "bar", true));
        assertEquals(FBS.Response.Body.DataProducer_DumpResponse, body.type());
        FBS.DataProducer.DumpResponse dump = FBS.DataProducer.DumpResponse.getRootAsDumpResponse(
                FbsMessages.finish(body.writer()));
        assertEquals("dp1", dump.id());
        assertEquals(FBS.DataProducer.Type.SCTP, dump.type());
        FBS.SctpParameters.SctpStreamParameters stream = dump.sctpStreamParameters();
        assertEquals(7, stream.streamId());
        assertTrue(stream.hasOrdered(), "ordered false is written, not left to the default");
        assertFalse(stream.ordered());
        assertTrue(stream.hasMaxPacketLifeTime(), "a given 0 is written");
        assertEquals(0, stream.maxPacketLifeTime());
        assertFalse(stream.hasMaxRetransmits());
        assertEquals("foo", dump.label());
        assertEquals("bar", dump.protocol());
        assertTrue(dump.paused());
    }

    @Test
    void encodesADirectDataConsumerDumpWithoutStream() {
        FbsRequest.FbsBody body = consumerCodec.encode(new DataConsumerResponse.Dump("dc1", "dp1", DataType.DIRECT, null,
                "", "", 0, 0, true, true, List.of(1, 7)));
        FBS.DataConsumer.DumpResponse dump = FBS.DataConsumer.DumpResponse.getRootAsDumpResponse(
                FbsMessages.finish(body.writer()));
        assertEquals("dp1", dump.dataProducerId());
        assertEquals(FBS.DataConsumer.Type.DIRECT, dump.type());
        assertNull(dump.sctpStreamParameters());
        assertTrue(dump.paused());
        assertTrue(dump.dataProducerPaused());
        assertEquals(2, dump.subchannelsLength());
        assertEquals(7, dump.subchannels(1));
    }

    @Test
    void encodesEachSubchannelsAnswerWithItsOwnBody() {
        assertEquals(FBS.Response.Body.DataConsumer_SetSubchannelsResponse,
                consumerCodec.encode(new DataConsumerResponse.SubchannelsSet(List.of())).type());
        assertEquals(FBS.Response.Body.DataConsumer_AddSubchannelResponse,
                consumerCodec.encode(new DataConsumerResponse.SubchannelAdded(List.of(5))).type());
        FbsRequest.FbsBody removed = consumerCodec.encode(new DataConsumerResponse.SubchannelRemoved(List.of(10, 65535)));
        assertEquals(FBS.Response.Body.DataConsumer_RemoveSubchannelResponse, removed.type());
        FBS.DataConsumer.RemoveSubchannelResponse response = FBS.DataConsumer.RemoveSubchannelResponse
                .getRootAsRemoveSubchannelResponse(FbsMessages.finish(removed.writer()));
        assertEquals(65535, response.subchannels(1));
    }

    @Test
    void encodesAMessageEventWithItsBytes() {
        byte[] bytes = "bar".getBytes(StandardCharsets.UTF_8);
        FbsEventCodec.FbsEvent event = new FbsDataConsumerEventCodec().encode(new DataConsumerEvent.Message(51),
                Unpooled.wrappedBuffer(bytes));
        assertEquals(FBS.Notification.Event.DATACONSUMER_MESSAGE, event.event());
        FBS.DataConsumer.MessageNotification message = FBS.DataConsumer.MessageNotification
                .getRootAsMessageNotification(FbsMessages.finish(event.body()));
        assertEquals(51, message.ppid());
        ByteBuffer data = message.dataAsByteBuffer();
        byte[] read = new byte[data.remaining()];
        data.get(read);
        assertArrayEquals(bytes, read);
    }

    @Test
    void encodesBodilessEvents() {
        FbsDataConsumerEventCodec codec = new FbsDataConsumerEventCodec();
        assertEquals(FBS.Notification.Event.DATACONSUMER_DATAPRODUCER_PAUSE,
                codec.encode(new DataConsumerEvent.DataProducerPause(), null).event());
        assertNull(codec.encode(new DataConsumerEvent.DataProducerClose(), null).body());
        FbsEventCodec.FbsEvent low = codec.encode(new DataConsumerEvent.BufferedAmountLow(12), null);
        assertEquals(12, FBS.DataConsumer.BufferedAmountLowNotification.getRootAsBufferedAmountLowNotification(
                FbsMessages.finish(low.body())).bufferedAmount());
    }

    private static byte[] readable(ByteBuf buffer) {
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.getBytes(buffer.readerIndex(), bytes);
        return bytes;
    }
}
