package io.jmediasoup.worker.rtc.params;

/** How a data producer or consumer carries its messages: over the transport's SCTP association, or over the channel to the application. */
public enum DataType {
    SCTP("sctp"),
    DIRECT("direct");

    private final String label;

    DataType(String label) {
        this.label = label;
    }

    /** The name both eras' Node libraries use. */
    public String label() {
        return label;
    }
}
