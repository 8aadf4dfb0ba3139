package io.jmediasoup.worker.net;

/**
 * mediasoup 3.32's socket flags of a listen info, applied as its C++ worker's libuv does on
 * Linux: ipv6Only sets IPV6_V6ONLY on an IPv6 socket (ignored on IPv4), udpReusePort sets
 * SO_REUSEADDR on a UDP socket (libuv's UV_UDP_REUSEADDR; ignored on TCP), so that sockets
 * of several workers, ours or C++ ones, share a port, the one bound last receiving.
 */
public record SocketFlags(boolean ipv6Only, boolean udpReusePort) {
    public static final SocketFlags NONE = new SocketFlags(false, false);
}
