package io.jmediasoup.worker.messages;

import java.util.List;

/**
 * The requests the worker answers itself or for one of its routers, as typed values: the
 * JSON codec of mediasoup 3.8 and the FlatBuffers codec of 3.32 produce them at the channel
 * edge, so the object model never sees either wire format.
 */
public sealed interface WorkerRequest {
    record Dump() implements WorkerRequest {}

    record GetResourceUsage() implements WorkerRequest {}

    /** Either may be null: that setting stays as it is. */
    record UpdateSettings(String logLevel, List<String> logTags) implements WorkerRequest {}

    record CreateRouter(String routerId) implements WorkerRequest {}

    /** mediasoup 3.32 only: UDP sockets and TCP servers that WebRtcTransports share. */
    record CreateWebRtcServer(String webRtcServerId, List<TransportListenInfo> listenInfos) implements WorkerRequest {}

    record CloseWebRtcServer(String webRtcServerId) implements WorkerRequest {}

    record CloseRouter(String routerId) implements WorkerRequest {}

    record DumpRouter(String routerId) implements WorkerRequest {}
}
