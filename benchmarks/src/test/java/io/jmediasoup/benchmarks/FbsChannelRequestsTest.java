package io.jmediasoup.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import FBS.RtpParameters.RtpParameters;
import io.jmediasoup.worker.ProduceFixture;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The 3.32 requests read back with the generated classes carry the producer the 3.8 JSON request does. */
class FbsChannelRequestsTest {
    @Test
    void transportProduceIsTheVp8SimulcastProducerAddressedToTheTransport() {
        ByteBuffer message = FbsChannelRequests.transportProduce(345);
        assertEquals(message.remaining() - Integer.BYTES, message.order(ByteOrder.LITTLE_ENDIAN).getInt(message.position()),
                "size prefix");
        FBS.Request.Request request = request(message);
        assertEquals(345, request.id());
        assertEquals(FBS.Request.Method.TRANSPORT_PRODUCE, request.method());
        assertEquals(FbsChannelRequests.TRANSPORT_ID, request.handlerId());
        assertEquals(FBS.Request.Body.Transport_ProduceRequest, request.bodyType());

        FBS.Transport.ProduceRequest produce = (FBS.Transport.ProduceRequest) request.body(new FBS.Transport.ProduceRequest());
        assertEquals(FbsChannelRequests.PRODUCER_ID, produce.producerId());
        assertEquals(FBS.RtpParameters.MediaKind.VIDEO, produce.kind());
        assertFalse(produce.paused());
        RtpParameters parameters = produce.rtpParameters();
        assertEquals("0", parameters.mid());
        assertEquals("video/VP8", parameters.codecs(0).mimeType());
        assertEquals(5, parameters.codecs(0).rtcpFeedbackLength());
        assertEquals("video/rtx", parameters.codecs(1).mimeType());
        assertEquals("apt", parameters.codecs(1).parameters(0).name());
        assertEquals(96, ((FBS.RtpParameters.Integer32) parameters.codecs(1).parameters(0)
                .value(new FBS.RtpParameters.Integer32())).value());
        assertEquals(6, parameters.headerExtensionsLength());
        String[] rids = new String[parameters.encodingsLength()];
        Arrays.setAll(rids, i -> parameters.encodings(i).rid());
        assertArrayEquals(new String[] {"r0", "r1", "r2"}, rids);
        assertEquals("S1T3", parameters.encodings(2).scalabilityMode());
        assertEquals(900000, parameters.encodings(2).maxBitrate());
        assertEquals("Qnl6Vd8lQwGkt2xD", parameters.rtcp().cname());
        assertEquals(102, produce.rtpMapping().codecs(1).mappedPayloadType());
        assertEquals(226992403L, produce.rtpMapping().encodings(2).mappedSsrc());
        assertEquals("r2", produce.rtpMapping().encodings(2).rid());
    }

    @Test
    void transportCloseProducerNamesTheProducer() {
        FBS.Request.Request request = request(FbsChannelRequests.transportCloseProducer(346));
        assertEquals(FBS.Request.Method.TRANSPORT_CLOSE_PRODUCER, request.method());
        assertEquals(FbsChannelRequests.TRANSPORT_ID, request.handlerId());
        FBS.Transport.CloseProducerRequest close =
                (FBS.Transport.CloseProducerRequest) request.body(new FBS.Transport.CloseProducerRequest());
        assertEquals(FbsChannelRequests.PRODUCER_ID, close.producerId());
    }

    private static FBS.Request.Request request(ByteBuffer message) {
        ByteBuffer frame = ProduceFixture.unprefixed(message).order(ByteOrder.LITTLE_ENDIAN);
        FBS.Message.Message root = FBS.Message.Message.getRootAsMessage(frame);
        assertEquals(FBS.Message.Body.Request, root.dataType());
        return (FBS.Request.Request) root.data(new FBS.Request.Request());
    }
}
