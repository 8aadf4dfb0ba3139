package io.jmediasoup.rtp.bwe;

/**
 * When a transport that receives with transport-cc has a maximum incoming bitrate
 * (transport.setMaxIncomingBitrate), the C++ worker also tells the sender that maximum in a
 * REMB every 1.5 s, on the arrival of packets; when the maximum is lifted, four REMBs of 0
 * (no limit) follow, the first at once. This decides when, with time injected.
 */
public final class LimitationRemb {
    static final long INTERVAL_MS = 1500;
    static final int UNLIMITED_COUNT = 4;

    private long maxIncomingBitrate;
    private int unlimitedLeft;
    private boolean sent;
    private long sentAtMs;

    /** The new maximum (0: none); true when a REMB may be due at once ({@link #due}). */
    public boolean setMaxIncomingBitrate(long bitrate) {
        long previous = maxIncomingBitrate;
        maxIncomingBitrate = bitrate;
        if (previous != 0 && bitrate == 0) {
            unlimitedLeft = UNLIMITED_COUNT;
            return true;
        }
        return false;
    }

    /** The bitrate of a REMB to send now, or -1 when none is due; counts it as sent. */
    public long due(long nowMs) {
        if (unlimitedLeft > 0 && maxIncomingBitrate != 0) {
            unlimitedLeft = 0;
        }
        if (maxIncomingBitrate == 0 && unlimitedLeft == 0) {
            return -1;
        }
        boolean firstUnlimited = unlimitedLeft == UNLIMITED_COUNT;
        if (sent && nowMs - sentAtMs <= INTERVAL_MS && !firstUnlimited) {
            return -1;
        }
        sent = true;
        sentAtMs = nowMs;
        if (unlimitedLeft > 0) {
            unlimitedLeft--;
        }
        return maxIncomingBitrate;
    }
}
