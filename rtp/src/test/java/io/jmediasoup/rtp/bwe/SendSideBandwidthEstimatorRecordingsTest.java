package io.jmediasoup.rtp.bwe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmediasoup.rtp.bwe.RecordedSession.Sample;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The estimator replayed on transport-cc feedback recorded from Chromium receiving VP8
 * simulcast or VP9 SVC through the worker (recordings/README.md says how and when each was made), each
 * through a fresh estimator with the recording's own clock. Times are in ms after the
 * recorded estimator was made; the cap was 300 kbit/s on what the worker sent to the browser.
 */
class SendSideBandwidthEstimatorRecordingsTest {
    private static final long CAP = 300_000;

    /**
     * Same inputs, same outputs: every estimate and detector state the live estimator reported
     * after a feedback is reproduced exactly. This catches any accidental change of the
     * estimator; when it is changed on purpose, this is the assertion to refresh, by recording
     * again (recordings/README.md) or by rewriting the recordings' E lines from a replay
     * ({@link RewriteEstimates}), and the figures the other tests check must then be looked at again.
     */
    @ParameterizedTest
    @ValueSource(strings = {"record-bwe-ramp-cap-lift.bwe.gz", "layers-bwe-capped.bwe.gz", "layers-vp8-uncapped.bwe.gz",
        "record-bwe-vp9-ramp-cap-lift.bwe.gz"})
    void aReplayReproducesTheLiveEstimates(String recording) {
        List<Sample> samples = RecordedSession.replay(recording).samples;
        assertTrue(samples.size() > 200, "feedbacks: " + samples.size());
        for (Sample s : samples) {
            assertEquals(s.liveEstimate(), s.estimate(), "estimate after the feedback at " + s.atMs() + " ms");
            assertEquals(s.liveUsage(), s.usage(), "detector after the feedback at " + s.atMs() + " ms");
        }
    }

    /**
     * Chromium's top layer needs about 600 kbit/s; from its 600 kbit/s start the estimate
     * grows above {@code level} within {@code withinMs} while nothing limits the path.
     */
    @ParameterizedTest(name = "{0}: above {1} bps within {2} ms")
    @CsvSource({
        // Up at ~1 Mbit/s after 15 s (8 % a second, as far as 1.5 times what is acknowledged allows).
        "record-bwe-ramp-cap-lift.bwe.gz, 1000000, 20000",
        // Chromium sends ~300 kbit/s for 15 s: the estimate holds; a probe lifts it at the end.
        "layers-vp8-uncapped.bwe.gz,       850000, 18000",
        // VP9 SVC wants more than the start at once: the first probe proves it.
        "record-bwe-vp9-ramp-cap-lift.bwe.gz, 1000000, 2000",
    })
    void uncappedTheEstimateRises(String recording, long level, long withinMs) {
        RecordedSession session = RecordedSession.replay(recording);
        assertEquals(600_000, session.samples.get(0).estimate(), "starts from the initial estimate");
        long at = session.firstAtLeast(level, 0);
        assertTrue(at >= 0 && at <= withinMs, "above " + level + " after " + at + " ms");
    }

    /**
     * The estimate never runs far ahead of what the receiver got: never above twice the
     * highest rate acknowledged so far, over a second of arrivals or over a probe's 100 ms
     * (a probe proves a rate a second's average hides), or 10 % above the initial estimate
     * (it grows a little before a whole window of arrivals is known).
     */
    @ParameterizedTest
    @ValueSource(strings = {"record-bwe-ramp-cap-lift.bwe.gz", "layers-bwe-capped.bwe.gz", "layers-vp8-uncapped.bwe.gz",
        "record-bwe-vp9-ramp-cap-lift.bwe.gz"})
    void theEstimateStaysNearTheAcknowledgedRate(String recording) {
        long highestAcked = 0;
        for (Sample s : RecordedSession.replay(recording).samples) {
            highestAcked = Math.max(highestAcked, Math.max(s.ackedBps(), s.ackedBurstBps()));
            assertTrue(s.estimate() <= Math.max(660_000, 2 * highestAcked),
                    "at " + s.atMs() + " ms: " + s.estimate() + " with at most " + highestAcked + " acknowledged");
        }
    }

    /**
     * Within {@code fallMs} of the cap the estimate falls under 1.5 times the cap, the detector
     * having seen the queue grow (overuse), and stays there until the cap is lifted; once it
     * is, the estimate is back above {@code level} within {@code recoverMs}.
     */
    @ParameterizedTest(name = "{0}: cap {1}..{2} ms")
    @CsvSource({
        // Probes bring it back to 565 kbit/s 1.2 s after the lift, then it grows as before the cap.
        "record-bwe-ramp-cap-lift.bwe.gz, 30739, 45887, 3000, 900000, 15000",
        // The cap came under a second into the session; the recording ends 4.1 s after the lift.
        "layers-bwe-capped.bwe.gz,          924, 10557, 3000, 600000,  4000",
        // VP9 SVC: probes prove 900 kbit/s and more 1.1 s after the lift.
        "record-bwe-vp9-ramp-cap-lift.bwe.gz, 30896, 46074, 3000, 900000, 3000",
    })
    void aCapDropsTheEstimateAndLiftingItRestoresIt(String recording, long capStartMs, long capEndMs, long fallMs,
            long level, long recoverMs) {
        RecordedSession session = RecordedSession.replay(recording);
        long limit = CAP * 3 / 2;
        long fell = session.firstBelow(limit, capStartMs);
        assertTrue(fell >= 0 && fell - capStartMs <= fallMs, "under " + limit + " " + (fell - capStartMs) + " ms after the cap");
        assertTrue(session.between(capStartMs, fell + 1).stream().anyMatch(s -> s.usage() == BandwidthUsage.OVERUSING),
                "overuse seen by then");
        for (Sample s : session.between(fell, capEndMs)) {
            assertTrue(s.estimate() < limit, "under the cap at " + s.atMs() + " ms: " + s.estimate());
        }
        long recovered = session.firstAtLeast(level, capEndMs);
        assertTrue(recovered >= 0 && recovered - capEndMs <= recoverMs,
                "above " + level + " " + (recovered - capEndMs) + " ms after the lift");
    }
}
