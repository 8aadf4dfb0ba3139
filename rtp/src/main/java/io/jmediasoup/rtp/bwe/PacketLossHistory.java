package io.jmediasoup.rtp.bwe;

/**
 * The packet loss a transport reports in its stats (rtpPacketLossReceived, rtpPacketLossSent):
 * the loss ratios of the last {@value #LENGTH} transport-cc feedback packets, averaged with
 * weights 1 for the oldest up to {@value #LENGTH} for the newest, as the C++ worker does.
 */
public final class PacketLossHistory {
    static final int LENGTH = 24;

    private final double[] ratios = new double[LENGTH];
    private int count;
    private int next;
    private double packetLoss;

    /** Adds the loss ratio (0 to 1) of one more feedback packet. */
    public void add(double ratio) {
        ratios[next] = ratio;
        next = (next + 1) % LENGTH;
        count = Math.min(count + 1, LENGTH);
        double total = 0;
        long weights = 0;
        for (int weight = 1; weight <= count; weight++) {
            total += weight * ratios[(next - count + weight - 1 + LENGTH) % LENGTH];
            weights += weight;
        }
        packetLoss = total / weights;
    }

    /** The weighted average; 0 before any feedback. */
    public double packetLoss() {
        return packetLoss;
    }
}
