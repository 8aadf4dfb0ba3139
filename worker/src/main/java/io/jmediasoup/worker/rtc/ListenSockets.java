package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupTypeError;
import io.jmediasoup.worker.messages.TransportListenInfo;
import io.jmediasoup.worker.net.PortManager;
import io.jmediasoup.worker.net.SocketFlags;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;

/** Binds a transport's socket where a {@link TransportListenInfo} says, as the C++ worker picks the port. */
final class ListenSockets {
    private ListenSockets() {}

    /**
     * On the listen info's port range when both ends are set, else on its fixed port, else on
     * the worker's range, with its socket flags and buffer sizes (0: the system's).
     */
    static Channel bind(PortManager ports, TransportListenInfo info) {
        SocketFlags flags = new SocketFlags(info.ipv6Only(), info.udpReusePort());
        Channel channel;
        if (info.portRangeMin() != 0 && info.portRangeMax() != 0) {
            channel = ports.bind(info.protocol(), info.ip(), info.portRangeMin(), info.portRangeMax(), flags);
        } else if (info.port() != 0) {
            channel = ports.bind(info.protocol(), info.ip(), info.port(), flags);
        } else {
            channel = ports.bind(info.protocol(), info.ip(), flags);
        }
        try {
            if (info.sendBufferSize() != 0) {
                channel.config().setOption(ChannelOption.SO_SNDBUF, bufferSize(info.sendBufferSize()));
            }
            if (info.recvBufferSize() != 0) {
                channel.config().setOption(ChannelOption.SO_RCVBUF, bufferSize(info.recvBufferSize()));
            }
        } catch (RuntimeException failed) {
            channel.close();
            throw failed;
        }
        return channel;
    }

    /** The size as the C++ worker hands it to the system: an int, refused unless positive. */
    private static int bufferSize(long size) {
        int sizeInt = (int) size;
        if (sizeInt <= 0) {
            throw new MediasoupTypeError("invalid size: " + sizeInt);
        }
        return sizeInt;
    }
}
