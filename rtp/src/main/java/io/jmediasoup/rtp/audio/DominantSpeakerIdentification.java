package io.jmediasoup.rtp.audio;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Dominant speaker identification after Volfin and Cohen ("Dominant Speaker Identification
 * for Multipoint Videoconferencing", 2013), with the constants and the bookkeeping of the
 * C++ worker of mediasoup 3.8.4 (itself a port of Jitsi's). Each speaker's audio levels
 * (RFC 6464, as a volume 0..127) are scored over three time intervals: immediate (the last
 * second of 20 ms samples), medium and long; a speaker takes over when it beats the current
 * dominant speaker in all three. Sans-I/O: levels and evaluations come in with their time.
 */
public final class DominantSpeakerIdentification {
    /** Thresholds of the log ratio of a speaker's scores to the dominant speaker's, per interval. */
    private static final double C1 = 3;
    private static final double C2 = 2;
    private static final double C3 = 0;
    /** Sub-bands of an immediate sample, immediates per medium, mediums per long. */
    private static final int N1 = 13;
    private static final int N2 = 5;
    private static final int N3 = 10;
    private static final long LEVEL_IDLE_TIMEOUT_MS = 40;
    private static final long SPEAKER_IDLE_TIMEOUT_MS = 60 * 60 * 1000;
    private static final int LONG_THRESHOLD = 4;
    private static final int MEDIUM_THRESHOLD = 7;
    private static final int MAX_LEVEL = 127;
    private static final int MIN_LEVEL = 0;
    /** 15 s of 20 ms samples: how long the noise floor takes to rise. */
    private static final int MIN_LEVEL_WINDOW_LEN = 15 * 1000 / 20;
    private static final int SUBUNIT_LENGTH_N1 = (MAX_LEVEL - MIN_LEVEL + N1 - 1) / N1;
    private static final int IMMEDIATES_LEN = N3 * N2;
    private static final int MEDIUMS_LEN = N3;
    private static final int LONGS_LEN = 1;
    private static final int LEVELS_LEN = N3 * N2;
    /** The algorithm expects a level every this many milliseconds. */
    private static final long SAMPLE_MS = 20;
    private static final double MIN_ACTIVITY_SCORE = 0.0000000001;

    private final Map<String, Speaker> speakers = new LinkedHashMap<>();
    private String dominantId = "";
    private long lastLevelIdleMs;

    /** A new speaker, silent so far; false when it is already known. */
    public boolean addSpeaker(String id, long nowMs) {
        return speakers.putIfAbsent(id, new Speaker(nowMs)) == null;
    }

    /** Forgets a speaker; true when it was the dominant one, which the caller then re-elects with {@link #update}. */
    public boolean removeSpeaker(String id) {
        if (speakers.remove(id) == null || !id.equals(dominantId)) {
            return false;
        }
        dominantId = "";
        return true;
    }

    /** A paused speaker keeps its history but cannot take over. */
    public void setPaused(String id, boolean paused) {
        Speaker speaker = speakers.get(id);
        if (speaker != null) {
            speaker.paused = paused;
        }
    }

    /** A level of {@code id}'s audio: the volume 0 (silence) to 127 (loudest), that is 127 minus -dBov. */
    public void levelChanged(String id, int volume, long nowMs) {
        Speaker speaker = speakers.get(id);
        if (speaker != null) {
            speaker.levelChanged(volume, nowMs);
        }
    }

    String dominantId() {
        return dominantId;
    }

    /**
     * Ages the levels of speakers gone quiet, then elects; returns the new dominant speaker's
     * id when it changed, else null.
     */
    public String update(long nowMs) {
        if (nowMs - lastLevelIdleMs >= LEVEL_IDLE_TIMEOUT_MS) {
            if (lastLevelIdleMs != 0) {
                timeoutIdleLevels(nowMs);
            }
            lastLevelIdleMs = nowMs;
        }
        if (speakers.isEmpty()) {
            return null;
        }
        String elected = elect();
        if (elected.isEmpty() || elected.equals(dominantId)) {
            return null;
        }
        dominantId = elected;
        return elected;
    }

    /** The speaker that should dominate now, or "" to keep the current one. */
    private String elect() {
        if (speakers.size() == 1) {
            return speakers.keySet().iterator().next();
        }
        String elected = "";
        Speaker dominant = dominantId.isEmpty() ? null : speakers.get(dominantId);
        if (dominant == null) {
            // Nobody dominates yet: the first speaker does unless another beats it.
            Map.Entry<String, Speaker> first = speakers.entrySet().iterator().next();
            elected = first.getKey();
            dominant = first.getValue();
        }
        dominant.evalActivityScores();
        double electedC2 = C2;
        for (Map.Entry<String, Speaker> entry : speakers.entrySet()) {
            Speaker speaker = entry.getValue();
            if (entry.getKey().equals(dominantId) || speaker.paused) {
                continue;
            }
            speaker.evalActivityScores();
            double c1 = Math.log(speaker.immediateActivityScore / dominant.immediateActivityScore);
            double c2 = Math.log(speaker.mediumActivityScore / dominant.mediumActivityScore);
            double c3 = Math.log(speaker.longActivityScore / dominant.longActivityScore);
            if (c1 > C1 && c2 > C2 && c3 > C3 && c2 > electedC2) {
                electedC2 = c2;
                elected = entry.getKey();
            }
        }
        return elected;
    }

    /** Speakers that sent no level for a while are taken as silent; after an hour, as gone (unless dominant). */
    private void timeoutIdleLevels(long nowMs) {
        for (Map.Entry<String, Speaker> entry : speakers.entrySet()) {
            Speaker speaker = entry.getValue();
            long idleMs = nowMs - speaker.lastLevelChangeMs;
            if (idleMs > SPEAKER_IDLE_TIMEOUT_MS && (dominantId.isEmpty() || !entry.getKey().equals(dominantId))) {
                speaker.paused = true;
            } else if (idleMs > LEVEL_IDLE_TIMEOUT_MS) {
                speaker.levelChanged(MIN_LEVEL, nowMs);
            }
        }
    }

    /** C(n, r), computed in 64-bit integers as the C++ worker does. */
    static long binomialCoefficient(int n, int r) {
        int m = n - r;
        if (r < m) {
            r = m;
        }
        long t = 1;
        for (long i = n, j = 1; i > r; i--, j++) {
            t = t * i / j;
        }
        return t;
    }

    /**
     * The speech activity score of {@code vL} active sub-bands out of {@code nR}: the log
     * likelihood ratio of a binomial (speech) against an exponential (noise) model.
     */
    static double activityScore(int vL, int nR, double p, double lambda) {
        double score = Math.log(binomialCoefficient(nR, vL)) + vL * Math.log(p) + (nR - vL) * Math.log(1 - p)
                - Math.log(lambda) + lambda * vL;
        return Math.max(score, MIN_ACTIVITY_SCORE);
    }

    /**
     * Counts, per big, the littles above {@code threshold} in its share of them (the most
     * recent first); returns whether any big changed.
     */
    private static boolean computeBigs(int[] littles, int[] bigs, int threshold) {
        int littlesPerBig = littles.length / bigs.length;
        boolean changed = false;
        for (int b = 0, l = 0; b < bigs.length; b++) {
            int sum = 0;
            for (int end = l + littlesPerBig; l < end; l++) {
                if (littles[l] > threshold) {
                    sum++;
                }
            }
            if (bigs[b] != sum) {
                bigs[b] = sum;
                changed = true;
            }
        }
        return changed;
    }

    /** One speaker's levels, noise floor and scores. */
    static final class Speaker {
        boolean paused;
        double immediateActivityScore = MIN_ACTIVITY_SCORE;
        double mediumActivityScore = MIN_ACTIVITY_SCORE;
        double longActivityScore = MIN_ACTIVITY_SCORE;
        long lastLevelChangeMs;
        /** The noise floor: levels within one sub-band of it count as silence. */
        private int minLevel = MIN_LEVEL;
        private int nextMinLevel = MIN_LEVEL;
        private int nextMinLevelWindowLen;
        /** Most recent first. */
        private final int[] immediates = new int[IMMEDIATES_LEN];
        private final int[] mediums = new int[MEDIUMS_LEN];
        private final int[] longs = new int[LONGS_LEN];
        /** A ring of the last levels, one per 20 ms; the next one goes at {@link #nextLevelIndex}. */
        private final int[] levels = new int[LEVELS_LEN];
        private int nextLevelIndex;

        Speaker(long nowMs) {
            this.lastLevelChangeMs = nowMs;
        }

        /**
         * Records a level; after a gap (pause, longer packetization, DTX) it fills every
         * 20 ms sample of the gap. A level older than the last one is ignored.
         */
        void levelChanged(int volume, long nowMs) {
            if (nowMs < lastLevelChangeMs) {
                return;
            }
            long elapsedMs = nowMs - lastLevelChangeMs;
            lastLevelChangeMs = nowMs;
            int level = Math.max(MIN_LEVEL, Math.min(MAX_LEVEL, volume));
            long samples = Math.min(Math.max(elapsedMs / SAMPLE_MS, 1), LEVELS_LEN);
            for (int i = 0; i < samples; i++) {
                levels[nextLevelIndex] = level;
                nextLevelIndex = (nextLevelIndex + 1) % LEVELS_LEN;
            }
            updateMinLevel(level);
        }

        /** Recomputes the scores of the intervals whose inputs changed, shortest first. */
        void evalActivityScores() {
            if (computeImmediates()) {
                immediateActivityScore = activityScore(immediates[0], N1, 0.5, 0.78);
                if (computeBigs(immediates, mediums, MEDIUM_THRESHOLD)) {
                    mediumActivityScore = activityScore(mediums[0], N2, 0.5, 24);
                    if (computeBigs(mediums, longs, LONG_THRESHOLD)) {
                        longActivityScore = activityScore(longs[0], N3, 0.5, 47);
                    }
                }
            }
        }

        /** Each level, newest first, as its sub-band above the noise floor. */
        private boolean computeImmediates() {
            // An 8-bit signed sum, as in the C++ worker: a floor near the top wraps and silences nothing.
            byte floor = (byte) (minLevel + SUBUNIT_LENGTH_N1);
            boolean changed = false;
            for (int i = 0; i < IMMEDIATES_LEN; i++) {
                int level = levels[Math.floorMod(nextLevelIndex - i - 1, LEVELS_LEN)];
                if (level < floor) {
                    level = MIN_LEVEL;
                }
                int immediate = level / SUBUNIT_LENGTH_N1;
                if (immediates[i] != immediate) {
                    immediates[i] = immediate;
                    changed = true;
                }
            }
            return changed;
        }

        /** The noise floor follows the lowest level at once, and rises slowly towards quieter ones seen later. */
        private void updateMinLevel(int level) {
            if (level == MIN_LEVEL) {
                return;
            }
            if (minLevel == MIN_LEVEL || minLevel > level) {
                minLevel = level;
                nextMinLevel = MIN_LEVEL;
                nextMinLevelWindowLen = 0;
            } else if (nextMinLevel == MIN_LEVEL) {
                nextMinLevel = level;
                nextMinLevelWindowLen = 1;
            } else {
                nextMinLevel = Math.min(nextMinLevel, level);
                nextMinLevelWindowLen++;
                if (nextMinLevelWindowLen >= MIN_LEVEL_WINDOW_LEN) {
                    double newMinLevel = Math.sqrt((double) minLevel * nextMinLevel);
                    minLevel = (int) Math.max(MIN_LEVEL, Math.min(MAX_LEVEL, newMinLevel));
                    nextMinLevel = MIN_LEVEL;
                    nextMinLevelWindowLen = 0;
                }
            }
        }
    }
}
