package io.jmediasoup.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Messages from a direct data producer to direct data consumers under mediasoup 3.32: the
 * subchannels select who gets one, a paused data producer drops them and its consumers hear
 * of it, a paused data consumer gets none.
 */
class FbsDataFlowTest {
    private FbsChannelPeer peer;

    @BeforeEach
    void start() {
        peer = new FbsChannelPeer(Settings.fromArgs(new String[] {"--logLevel=error"}), 1);
        peer.nextNotification();
        assertTrue(peer.createRouter("r1").accepted());
        assertTrue(peer.request(FBS.Request.Method.ROUTER_CREATE_DIRECTTRANSPORT, "r1",
                FBS.Request.Body.Router_CreateDirectTransportRequest, builder -> {
                    int transportId = builder.createString("t1");
                    FBS.Transport.Options.startOptions(builder);
                    FBS.Transport.Options.addDirect(builder, true);
                    FBS.Transport.Options.addMaxSendMessageSize(builder, 1000);
                    FBS.Transport.Options.addMaxReceiveMessageSize(builder, 1000);
                    int base = FBS.Transport.Options.endOptions(builder);
                    int options = FBS.DirectTransport.DirectTransportOptions.createDirectTransportOptions(builder, base);
                    return FBS.Router.CreateDirectTransportRequest.createCreateDirectTransportRequest(builder, transportId,
                            options);
                }).accepted());
        assertTrue(peer.request(FBS.Request.Method.TRANSPORT_PRODUCE_DATA, "t1", FBS.Request.Body.Transport_ProduceDataRequest,
                builder -> {
                    int id = builder.createString("dp1");
                    FBS.Transport.ProduceDataRequest.startProduceDataRequest(builder);
                    FBS.Transport.ProduceDataRequest.addDataProducerId(builder, id);
                    FBS.Transport.ProduceDataRequest.addType(builder, FBS.DataProducer.Type.DIRECT);
                    return FBS.Transport.ProduceDataRequest.endProduceDataRequest(builder);
                }).accepted());
        consumeData("dc1", 5);
        consumeData("dc2");
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    private void consumeData(String id, int... subchannels) {
        assertTrue(peer.request(FBS.Request.Method.TRANSPORT_CONSUME_DATA, "t1", FBS.Request.Body.Transport_ConsumeDataRequest,
                builder -> {
                    int dataConsumerId = builder.createString(id);
                    int dataProducerId = builder.createString("dp1");
                    int subchannelsOffset = FBS.Transport.ConsumeDataRequest.createSubchannelsVector(builder, subchannels);
                    FBS.Transport.ConsumeDataRequest.startConsumeDataRequest(builder);
                    FBS.Transport.ConsumeDataRequest.addDataConsumerId(builder, dataConsumerId);
                    FBS.Transport.ConsumeDataRequest.addDataProducerId(builder, dataProducerId);
                    FBS.Transport.ConsumeDataRequest.addType(builder, FBS.DataConsumer.Type.DIRECT);
                    FBS.Transport.ConsumeDataRequest.addSubchannels(builder, subchannelsOffset);
                    return FBS.Transport.ConsumeDataRequest.endConsumeDataRequest(builder);
                }).accepted());
    }

    private void send(String text, int... subchannels) {
        peer.notify(FBS.Notification.Event.DATAPRODUCER_SEND, "dp1", FBS.Notification.Body.DataProducer_SendNotification,
                builder -> {
                    int data = FBS.DataProducer.SendNotification.createDataVector(builder,
                            text.getBytes(StandardCharsets.UTF_8));
                    int subchannelsOffset = FBS.DataProducer.SendNotification.createSubchannelsVector(builder, subchannels);
                    return FBS.DataProducer.SendNotification.createSendNotification(builder, 51, data, subchannelsOffset,
                            0, 0);
                });
    }

    /** "handlerId:text" of a DATACONSUMER_MESSAGE, or "handlerId:EVENT" of another notification. */
    private String next() {
        FBS.Notification.Notification notification = peer.nextNotification();
        if (notification.event() != FBS.Notification.Event.DATACONSUMER_MESSAGE) {
            return notification.handlerId() + ":" + FBS.Notification.Event.name(notification.event());
        }
        FBS.DataConsumer.MessageNotification message = (FBS.DataConsumer.MessageNotification) notification.body(
                new FBS.DataConsumer.MessageNotification());
        assertEquals(51, message.ppid());
        ByteBuffer data = message.dataAsByteBuffer();
        return notification.handlerId() + ":" + StandardCharsets.UTF_8.decode(data);
    }

    private List<String> next(int count) {
        List<String> notifications = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            notifications.add(next());
        }
        return notifications;
    }

    private boolean request(int method, String handlerId) {
        return peer.request(method, handlerId, FBS.Request.Body.NONE, null).accepted();
    }

    @Test
    void subchannelsSelectTheConsumersOfAMessage() {
        send("a", 5);
        send("b");
        send("c", 6);
        send("d", 6, 5);
        assertEquals(List.of("dc1:a", "dc1:b", "dc2:b", "dc1:d"), next(4));
    }

    @Test
    void aPausedDataProducerDropsWhatItReceivesAndItsConsumersAreTold() {
        assertTrue(request(FBS.Request.Method.DATAPRODUCER_PAUSE, "dp1"));
        assertEquals(List.of("dc1:DATACONSUMER_DATAPRODUCER_PAUSE", "dc2:DATACONSUMER_DATAPRODUCER_PAUSE"), next(2));
        send("dropped");
        assertTrue(request(FBS.Request.Method.DATAPRODUCER_RESUME, "dp1"));
        assertEquals(List.of("dc1:DATACONSUMER_DATAPRODUCER_RESUME", "dc2:DATACONSUMER_DATAPRODUCER_RESUME"), next(2));
        send("kept");
        assertEquals(List.of("dc1:kept", "dc2:kept"), next(2));

        FBS.DataProducer.GetStatsResponse stats = (FBS.DataProducer.GetStatsResponse) peer.request(
                FBS.Request.Method.DATAPRODUCER_GET_STATS, "dp1", FBS.Request.Body.NONE, null)
                .body(new FBS.DataProducer.GetStatsResponse());
        assertEquals(2, stats.messagesReceived(), "a paused data producer still counts what it receives");
        assertEquals("dropped".length() + "kept".length(), stats.bytesReceived());
    }

    @Test
    void aPausedDataConsumerGetsNothing() {
        assertTrue(request(FBS.Request.Method.DATACONSUMER_PAUSE, "dc2"));
        send("only dc1");
        assertEquals("dc1:only dc1", next());
        FBS.DataConsumer.DumpResponse dump = (FBS.DataConsumer.DumpResponse) peer.request(
                FBS.Request.Method.DATACONSUMER_DUMP, "dc2", FBS.Request.Body.NONE, null)
                .body(new FBS.DataConsumer.DumpResponse());
        assertTrue(dump.paused());
        assertFalse(dump.dataProducerPaused());
        assertTrue(request(FBS.Request.Method.DATACONSUMER_RESUME, "dc2"));
        send("both");
        assertEquals(List.of("dc1:both", "dc2:both"), next(2));
    }

    @Test
    void closingTheDataProducerClosesItsConsumers() {
        assertTrue(peer.request(FBS.Request.Method.TRANSPORT_CLOSE_DATAPRODUCER, "t1",
                FBS.Request.Body.Transport_CloseDataProducerRequest,
                builder -> FBS.Transport.CloseDataProducerRequest.createCloseDataProducerRequest(builder,
                        builder.createString("dp1"))).accepted());
        assertEquals(List.of("dc1:DATACONSUMER_DATAPRODUCER_CLOSE", "dc2:DATACONSUMER_DATAPRODUCER_CLOSE"), next(2));
        FBS.Worker.DumpResponse dump = (FBS.Worker.DumpResponse) peer.request(FBS.Request.Method.WORKER_DUMP)
                .body(new FBS.Worker.DumpResponse());
        List<String> handlers = new ArrayList<>();
        for (int i = 0; i < dump.channelMessageHandlers().channelRequestHandlersLength(); i++) {
            handlers.add(dump.channelMessageHandlers().channelRequestHandlers(i));
        }
        assertEquals(List.of("r1", "t1"), handlers);
    }
}
