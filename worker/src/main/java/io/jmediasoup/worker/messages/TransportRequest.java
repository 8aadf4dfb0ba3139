package io.jmediasoup.worker.messages;

/**
 * The requests about transports: their creation and closure, which a router answers (handler
 * id: the router's), and those a transport answers itself.
 */
public interface TransportRequest extends ChannelRequest {
    record CreatePlain(String handlerId, String transportId, TransportOptions.Plain options) implements TransportRequest {}

    record CreateWebRtc(String handlerId, String transportId, TransportOptions.WebRtc options) implements TransportRequest {}

    record CreatePipe(String handlerId, String transportId, TransportOptions.Pipe options) implements TransportRequest {}

    record CreateDirect(String handlerId, String transportId, TransportOptions.Direct options) implements TransportRequest {}

    record Close(String handlerId, String transportId) implements TransportRequest {}

    record Dump(String handlerId) implements TransportRequest {}
}
