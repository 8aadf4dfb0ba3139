package io.jmediasoup.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FbsMethodNamesTest {
    @ParameterizedTest
    @CsvSource({
        "WORKER_GET_RESOURCE_USAGE, worker.getResourceUsage",
        "WORKER_CLOSE_ROUTER, worker.closeRouter",
        "WORKER_WEBRTCSERVER_CLOSE, worker.closeWebRtcServer",
        "WEBRTCSERVER_DUMP, webRtcServer.dump",
        "ROUTER_CREATE_WEBRTCTRANSPORT_WITH_SERVER, router.createWebRtcTransportWithServer",
        "ROUTER_CREATE_ACTIVESPEAKEROBSERVER, router.createActiveSpeakerObserver",
        "TRANSPORT_SET_MAX_INCOMING_BITRATE, transport.setMaxIncomingBitrate",
        "PLAINTRANSPORT_CONNECT, plainTransport.connect",
        "DATACONSUMER_SET_BUFFERED_AMOUNT_LOW_THRESHOLD, dataConsumer.setBufferedAmountLowThreshold",
        "RTPOBSERVER_REMOVE_PRODUCER, rtpObserver.removeProducer",
    })
    void namesMethodsAsTheCppWorkerDoes(String enumName, String label) {
        int method = java.util.Arrays.asList(FBS.Request.Method.names).indexOf(enumName);
        assertEquals(label, FbsMethodNames.of(method));
    }
}
