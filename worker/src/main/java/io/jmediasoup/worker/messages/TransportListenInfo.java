package io.jmediasoup.worker.messages;

import io.jmediasoup.worker.net.PortManager.Protocol;

/**
 * Where a transport listens (mediasoup 3.32's TransportListenInfo; 3.8's listenIp and port map
 * onto it). A port of 0 means one of a range: {@code portRangeMin..portRangeMax} when both are
 * set, else the worker's rtcMinPort..rtcMaxPort. Buffer sizes of 0 leave the system's.
 */
public record TransportListenInfo(Protocol protocol, String ip, String announcedAddress, boolean exposeInternalIp,
        int port, int portRangeMin, int portRangeMax, boolean ipv6Only, boolean udpReusePort, long sendBufferSize,
        long recvBufferSize) {
    /** 3.8's listenIp: an IP, the IP to announce (may be null) and a fixed port or 0. */
    public static TransportListenInfo of(Protocol protocol, String ip, String announcedAddress, int port) {
        return new TransportListenInfo(protocol, ip, announcedAddress, false, port, 0, 0, false, false, 0, 0);
    }

    /** The same place, for another protocol. */
    public TransportListenInfo withProtocol(Protocol other) {
        return new TransportListenInfo(other, ip, announcedAddress, exposeInternalIp, port, portRangeMin, portRangeMax,
                ipv6Only, udpReusePort, sendBufferSize, recvBufferSize);
    }

    /** The same place, on a fixed {@code port} (0: one of the range). */
    public TransportListenInfo withFixedPort(int fixedPort) {
        return new TransportListenInfo(protocol, ip, announcedAddress, exposeInternalIp, fixedPort, portRangeMin,
                portRangeMax, ipv6Only, udpReusePort, sendBufferSize, recvBufferSize);
    }

    /** The address peers are told to send to. */
    public String announced() {
        return announcedAddress != null && !announcedAddress.isEmpty() ? announcedAddress : ip;
    }
}
