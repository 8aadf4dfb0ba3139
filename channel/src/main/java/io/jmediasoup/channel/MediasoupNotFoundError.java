package io.jmediasoup.channel;

/**
 * A request named an entity that does not exist. mediasoup 3.32 answers it as
 * {@code "NotFoundError"}; 3.8 knew no such class and answered a plain {@code "Error"}.
 */
public class MediasoupNotFoundError extends MediasoupError {
    private static final long serialVersionUID = 1L;

    public MediasoupNotFoundError(String reason) {
        super(reason);
    }

    @Override
    public String errorName() {
        return "NotFoundError";
    }

    @Override
    public MediasoupError withSuffix(String suffix) {
        return new MediasoupNotFoundError(getMessage() + suffix);
    }
}
