package io.jmediasoup.channel;

/** A frame that is not a message the worker can act on; it is logged and dropped. */
public class MalformedMessageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String reason) {
        super(reason, null, false, false);
    }
}
