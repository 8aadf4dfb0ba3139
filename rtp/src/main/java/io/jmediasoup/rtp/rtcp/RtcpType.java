package io.jmediasoup.rtp.rtcp;

/** RTCP packet types (RFC 3550 §12.1, RFC 4585 §6.1, RFC 3611). */
public final class RtcpType {
    public static final int SR = 200;
    public static final int RR = 201;
    public static final int SDES = 202;
    public static final int BYE = 203;
    public static final int APP = 204;
    /** Transport-layer feedback: generic NACK (FMT 1), transport-cc (FMT 15). */
    public static final int RTPFB = 205;
    /** Payload-specific feedback: PLI (FMT 1), FIR (FMT 4), REMB (FMT 15). */
    public static final int PSFB = 206;
    public static final int XR = 207;

    private RtcpType() {}
}
