package io.jmediasoup.rtp.sctp;

/**
 * How one message is sent: ordered or not, and its partial reliability (RFC 3758): abandoned
 * after {@code maxPacketLifeTimeMs} or after {@code maxRetransmits} retransmissions; -1 for none.
 */
public record SendOptions(boolean unordered, long maxPacketLifeTimeMs, int maxRetransmits) {
    public static final SendOptions RELIABLE_ORDERED = new SendOptions(false, -1, -1);
}
