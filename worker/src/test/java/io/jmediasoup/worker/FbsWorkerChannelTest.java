package io.jmediasoup.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.flatbuffers.FlatBufferBuilder;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The worker behind mediasoup 3.32's FlatBuffers channel, driven over real socketpairs. */
class FbsWorkerChannelTest {
    private static final long PID = 4242;
    private FbsChannelPeer peer;

    @BeforeEach
    void start() {
        peer = new FbsChannelPeer(Settings.fromArgs(new String[] {"--logLevel=error"}), PID);
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    @Test
    void announcesRunningWithItsPidAsHandlerId() {
        FBS.Message.Message message = peer.next();
        assertEquals(FBS.Message.Body.Notification, message.dataType());
        FBS.Notification.Notification running =
                (FBS.Notification.Notification) message.data(new FBS.Notification.Notification());
        assertEquals(FBS.Notification.Event.WORKER_RUNNING, running.event());
        assertEquals("4242", running.handlerId());
    }

    @Test
    void createsDumpsAndClosesRouters() {
        assertTrue(peer.createRouter("r1").accepted());
        FBS.Worker.DumpResponse dump = workerDump();
        assertEquals(PID, dump.pid());
        assertEquals(1, dump.routerIdsLength());
        assertEquals("r1", dump.routerIds(0));
        assertEquals(0, dump.webRtcServerIdsLength());
        assertEquals("r1", dump.channelMessageHandlers().channelRequestHandlers(0));

        FBS.Response.Response routerDump = peer.request(FBS.Request.Method.ROUTER_DUMP, "r1", FBS.Request.Body.NONE, null);
        assertEquals(FBS.Response.Body.Router_DumpResponse, routerDump.bodyType());
        FBS.Router.DumpResponse router = (FBS.Router.DumpResponse) routerDump.body(new FBS.Router.DumpResponse());
        assertEquals("r1", router.id());
        assertEquals(0, router.transportIdsLength());
        assertEquals(0, router.mapProducerIdConsumerIdsLength());

        assertTrue(closeRouter("r1").accepted());
        assertEquals(0, workerDump().routerIdsLength());
    }

    @Test
    void answersResourceUsage() {
        FBS.Response.Response response = peer.request(FBS.Request.Method.WORKER_GET_RESOURCE_USAGE);
        FBS.Worker.ResourceUsageResponse usage =
                (FBS.Worker.ResourceUsageResponse) response.body(new FBS.Worker.ResourceUsageResponse());
        assertTrue(usage.ruMaxrss() > 0, "maxrss is the process's, never 0");
    }

    static Stream<Arguments> rejectedRequests() {
        return Stream.of(
                Arguments.of("closing a missing router", (Runnable) null, FBS.Request.Method.WORKER_CLOSE_ROUTER, "",
                        "NotFoundError", "Router not found [method:worker.closeRouter]"),
                Arguments.of("dumping a missing router", null, FBS.Request.Method.ROUTER_DUMP, "nope",
                        "NotFoundError", "Channel request handler with ID nope not found [method:router.dump]"),
                Arguments.of("a method not served yet", null, FBS.Request.Method.ROUTER_CREATE_PLAINTRANSPORT, "r9",
                        "NotFoundError", "Channel request handler with ID r9 not found [method:router.createPlainTransport]"),
                Arguments.of("a body of another type", null, FBS.Request.Method.WORKER_CREATE_ROUTER, "",
                        "TypeError", "missing or wrong body [expected:Worker_CreateRouterRequest, got:Worker_CloseRouterRequest]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedRequests")
    void rejectsWithTheErrorOfTheCppWorker(String name, Runnable unused, int method, String handlerId, String error, String reason) {
        FBS.Response.Response response = peer.request(method, handlerId, FBS.Request.Body.Worker_CloseRouterRequest,
                builder -> FBS.Worker.CloseRouterRequest.createCloseRouterRequest(builder, builder.createString("nope")));
        assertFalse(response.accepted());
        assertEquals(error, response.error());
        assertEquals(reason, response.reason());
    }

    @Test
    void rejectsADuplicatedRouterIdAndAWrongLogLevel() {
        peer.createRouter("r1");
        FBS.Response.Response duplicate = peer.createRouter("r1");
        assertEquals("Error", duplicate.error());
        assertEquals("a Router with same routerId already exists [method:worker.createRouter]", duplicate.reason());
        FBS.Response.Response chicken = peer.request(FBS.Request.Method.WORKER_UPDATE_SETTINGS, "",
                FBS.Request.Body.Worker_UpdateSettingsRequest, builder ->
                        FBS.Worker.UpdateSettingsRequest.createUpdateSettingsRequest(builder, builder.createString("chicken"), 0));
        assertEquals("TypeError", chicken.error());
        assertEquals("invalid value 'chicken' for logLevel", chicken.reason());
    }

    /** Frames the verifier-less runtime would misread: each gets an error log line, and the worker keeps serving. */
    @Test
    void dropsHostileFramesAndKeepsServing() {
        byte[][] hostile = {
            {8, 0, 0, 0, (byte) 0xf0, (byte) 0xff, (byte) 0xff, 0x7f, 0, 0, 0, 0},
            {4, 0, 0, 0, 1, 2, 3, 4},
            validCreateRouterWithUnionType((byte) 9),
        };
        for (byte[] frame : hostile) {
            peer.writeRaw(frame);
            assertTrue(peer.nextLog('E').contains("discarding wrong Channel data"));
        }
        assertTrue(peer.createRouter("r1").accepted());
    }

    @Test
    void closesOnWorkerClose() {
        peer.notify(FBS.Notification.Event.WORKER_CLOSE);
        assertTrue(peer.awaitTermination());
    }

    @Test
    void closesAtTheEndOfItsInput() {
        peer.createRouter("r1");
        peer.closeChannelInput();
        assertTrue(peer.awaitTermination());
    }

    private static byte[] validCreateRouterWithUnionType(byte type) {
        FlatBufferBuilder builder = new FlatBufferBuilder(64);
        int body = FBS.Worker.CreateRouterRequest.createCreateRouterRequest(builder, builder.createString("x"));
        int handler = builder.createString("");
        int request = FBS.Request.Request.createRequest(builder, 99, FBS.Request.Method.WORKER_CREATE_ROUTER, handler,
                FBS.Request.Body.Worker_CreateRouterRequest, body);
        builder.finishSizePrefixed(FBS.Message.Message.createMessage(builder, type, request));
        return builder.sizedByteArray();
    }

    private FBS.Response.Response closeRouter(String routerId) {
        return peer.request(FBS.Request.Method.WORKER_CLOSE_ROUTER, "", FBS.Request.Body.Worker_CloseRouterRequest,
                builder -> FBS.Worker.CloseRouterRequest.createCloseRouterRequest(builder, builder.createString(routerId)));
    }

    private FBS.Worker.DumpResponse workerDump() {
        FBS.Response.Response response = peer.request(FBS.Request.Method.WORKER_DUMP);
        assertEquals(FBS.Response.Body.Worker_DumpResponse, response.bodyType());
        return (FBS.Worker.DumpResponse) response.body(new FBS.Worker.DumpResponse());
    }
}
