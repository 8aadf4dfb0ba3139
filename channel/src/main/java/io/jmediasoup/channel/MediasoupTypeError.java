package io.jmediasoup.channel;

/** A request had invalid arguments: answered with {@code "error":"TypeError"}. */
public class MediasoupTypeError extends MediasoupError {
    private static final long serialVersionUID = 1L;

    public MediasoupTypeError(String reason) {
        super(reason);
    }

    @Override
    public String errorName() {
        return "TypeError";
    }

    @Override
    public MediasoupError withSuffix(String suffix) {
        return new MediasoupTypeError(getMessage() + suffix);
    }
}
