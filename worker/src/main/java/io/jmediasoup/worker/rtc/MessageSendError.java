package io.jmediasoup.worker.rtc;

import io.jmediasoup.channel.MediasoupError;

/**
 * A data consumer could not queue a message the application sent: both C++ workers answer
 * this from the send callback, with the bare reason ("sctpsendbufferfull", "message send
 * failed") and no method appended.
 */
final class MessageSendError extends MediasoupError {
    private static final long serialVersionUID = 1L;

    MessageSendError(String reason) {
        super(reason);
    }

    @Override
    public MediasoupError withSuffix(String suffix) {
        return this;
    }
}
