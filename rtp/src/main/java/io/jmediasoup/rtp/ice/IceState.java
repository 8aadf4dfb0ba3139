package io.jmediasoup.rtp.ice;

import java.util.Locale;

/** The states of an ICE-lite agent as mediasoup reports them ("iceState"). */
public enum IceState {
    NEW, CONNECTED, COMPLETED, DISCONNECTED;

    /** The name mediasoup's API uses: "new", "connected", ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
