package io.jmediasoup.rtp.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Key-frame requests per SSRC on a fake clock: folded while pending, sent once more when no
 * key frame comes in time, and held to one per keyFrameRequestDelay.
 */
class KeyFrameRequestManagerTest {
    private static final long SSRC = 1111;

    /** Runs a script of steps "at ms: action" and returns when requests went out (ms after start). */
    private static List<Long> run(long delayMs, String... steps) {
        List<Long> sent = new ArrayList<>();
        long[] clock = {0};
        KeyFrameRequestManager manager = new KeyFrameRequestManager(ssrc -> sent.add(clock[0]), delayMs);
        for (String step : steps) {
            String[] parts = step.split(": ");
            long atMs = Long.parseLong(parts[0]);
            // The owner's timer: every deadline up to the step is handled in order.
            for (long next = manager.nextDeadlineMs(); next <= atMs; next = manager.nextDeadlineMs()) {
                clock[0] = next;
                manager.onTimer(next);
            }
            clock[0] = atMs;
            switch (parts[1]) {
                case "needed" -> manager.keyFrameNeeded(SSRC, atMs);
                case "forced" -> manager.forceKeyFrameNeeded(SSRC, atMs);
                case "received" -> manager.keyFrameReceived(SSRC);
                case "wait" -> { }
                default -> throw new IllegalArgumentException(step);
            }
        }
        return sent;
    }

    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of("answered in time: one request", 0L,
                        new String[] {"0: needed", "300: received", "5000: wait"}, List.of(0L)),
                Arguments.of("unanswered: asked once more after 1 s, then given up", 0L,
                        new String[] {"0: needed", "5000: wait"}, List.of(0L, 1000L)),
                Arguments.of("answered after the retry: no third request", 0L,
                        new String[] {"0: needed", "1500: received", "5000: wait"}, List.of(0L, 1000L)),
                Arguments.of("needed again while pending: folded, and asked at the deadline", 0L,
                        new String[] {"0: needed", "200: needed", "400: needed", "5000: wait"}, List.of(0L, 1000L)),
                Arguments.of("needed again after giving up: a new request", 0L,
                        new String[] {"0: needed", "2500: needed", "2600: received", "5000: wait"},
                        List.of(0L, 1000L, 2500L)),
                Arguments.of("forced: asked at once even while pending, wait started over", 0L,
                        new String[] {"0: needed", "600: forced", "5000: wait"}, List.of(0L, 600L, 1600L)),
                Arguments.of("with a delay, requests during it wait for its end", 3000L,
                        new String[] {"0: needed", "100: received", "500: needed", "3200: received", "9000: wait"},
                        List.of(0L, 3000L)),
                Arguments.of("with a delay, nothing asked during it: nothing at its end", 3000L,
                        new String[] {"0: needed", "100: received", "9000: wait"}, List.of(0L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void requestsAsTheCppWorker(String name, long delayMs, String[] steps, List<Long> expected) {
        assertEquals(expected, run(delayMs, steps));
    }

    @Test
    void streamsAreIndependent() {
        List<Long> sent = new ArrayList<>();
        KeyFrameRequestManager manager = new KeyFrameRequestManager(sent::add, 0);
        manager.keyFrameNeeded(1, 0);
        manager.keyFrameNeeded(2, 0);
        manager.keyFrameNeeded(1, 10);
        manager.keyFrameReceived(1);
        manager.onTimer(1000);
        assertEquals(List.of(1L, 2L, 2L), sent, "stream 2 asked again, stream 1 answered");
        manager.onTimer(2000);
        assertEquals(Long.MAX_VALUE, manager.nextDeadlineMs(), "nothing left to wait for");
    }
}
