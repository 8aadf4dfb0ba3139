package io.jmediasoup.channel;

/**
 * A request failed: answered as {@code {"error":"Error","reason":...}}, the type the Node
 * library turns into a plain {@code Error}.
 */
public class MediasoupError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MediasoupError(String reason) {
        super(reason, null, false, false);
    }

    /** The name the response carries in its {@code error} field. */
    public String errorName() {
        return "Error";
    }

    /** The same failure with {@code suffix} appended, keeping its type. */
    public MediasoupError withSuffix(String suffix) {
        return new MediasoupError(getMessage() + suffix);
    }
}
