package io.jmediasoup.worker.rtc;

/**
 * The ids of the header extensions that identify a received packet (MID, RID, repaired RID)
 * and carry its transport-wide sequence number; 0 where not negotiated.
 */
record RtpExtensionIds(int mid, int rid, int rrid, int transportWideCc01) {
    static final RtpExtensionIds NONE = new RtpExtensionIds(0, 0, 0, 0);

    /** What the router's packets carry when a consumer sends them. */
    static final RtpExtensionIds ROUTER = new RtpExtensionIds(HeaderExtensionMap.MID, 0, 0,
            HeaderExtensionMap.TRANSPORT_WIDE_CC);
}
