package io.jmediasoup.worker.codec;

import com.google.flatbuffers.FlatBufferBuilder;
import io.jmediasoup.channel.MediasoupTypeError;
import java.util.List;

/** What the FlatBuffers codecs share. */
final class Fbs {
    private Fbs() {}

    /**
     * Adds a field even when it holds its type's default: an optional scalar ("= null" in
     * the schema) that is 0 must still be present.
     */
    static void forced(FlatBufferBuilder builder, Runnable add) {
        builder.forceDefaults(true);
        add.run();
        builder.forceDefaults(false);
    }

    /** A string field the request must carry: "missing NAME" (a TypeError) when absent. */
    static String required(String value, String name) {
        if (value == null) {
            throw new MediasoupTypeError("missing " + name);
        }
        return value;
    }

    static int strings(FlatBufferBuilder builder, List<String> values) {
        int[] offsets = new int[values.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = builder.createString(values.get(i));
        }
        return builder.createVectorOfTables(offsets);
    }
}
