package io.jmediasoup.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.flatbuffers.FlatBufferBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbound SCTP streams of a transport under mediasoup 3.32, as its C++ worker keeps them:
 * one data consumer per stream, and a stream's queue bounded by sctpPerStreamSendQueueLimit
 * (a message sent once it holds that much is refused with "sctpsendbufferfull" and the data
 * consumer's sctpsendbufferfull event). The transport is never connected: messages wait in
 * the association for its handshake, which makes the queues easy to fill.
 */
class FbsSctpStreamsTest {
    private static final long PER_STREAM_SEND_QUEUE_LIMIT = 1000;

    private FbsChannelPeer peer;

    @BeforeEach
    void start() {
        peer = new FbsChannelPeer(Settings.fromArgs(new String[] {"--logLevel=error"}), 1);
        peer.nextNotification();
        assertTrue(peer.createRouter("r1").accepted());
        assertTrue(peer.request(FBS.Request.Method.ROUTER_CREATE_PLAINTRANSPORT, "r1",
                FBS.Request.Body.Router_CreatePlainTransportRequest, FbsSctpStreamsTest::plainTransportWithSctp).accepted());
        assertTrue(peer.request(FBS.Request.Method.TRANSPORT_PRODUCE_DATA, "t1", FBS.Request.Body.Transport_ProduceDataRequest,
                builder -> {
                    int id = builder.createString("dp1");
                    int stream = FBS.SctpParameters.SctpStreamParameters.createSctpStreamParameters(builder, 1, true, 0, 0);
                    return FBS.Transport.ProduceDataRequest.createProduceDataRequest(builder, id,
                            FBS.DataProducer.Type.SCTP, stream, 0, 0, false);
                }).accepted());
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    private static int plainTransportWithSctp(FlatBufferBuilder builder) {
        int id = builder.createString("t1");
        FBS.Transport.Options.startOptions(builder);
        FBS.Transport.Options.addEnableSctp(builder, true);
        FBS.Transport.Options.addMaxSendMessageSize(builder, 262_144);
        FBS.Transport.Options.addMaxReceiveMessageSize(builder, 262_144);
        FBS.Transport.Options.addSctpSendBufferSize(builder, 1_000_000);
        FBS.Transport.Options.addSctpPerStreamSendQueueLimit(builder, PER_STREAM_SEND_QUEUE_LIMIT);
        FBS.Transport.Options.addSctpMaxReceiverWindowBufferSize(builder, 5_242_880);
        FBS.Transport.Options.addSctpDefaultStreamBufferedAmountLowThreshold(builder, 0);
        int base = FBS.Transport.Options.endOptions(builder);
        int ip = builder.createString("127.0.0.1");
        int portRange = FBS.Transport.PortRange.createPortRange(builder, 0, 0);
        int flags = FBS.Transport.SocketFlags.createSocketFlags(builder, false, false);
        int listenInfo = FBS.Transport.ListenInfo.createListenInfo(builder, FBS.Transport.Protocol.UDP, ip, 0, false, 0,
                portRange, flags, 0, 0);
        FBS.PlainTransport.PlainTransportOptions.startPlainTransportOptions(builder);
        FBS.PlainTransport.PlainTransportOptions.addBase(builder, base);
        FBS.PlainTransport.PlainTransportOptions.addListenInfo(builder, listenInfo);
        FBS.PlainTransport.PlainTransportOptions.addRtcpMux(builder, true);
        int options = FBS.PlainTransport.PlainTransportOptions.endPlainTransportOptions(builder);
        return FBS.Router.CreatePlainTransportRequest.createCreatePlainTransportRequest(builder, id, options);
    }

    private FBS.Response.Response consumeData(String id, int streamId) {
        return peer.request(FBS.Request.Method.TRANSPORT_CONSUME_DATA, "t1", FBS.Request.Body.Transport_ConsumeDataRequest,
                builder -> {
                    int dataConsumerId = builder.createString(id);
                    int dataProducerId = builder.createString("dp1");
                    int stream = FBS.SctpParameters.SctpStreamParameters.createSctpStreamParameters(builder, streamId, true,
                            0, 0);
                    FBS.Transport.ConsumeDataRequest.startConsumeDataRequest(builder);
                    FBS.Transport.ConsumeDataRequest.addDataConsumerId(builder, dataConsumerId);
                    FBS.Transport.ConsumeDataRequest.addDataProducerId(builder, dataProducerId);
                    FBS.Transport.ConsumeDataRequest.addType(builder, FBS.DataConsumer.Type.SCTP);
                    FBS.Transport.ConsumeDataRequest.addSctpStreamParameters(builder, stream);
                    return FBS.Transport.ConsumeDataRequest.endConsumeDataRequest(builder);
                });
    }

    private FBS.Response.Response send(String dataConsumerId, int size) {
        return peer.request(FBS.Request.Method.DATACONSUMER_SEND, dataConsumerId, FBS.Request.Body.DataConsumer_SendRequest,
                builder -> {
                    int data = FBS.DataConsumer.SendRequest.createDataVector(builder, new byte[size]);
                    return FBS.DataConsumer.SendRequest.createSendRequest(builder, 53, data);
                });
    }

    @Test
    void aStreamTakenByAnotherDataConsumerIsRefusedUntilItCloses() {
        assertTrue(consumeData("dc1", 2).accepted());
        FBS.Response.Response refused = consumeData("dc2", 2);
        assertFalse(refused.accepted());
        assertEquals("Error", refused.error());
        assertEquals("an SCTP DataConsumer with same streamId 2 already exists [method:transport.consumeData]",
                refused.reason());
        assertTrue(consumeData("dc3", 3).accepted());
        assertTrue(peer.request(FBS.Request.Method.TRANSPORT_CLOSE_DATACONSUMER, "t1",
                FBS.Request.Body.Transport_CloseDataConsumerRequest,
                builder -> FBS.Transport.CloseDataConsumerRequest.createCloseDataConsumerRequest(builder,
                        builder.createString("dc1"))).accepted());
        assertTrue(consumeData("dc2", 2).accepted());
    }

    @Test
    void aStreamHoldingItsLimitRefusesMessagesAndOthersStillQueue() {
        assertTrue(consumeData("dc1", 2).accepted());
        assertTrue(consumeData("dc2", 3).accepted());
        assertTrue(send("dc1", 800).accepted());
        // 800 bytes wait on stream 2, under the limit: one more message is taken, whatever its size.
        assertTrue(send("dc1", 800).accepted());
        FBS.Response.Response full = send("dc1", 10);
        assertFalse(full.accepted());
        assertEquals("Error", full.error());
        assertEquals("sctpsendbufferfull", full.reason());
        FBS.Notification.Notification event = peer.nextNotification();
        assertEquals("dc1", event.handlerId());
        assertEquals(FBS.Notification.Event.DATACONSUMER_SCTP_SENDBUFFER_FULL, event.event());
        assertTrue(send("dc2", 800).accepted());
    }
}
