package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.net.IpAddresses;

/** The remote ip and port given to a Plain or Pipe transport's connect(), checked when the transport needs them. */
final class UdpPeerAddress {
    private UdpPeerAddress() {}

    static String ip(String ip) {
        if (ip == null) {
            throw new MediasoupTypeError("missing ip");
        }
        return IpAddresses.normalize(ip);
    }

    static int port(Long port) {
        if (port == null) {
            throw new MediasoupTypeError("missing port");
        }
        return PortNumber.of(port, "port");
    }
}
