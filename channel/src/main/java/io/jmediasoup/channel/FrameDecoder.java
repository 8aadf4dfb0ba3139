package io.jmediasoup.channel;

import io.netty.buffer.ByteBuf;

/**
 * Cuts a byte stream into frames: frames may be split across reads and a read may carry
 * several. Implementations buffer at most one incomplete frame of bounded size.
 */
public interface FrameDecoder extends AutoCloseable {
    /** Receives decoded frames and framing errors. */
    interface Listener {
        /** A whole frame's payload; valid only during the call, not to be released. */
        void onFrame(ByteBuf payload);

        void onMalformed(String reason);
    }

    /** Consumes the readable bytes of {@code data}; the caller keeps ownership of it. */
    void feed(ByteBuf data);

    /** Releases what is buffered. */
    @Override
    void close();
}
