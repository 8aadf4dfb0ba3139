package io.jmediasoup.worker.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmediasoup.channel.FbsMessages;
import io.jmediasoup.channel.FbsRequest;
import io.jmediasoup.channel.MediasoupError;
import io.jmediasoup.channel.MediasoupNotFoundError;
import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.messages.RtpObserverRequest;
import io.jmediasoup.worker.rtc.ChannelHandler;
import io.jmediasoup.worker.rtc.EntityIdError;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 3.32's error texts, as its C++ worker words them: the method appended only to a child id
 * missing or taken, never to a TypeError or any other failure; 3.8 appends it to all.
 */
class FbsWorkerCodecErrorTest {

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(FBS.Request.Method.TRANSPORT_CLOSE_PRODUCER, EntityIdError.missing("Producer"),
                        "NotFoundError", "Producer not found [method:transport.closeProducer]",
                        "Producer not found [method:transport.closeProducer]"),
                Arguments.of(FBS.Request.Method.TRANSPORT_CLOSE_CONSUMER, EntityIdError.missing("Consumer"),
                        "NotFoundError", "Consumer not found [method:transport.closeConsumer]",
                        "Consumer not found [method:transport.closeConsumer]"),
                Arguments.of(FBS.Request.Method.ROUTER_CLOSE_TRANSPORT, EntityIdError.missing("Transport"),
                        "NotFoundError", "Transport not found [method:router.closeTransport]",
                        "Transport not found [method:router.closeTransport]"),
                Arguments.of(FBS.Request.Method.WORKER_CLOSE_ROUTER, EntityIdError.missing("Router"),
                        "NotFoundError", "Router not found [method:worker.closeRouter]",
                        "Router not found [method:worker.closeRouter]"),
                Arguments.of(FBS.Request.Method.WORKER_CREATE_ROUTER, EntityIdError.taken("Router", "routerId"),
                        "Error", "a Router with same routerId already exists [method:worker.createRouter]",
                        "a Router with same routerId already exists [method:worker.createRouter]"),
                Arguments.of(FBS.Request.Method.ROUTER_CREATE_WEBRTCTRANSPORT,
                        EntityIdError.taken("Transport", "transportId", "id"),
                        "Error", "a Transport with same id already exists [method:router.createWebRtcTransport]",
                        "a Transport with same transportId already exists [method:router.createWebRtcTransport]"),
                Arguments.of(FBS.Request.Method.ROUTER_CREATE_AUDIOLEVELOBSERVER,
                        EntityIdError.taken("RtpObserver", "rtpObserverId", "id"),
                        "Error", "an RtpObserver with same id already exists [method:router.createAudioLevelObserver]",
                        "an RtpObserver with same rtpObserverId already exists [method:router.createAudioLevelObserver]"),
                Arguments.of(FBS.Request.Method.TRANSPORT_PRODUCE, new MediasoupError("ssrc already exists in RTP listener [ssrc:1111]"),
                        "Error", "ssrc already exists in RTP listener [ssrc:1111]",
                        "ssrc already exists in RTP listener [ssrc:1111] [method:transport.produce]"),
                Arguments.of(FBS.Request.Method.TRANSPORT_CONSUME, new MediasoupNotFoundError("Producer not found [producerId:p1]"),
                        "NotFoundError", "Producer not found [producerId:p1]",
                        "Producer not found [producerId:p1] [method:transport.consume]"),
                Arguments.of(FBS.Request.Method.PLAINTRANSPORT_CONNECT, new MediasoupTypeError("invalid IP 'x'"),
                        "TypeError", "invalid IP 'x'", "invalid IP 'x' [method:plainTransport.connect]"),
                Arguments.of(FBS.Request.Method.PRODUCER_DUMP, ChannelHandler.unknownMethod(new RtpObserverRequest.Pause("t1")),
                        "Error", "unknown method 'producer.dump'", "unknown method 'Pause' [method:producer.dump]"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void wordsEachErrorAsItsEraDoes(int method, MediasoupError error, String name332, String reason332, String reason38) {
        FbsRequest request = FbsMessages.request(method, "t1", FBS.Request.Body.NONE, null);
        MediasoupError answered = FbsWorkerCodec.error(error, request);
        assertEquals(name332, answered.errorName());
        assertEquals(reason332, answered.getMessage());
        MediasoupError answered38 = JsonWorkerCodec.entityError(error, request.methodLabel());
        assertEquals(reason38, answered38.getMessage());
    }
}
