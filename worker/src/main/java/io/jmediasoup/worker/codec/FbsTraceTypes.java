package io.jmediasoup.worker.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * mediasoup 3.32's FBS.Producer.TraceEventType and FBS.Consumer.TraceEventType as names
 * ("keyframe", "fir", "nack", "pli", "rtp", "sr"): both enums count in this order.
 */
final class FbsTraceTypes {
    private FbsTraceTypes() {}

    private static final List<String> NAMES = List.of("keyframe", "fir", "nack", "pli", "rtp", "sr");

    /** The names of the enum values {@code count} of {@code get} gives; an unknown value is ignored, as in the C++ worker. */
    static List<String> names(int count, java.util.function.IntUnaryOperator get) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int value = get.applyAsInt(i);
            if (value < NAMES.size()) {
                names.add(NAMES.get(value));
            }
        }
        return names;
    }

    /** The enum values of {@code names}. */
    static byte[] values(List<String> names) {
        byte[] values = new byte[names.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (byte) NAMES.indexOf(names.get(i));
        }
        return values;
    }
}
