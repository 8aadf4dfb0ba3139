package io.jmediasoup.worker.rtc;

import io.jmediasoup.rtp.RtpPacket;

/**
 * The ids of the header extensions that identify a received packet (MID, RID, repaired RID)
 * and carry its transport-wide sequence number; 0 where not negotiated.
 */
record RtpExtensionIds(int mid, int rid, int rrid, int transportWideCc01) {
    static final RtpExtensionIds NONE = new RtpExtensionIds(0, 0, 0, 0);

    /** What the router's packets carry when a consumer sends them. */
    static final RtpExtensionIds ROUTER = new RtpExtensionIds(HeaderExtensionMap.MID, 0, 0,
            HeaderExtensionMap.TRANSPORT_WIDE_CC);

    String readMid(RtpPacket packet) {
        return mid != 0 ? packet.extensionString(mid) : null;
    }

    /**
     * The packet's RID, else its repaired RID (RFC 8852 §3.2: what RTX packets of a simulcast
     * stream carry), as the C++ worker reads it; null when it has neither.
     */
    String readRid(RtpPacket packet) {
        String value = rid != 0 ? packet.extensionString(rid) : null;
        return value != null || rrid == 0 ? value : packet.extensionString(rrid);
    }
}
