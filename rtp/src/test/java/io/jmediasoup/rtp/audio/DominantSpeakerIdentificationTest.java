package io.jmediasoup.rtp.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dominant speaker election on scripted audio levels: a level every 20 ms per speaker
 * and an election every 300 ms, on a fake clock.
 */
class DominantSpeakerIdentificationTest {
    private static final long START_MS = 1_000_000;
    private static final int UPDATE_INTERVAL_MS = 300;
    /** Volumes (127 minus -dBov): a quiet room, then a voice well above it. */
    private static final int SILENCE = 0;
    private static final int NOISE = 10;
    private static final int VOICE = 100;
    /** Talking: one sample of the room's noise sets the speaker's noise floor, then voice. */
    private static final IntUnaryOperator TALKING = sample -> sample == 0 ? NOISE : VOICE;
    private static final IntUnaryOperator SILENT = sample -> SILENCE;

    private DominantSpeakerIdentification identification;
    private long nowMs;
    private final Map<String, Integer> samples = new LinkedHashMap<>();
    /** Every change of dominant speaker, in order. */
    private final List<String> elected = new ArrayList<>();

    @BeforeEach
    void start() {
        identification = new DominantSpeakerIdentification();
        nowMs = START_MS;
    }

    private void add(String... ids) {
        for (String id : ids) {
            assertTrue(identification.addSpeaker(id, nowMs));
            samples.put(id, 0);
        }
    }

    /** Runs for {@code durationMs}: each speaker with a script sends a level every 20 ms; elections every 300 ms. */
    private void run(long durationMs, Map<String, IntUnaryOperator> scripts) {
        long endMs = nowMs + durationMs;
        while (nowMs < endMs) {
            nowMs += 20;
            scripts.forEach((id, script) -> {
                int sample = samples.merge(id, 1, Integer::sum) - 1;
                identification.levelChanged(id, script.applyAsInt(sample), nowMs);
            });
            if ((nowMs - START_MS) % UPDATE_INTERVAL_MS == 0) {
                String dominant = identification.update(nowMs);
                if (dominant != null) {
                    elected.add(dominant);
                }
            }
        }
    }

    static Stream<Arguments> activityScores() {
        return Stream.of(
                Arguments.of("no active sub-band: the floor", 0, 13, 0.78, 0.0000000001),
                Arguments.of("immediate, 11 of 13", 11, 13, 0.78, 4.174256838708802),
                Arguments.of("immediate, 12 of 13", 12, 13, 0.78, 3.1624973694807466),
                Arguments.of("medium, 5 of 5", 5, 5, 24, 113.35621026685233),
                Arguments.of("long, 1 of 10", 1, 10, 47, 38.52096568568453),
                Arguments.of("long, 10 of 10", 10, 10, 47, 459.2183805926905));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activityScores")
    void scoresActivity(String name, int vL, int nR, double lambda, double expected) {
        assertEquals(expected, DominantSpeakerIdentification.activityScore(vL, nR, 0.5, lambda), 1e-9);
    }

    @Test
    void aLoneSpeakerDominatesAtTheFirstElection() {
        add("a");
        run(UPDATE_INTERVAL_MS, Map.of());
        assertEquals(List.of("a"), elected);
        run(2000, Map.of("a", SILENT));
        assertEquals(List.of("a"), elected, "told once");
    }

    @Test
    void theLouderSpeakerBecomesDominant() {
        add("quiet", "loud");
        run(UPDATE_INTERVAL_MS, Map.of("quiet", SILENT, "loud", TALKING));
        assertEquals(List.of("loud"), elected, "beats the first speaker at the first election");
        run(3000, Map.of("quiet", SILENT, "loud", TALKING));
        assertEquals(List.of("loud"), elected);
    }

    @Test
    void withoutAnyVoiceTheFirstSpeakerIsElectedAndKept() {
        add("a", "b");
        run(3000, Map.of("a", SILENT, "b", SILENT));
        assertEquals(List.of("a"), elected);
    }

    @Test
    void aConstantLevelIsTheSpeakersNoiseFloorNotSpeech() {
        add("a", "b");
        run(3000, Map.of("a", SILENT, "b", sample -> VOICE));
        assertEquals(List.of("a"), elected);
    }

    @Test
    void anotherSpeakerTakesOverOnlyAfterSpeakingLongEnough() {
        add("a", "b");
        run(3000, Map.of("a", TALKING, "b", SILENT));
        assertEquals(List.of("a"), elected);

        samples.put("b", 0);
        run(UPDATE_INTERVAL_MS, Map.of("a", SILENT, "b", TALKING));
        assertEquals(List.of("a"), elected, "300 ms of speech do not outweigh a's last second");
        run(900, Map.of("a", SILENT, "b", TALKING));
        assertEquals(List.of("a", "b"), elected);
    }

    @Test
    void silenceKeepsTheLastDominantSpeaker() {
        add("a", "b");
        run(3000, Map.of("a", SILENT, "b", TALKING));
        run(5000, Map.of("a", SILENT, "b", SILENT));
        assertEquals(List.of("b"), elected);
    }

    @Test
    void aSpeakerThatStopsSendingCountsAsSilent() {
        add("a", "b");
        run(3000, Map.of("a", TALKING, "b", SILENT));
        samples.put("b", 0);
        run(3000, Map.of("b", TALKING));
        assertEquals(List.of("a", "b"), elected);
    }

    @Test
    void aPausedSpeakerCannotTakeOverUntilResumed() {
        add("a", "b");
        identification.setPaused("b", true);
        run(3000, Map.of("a", SILENT, "b", TALKING));
        assertEquals(List.of("a"), elected);
        identification.setPaused("b", false);
        run(UPDATE_INTERVAL_MS, Map.of("a", SILENT, "b", TALKING));
        assertEquals(List.of("a", "b"), elected);
    }

    @Test
    void removingTheDominantSpeakerElectsAnother() {
        add("a", "b", "c");
        run(3000, Map.of("a", SILENT, "b", TALKING, "c", SILENT));
        assertEquals(List.of("b"), elected);
        assertFalse(identification.removeSpeaker("c"), "not the dominant one");
        assertTrue(identification.removeSpeaker("b"));
        assertEquals("a", identification.update(nowMs));
        assertFalse(identification.removeSpeaker("b"), "already gone");
    }

    @Test
    void nobodyIsElectedWithoutSpeakers() {
        assertNull(identification.update(nowMs));
    }

    @Test
    void aSpeakerIsAddedOnce() {
        assertTrue(identification.addSpeaker("a", nowMs));
        assertFalse(identification.addSpeaker("a", nowMs));
    }
}
