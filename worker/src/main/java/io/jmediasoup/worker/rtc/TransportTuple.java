package io.jmediasoup.worker.rtc;

import io.jmediasoup.worker.net.PortManager.Protocol;

/** The local and remote ends of a media path; the remote end is unknown (null) until learnt. */
public record TransportTuple(String localIp, int localPort, String remoteIp, int remotePort, Protocol protocol) {
    static TransportTuple local(String localIp, int localPort, Protocol protocol) {
        return new TransportTuple(localIp, localPort, null, 0, protocol);
    }

    TransportTuple withRemote(String ip, int port) {
        return new TransportTuple(localIp, localPort, ip, port, protocol);
    }
}
