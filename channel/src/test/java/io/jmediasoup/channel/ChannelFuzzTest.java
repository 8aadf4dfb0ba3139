package io.jmediasoup.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonObject;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes from the Node side of the channel and payload channel: netstring framing, then strict
 * JSON, then the request or notification envelope. Whatever the bytes, the only outcomes are
 * frames, "malformed" reports and {@link MalformedMessageException}s; every buffer is
 * released; and when nothing was malformed the frames do not depend on how the bytes were
 * split into reads.
 */
class ChannelFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void netstringAndRequests(byte[] input) {
        Decoded whole = decode(input, input.length);
        Decoded split = decode(input, 1 + (input.length > 0 ? (input[0] & 7) : 0));
        if (whole.malformed == 0 && split.malformed == 0) {
            assertEquals(whole.frames, split.frames, "frames depend on read boundaries");
        }
        for (String frame : whole.frames) {
            parseMessage(frame.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** Feeds {@code input} in reads of {@code readSize} bytes, small frame limit so oversized frames are hit too. */
    private static Decoded decode(byte[] input, int readSize) {
        Decoded decoded = new Decoded();
        TrackingAllocator allocator = new TrackingAllocator();
        try (NetstringDecoder decoder = new NetstringDecoder(allocator, decoded, 4096)) {
            for (int offset = 0; offset < input.length; offset += readSize) {
                ByteBuf read = Unpooled.wrappedBuffer(input, offset, Math.min(readSize, input.length - offset));
                decoder.feed(read);
                assertEquals(0, read.readableBytes(), "the decoder consumes every read");
                read.release();
            }
        }
        allocator.assertAllReleased();
        return decoded;
    }

    private static void parseMessage(byte[] frame) {
        JsonObject json;
        try {
            json = Json.parseObject(Unpooled.wrappedBuffer(frame));
        } catch (MalformedMessageException dropped) {
            return;
        }
        List<JsonObject> answers = new ArrayList<>();
        try {
            Request request = Request.parse(answers::add, json, ChannelMethods.CHANNEL);
            assertTrue(ChannelMethods.CHANNEL.contains(request.method()));
            assertTrue(answers.isEmpty());
        } catch (MalformedMessageException dropped) {
            assertTrue(answers.size() <= 1, "at most the 'unknown method' answer");
        }
        try {
            PayloadNotification.parse(json);
        } catch (MalformedMessageException dropped) {
            // Dropped with a log line by the endpoint.
        }
    }

    private static final class Decoded implements NetstringDecoder.Listener {
        /** Each frame's bytes, one char per byte (ISO-8859-1), so that lists compare by content. */
        final List<String> frames = new ArrayList<>();
        int malformed;

        @Override
        public void onFrame(ByteBuf payload) {
            frames.add(payload.toString(StandardCharsets.ISO_8859_1));
        }

        @Override
        public void onMalformed(String reason) {
            malformed++;
        }
    }
}
