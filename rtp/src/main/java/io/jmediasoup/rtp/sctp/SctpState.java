package io.jmediasoup.rtp.sctp;

/** The association states a mediasoup application sees as the transport's sctpState. */
public enum SctpState {
    NEW("new"),
    CONNECTING("connecting"),
    CONNECTED("connected"),
    FAILED("failed"),
    CLOSED("closed");

    private final String label;

    SctpState(String label) {
        this.label = label;
    }

    /** The value of sctpState in dumps, stats and "sctpstatechange". */
    public String label() {
        return label;
    }
}
