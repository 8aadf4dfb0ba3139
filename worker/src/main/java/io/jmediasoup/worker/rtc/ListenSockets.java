package io.jmediasoup.worker.rtc;

import io.jmediasoup.worker.messages.TransportListenInfo;
import io.jmediasoup.worker.net.PortManager;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;

/** Binds a transport's socket where a {@link TransportListenInfo} says, as the C++ worker picks the port. */
final class ListenSockets {
    private ListenSockets() {}

    /**
     * On the listen info's port range when both ends are set, else on its fixed port, else on
     * the worker's range; a UDP socket with udpReusePort shares its port.
     */
    static Channel bind(PortManager ports, TransportListenInfo info) {
        Channel channel;
        if (info.portRangeMin() != 0 && info.portRangeMax() != 0) {
            channel = ports.bind(info.protocol(), info.ip(), info.portRangeMin(), info.portRangeMax(),
                    info.udpReusePort());
        } else if (info.port() != 0) {
            channel = ports.bind(info.protocol(), info.ip(), info.port(), info.udpReusePort());
        } else {
            channel = ports.bind(info.protocol(), info.ip());
        }
        if (info.sendBufferSize() != 0) {
            channel.config().setOption(ChannelOption.SO_SNDBUF, (int) Math.min(info.sendBufferSize(), Integer.MAX_VALUE));
        }
        if (info.recvBufferSize() != 0) {
            channel.config().setOption(ChannelOption.SO_RCVBUF, (int) Math.min(info.recvBufferSize(), Integer.MAX_VALUE));
        }
        return channel;
    }
}
