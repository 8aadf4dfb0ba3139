package io.jmediasoup.rtp.bwe;

/** What the delay-based detector concludes from the trend of one-way delay. */
public enum BandwidthUsage {
    NORMAL,
    /** Delay grows: a queue builds up on the path. */
    OVERUSING,
    /** Delay shrinks: a queue drains. */
    UNDERUSING
}
