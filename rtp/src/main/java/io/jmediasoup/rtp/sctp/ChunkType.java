package io.jmediasoup.rtp.sctp;

/** Chunk type values (RFC 9260 §3.2, RFC 3758 §3.2, RFC 6525 §3.1). */
final class ChunkType {
    static final int DATA = 0;
    static final int INIT = 1;
    static final int INIT_ACK = 2;
    static final int SACK = 3;
    static final int HEARTBEAT = 4;
    static final int HEARTBEAT_ACK = 5;
    static final int ABORT = 6;
    static final int SHUTDOWN = 7;
    static final int SHUTDOWN_ACK = 8;
    static final int ERROR = 9;
    static final int COOKIE_ECHO = 10;
    static final int COOKIE_ACK = 11;
    static final int SHUTDOWN_COMPLETE = 14;
    static final int RE_CONFIG = 130;
    static final int FORWARD_TSN = 192;

    private ChunkType() {}
}
