package io.jmediasoup.channel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Copies what a {@link FrameDecoder} delivers; it never releases a payload, the decoder owns it. */
final class RecordingListener implements NetstringDecoder.Listener {
    private final List<byte[]> frames = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    @Override
    public void onFrame(ByteBuf payload) {
        assertTrue(payload.refCnt() > 0, "the payload is live during the call");
        frames.add(ByteBufUtil.getBytes(payload));
    }

    @Override
    public void onMalformed(String reason) {
        errors.add(reason);
    }

    List<byte[]> frameBytes() {
        return frames;
    }

    /** The payloads as ISO-8859-1 text: one char per byte, so equal text means equal bytes. */
    List<String> frames() {
        return frames.stream().map(bytes -> new String(bytes, StandardCharsets.ISO_8859_1)).toList();
    }

    List<String> errors() {
        return errors;
    }
}
