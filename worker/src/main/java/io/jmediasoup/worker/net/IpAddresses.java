package io.jmediasoup.worker.net;

import io.jmediasoup.channel.MediasoupTypeError;
import io.netty.util.NetUtil;
import java.net.InetAddress;

/** IP address literals as the C++ worker takes them: IPv4 or IPv6 text, never a host name. */
public final class IpAddresses {
    private IpAddresses() {}

    /** Parses a literal; a TypeError for anything else (no name resolution ever happens). */
    public static InetAddress parse(String ip) {
        InetAddress address = NetUtil.createInetAddressFromIpAddressString(ip);
        if (address == null) {
            throw new MediasoupTypeError("invalid IP '" + ip + "'");
        }
        return address;
    }

    /** The canonical text of a literal ("::0" becomes "::"), as the C++ worker normalises it. */
    public static String normalize(String ip) {
        return NetUtil.toAddressString(parse(ip));
    }
}
