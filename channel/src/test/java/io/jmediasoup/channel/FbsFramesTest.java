package io.jmediasoup.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Frames the Node library of 3.32 sends, and hostile ones: the reader never half-reads. */
class FbsFramesTest {
    /** Vtable slots of FBS.Request.Request's method and body_type (fields 1 and 3). */
    private static final int METHOD_SLOT = 6;
    private static final int BODY_TYPE_SLOT = 10;

    /** worker.createRouter {router_id:"r1"} as request 7, without the size prefix. */
    static byte[] createRouterRequest(long id, String routerId) {
        FlatBufferBuilder builder = new FlatBufferBuilder(64);
        int routerIdOffset = builder.createString(routerId);
        int body = FBS.Worker.CreateRouterRequest.createCreateRouterRequest(builder, routerIdOffset);
        int handlerId = builder.createString("");
        int request = FBS.Request.Request.createRequest(builder, id, FBS.Request.Method.WORKER_CREATE_ROUTER, handlerId,
                FBS.Request.Body.Worker_CreateRouterRequest, body);
        builder.finish(FBS.Message.Message.createMessage(builder, FBS.Message.Body.Request, request));
        return builder.sizedByteArray();
    }

    static byte[] closeWorkerNotification() {
        FlatBufferBuilder builder = new FlatBufferBuilder(64);
        int handlerId = builder.createString("");
        int notification = FBS.Notification.Notification.createNotification(builder, handlerId,
                FBS.Notification.Event.WORKER_CLOSE, FBS.Notification.Body.NONE, 0);
        builder.finish(FBS.Message.Message.createMessage(builder, FBS.Message.Body.Notification, notification));
        return builder.sizedByteArray();
    }

    @Test
    void readsARequestAndItsBody() {
        FbsFrames.Envelope envelope = FbsFrames.read(ByteBuffer.wrap(createRouterRequest(7, "r1")));
        FbsRequest request = new FbsRequest(null, envelope.request());
        assertEquals(7, request.id());
        assertEquals("WORKER_CREATE_ROUTER", request.methodName());
        assertEquals("", request.handlerId());
        assertEquals("r1", request.body(FBS.Request.Body.Worker_CreateRouterRequest,
                new FBS.Worker.CreateRouterRequest()).routerId());
    }

    @Test
    void readsANotification() {
        FbsFrames.Envelope envelope = FbsFrames.read(ByteBuffer.wrap(closeWorkerNotification()));
        assertNotNull(envelope.notification());
        assertEquals("WORKER_CLOSE", new FbsNotification(envelope.notification()).eventName());
    }

    @Test
    void refusesABodyOfAnotherType() {
        FbsRequest request = new FbsRequest(null, FbsFrames.read(ByteBuffer.wrap(createRouterRequest(7, "r1"))).request());
        MediasoupTypeError error = assertThrows(MediasoupTypeError.class,
                () -> request.body(FBS.Request.Body.Worker_CloseRouterRequest, new FBS.Worker.CloseRouterRequest()));
        assertEquals("missing or wrong body [expected:Worker_CloseRouterRequest, got:Worker_CreateRouterRequest]",
                error.getMessage());
    }

    /** Every truncation of a valid message is refused or read whole; none throws anything else. */
    @Test
    void refusesTruncatedMessages() {
        byte[] whole = createRouterRequest(7, "r1");
        for (int length = 0; length < whole.length; length++) {
            byte[] truncated = Arrays.copyOf(whole, length);
            try {
                FbsRequest request = new FbsRequest(null, FbsFrames.read(ByteBuffer.wrap(truncated)).request());
                request.body(FBS.Request.Body.Worker_CreateRouterRequest, new FBS.Worker.CreateRouterRequest()).routerId();
            } catch (MalformedMessageException | IndexOutOfBoundsException | MediasoupTypeError refused) {
                continue;
            }
        }
        assertThrows(MalformedMessageException.class, () -> FbsFrames.read(ByteBuffer.wrap(Arrays.copyOf(whole, 7))));
    }

    static Stream<Arguments> hostileFrames() {
        byte[] valid = createRouterRequest(7, "r1");
        return Stream.of(
                Arguments.of("empty", new byte[0], "message of 0 bytes is too short"),
                Arguments.of("root offset past the end", patchInt(valid, 0, 0x7fff_fff0), "not a valid FlatBuffer: IndexOutOfBoundsException"),
                Arguments.of("negative root offset", patchInt(valid, 0, -8), "not a valid FlatBuffer: IndexOutOfBoundsException"),
                Arguments.of("vtable offset out of range", patchInt(valid, rootTable(valid), 0x40000000), "not a valid FlatBuffer: IndexOutOfBoundsException"),
                Arguments.of("unknown message type", patchUnionType(valid, (byte) 9), "unexpected message type 9"),
                Arguments.of("a Log from the Node side", patchUnionType(valid, FBS.Message.Body.Log), "unexpected message type 4"),
                Arguments.of("no message type", patchUnionType(valid, FBS.Message.Body.NONE), "unexpected message type 0"),
                Arguments.of("unknown method", patchRequestField(valid, METHOD_SLOT, (byte) 200), "unknown method 200"),
                Arguments.of("unknown body type", patchRequestField(valid, BODY_TYPE_SLOT, (byte) 250), "unknown request body type 250"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFrames")
    void refusesHostileFrames(String name, byte[] frame, String reason) {
        assertEquals(reason, assertThrows(MalformedMessageException.class, () -> FbsFrames.read(ByteBuffer.wrap(frame))).getMessage());
    }

    private static byte[] patchInt(byte[] frame, int at, int value) {
        byte[] patched = frame.clone();
        ByteBuffer.wrap(patched).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(at, value);
        return patched;
    }

    private static int rootTable(byte[] frame) {
        return ByteBuffer.wrap(frame).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(0);
    }

    /** The Message table's union type byte, found through its vtable. */
    private static byte[] patchUnionType(byte[] frame, byte type) {
        ByteBuffer bytes = ByteBuffer.wrap(frame.clone()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int table = bytes.getInt(0);
        int vtable = table - bytes.getInt(table);
        int field = bytes.getShort(vtable + 4);
        bytes.put(table + field, type);
        return bytes.array();
    }

    /** The request table's byte field at vtable slot {@code slot}. */
    private static byte[] patchRequestField(byte[] frame, int slot, byte value) {
        ByteBuffer bytes = ByteBuffer.wrap(frame.clone()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int table = bytes.getInt(0);
        int vtable = table - bytes.getInt(table);
        int dataField = table + bytes.getShort(vtable + 6);
        int request = dataField + bytes.getInt(dataField);
        int requestVtable = request - bytes.getInt(request);
        bytes.put(request + bytes.getShort(requestVtable + slot), value);
        return bytes.array();
    }
}
