package io.jmediasoup.rtp.dtls;

import java.util.Locale;

/** The states a WebRtcTransport reports in "dtlsstatechange" and its dump. */
public enum DtlsState {
    NEW,
    CONNECTING,
    CONNECTED,
    FAILED,
    CLOSED;

    /** The lowercase name mediasoup uses: "new", "connecting", ... */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
