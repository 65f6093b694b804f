package io.clonus.episodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.beats.DetectionHistory;
import io.clonus.beats.NoiseFloor;
import io.clonus.detect.AcceptanceRule;
import io.clonus.detect.Classification;
import io.clonus.detect.DetectionListener;
import io.clonus.detect.DetectorConfig;
import io.clonus.detect.Episode;
import io.clonus.detect.RejectedRun;
import io.clonus.detect.SignalType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The episode stage alone: candidates with known times go in (with an envelope of bumps at those times in
 * the history, over a flat floor), and the episodes and rejected runs that come out are checked.
 */
class ChainTrackerTest {
    private static final double RATE = 250;
    private static final DetectorConfig CFG = DetectorConfig.defaults();

    /** A candidate to feed: time, amplitude (floor is 1), strong or weak, relaxed or on a pedestal. */
    private record Cand(double timeS, double amplitude, boolean strong, boolean relaxed) {
        Cand(double timeS, double amplitude, boolean strong) {
            this(timeS, amplitude, strong, true);
        }

        Cand onPedestal() {
            return new Cand(timeS, amplitude, strong, false);
        }
    }

    private static final class Heard implements DetectionListener {
        final List<RejectedRun> rejected = new ArrayList<>();

        @Override
        public void onRejectedRun(RejectedRun run) {
            rejected.add(run);
        }
    }

    /** Feeds the candidates with their envelope through a tracker, as the detector would; returns the episodes. */
    private static List<Episode> run(List<Cand> cands, double durationS, Heard heard) {
        return run(cands, durationS, heard, 0.02);
    }

    /** Like {@link #run(List, double, Heard)} with bursts of Gaussian envelope of SD {@code widthS}. */
    private static List<Episode> run(List<Cand> cands, double durationS, Heard heard, double widthS) {
        DetectionHistory h = new DetectionHistory(RATE, 0, 8);
        NoiseFloor floor = new NoiseFloor(RATE, 30, 0.2, 0);
        ChainTracker tracker = new ChainTracker(CFG, SignalType.EMG, h, floor, heard);
        int n = (int) Math.round(durationS * RATE);
        int lookAhead = (int) Math.ceil(RATE / CFG.searchLowHz());
        int next = 0;
        for (int j = 0; j < n; j++) {
            double t = j / RATE;
            double v = 1;
            for (Cand c : cands) {
                double d = (t - c.timeS) / widthS;
                v += (c.amplitude - 1) * Math.exp(-0.5 * d * d);
            }
            h.add(v, v, v * v);
            floor.add(1);
            tracker.sample(v);
            long k = j - lookAhead;
            if (k >= 1) {
                double tk = k / RATE;
                while (next < cands.size() && cands.get(next).timeS <= tk) {
                    Cand c = cands.get(next++);
                    tracker.candidate(Math.round(c.timeS * RATE), c.timeS, c.amplitude, c.amplitude, c.strong, false, c.relaxed);
                }
                tracker.advance(tk);
            }
        }
        while (next < cands.size()) {
            Cand c = cands.get(next++);
            tracker.candidate(Math.round(c.timeS * RATE), c.timeS, c.amplitude, c.amplitude, c.strong, false, c.relaxed);
        }
        tracker.finish();
        return tracker.episodes();
    }

    /** Beat times from intervals, starting at t0. */
    private static List<Cand> beats(double t0, double[] intervals, double amplitude, boolean strong) {
        List<Cand> out = new ArrayList<>();
        double t = t0;
        out.add(new Cand(t, amplitude, strong));
        for (double iv : intervals) {
            t += iv;
            out.add(new Cand(t, amplitude, strong));
        }
        return out;
    }

    @Test
    void aJitteredRunThatSlowsAtOnsetIsOneEpisodeWithEveryBeat() {
        SplittableRandom rng = new SplittableRandom(4);
        double[] iv = new double[11];
        for (int i = 0; i < iv.length; i++) {
            double hz = 6.5 - (i < 3 ? (3 - i) * 0.6 : 0); // 4.7, 5.3, 5.9 Hz, then 6.5 Hz
            iv[i] = (1 + 0.06 * rng.nextGaussian()) / hz;
        }
        List<Episode> e = run(beats(2, iv, 8, true), 8, new Heard());
        assertEquals(1, e.size(), e::toString);
        assertEquals(12, e.get(0).beatCount());
        assertEquals(Classification.SUSTAINED, e.get(0).classification());
    }

    @Test
    void threeIsolatedBeatsAreUnsustainedClonus() {
        List<Episode> e = run(beats(2, new double[] {0.15, 0.19}, 6, true), 5, new Heard());
        assertEquals(1, e.size(), e::toString);
        assertEquals(3, e.get(0).beatCount());
        assertEquals(Classification.UNSUSTAINED, e.get(0).classification());
    }

    @Test
    void threeBeatsAmongStrongStraysAreRejectedAndTheRuleIsSaid() {
        List<Cand> c = new ArrayList<>(beats(2, new double[] {0.16, 0.16}, 6, true));
        c.add(new Cand(1.90, 5, true)); // off the rhythm, within a period before the first beat
        c.sort((a, b) -> Double.compare(a.timeS, b.timeS));
        Heard heard = new Heard();
        assertTrue(run(c, 5, heard).isEmpty());
        assertTrue(heard.rejected.stream().anyMatch(r -> r.rule() == AcceptanceRule.STRAYS && r.measured() == 1
                && r.limit() == 0), heard.rejected::toString);
    }

    @Test
    void weakBeatsBeforeTheStrongOnesAreLinkedBack() {
        List<Cand> c = new ArrayList<>(beats(1.5, new double[] {0.2}, 2.5, false)); // weak at 1.5 and 1.7
        c.addAll(beats(1.88, new double[] {0.16, 0.16, 0.16, 0.16, 0.16}, 8, true));
        List<Episode> e = run(c, 5, new Heard());
        assertEquals(1, e.size(), e::toString);
        assertEquals(8, e.get(0).beatCount());
        assertEquals(1.5, e.get(0).beats().get(0).timeS(), 1e-9);
    }

    /** Beats of a burst on a pedestal (a tonic contraction that never relaxes to rest under the clonus). */
    private static List<Cand> onPedestal(List<Cand> cands) {
        return cands.stream().map(Cand::onPedestal).toList();
    }

    @Test
    void beatsOnAPedestalOpenAnEpisodeInAChainOfAtLeastOpenBeatsOrOneThatDiesOut() {
        // four equal beats go on as a swinging contraction would: not enough
        List<Cand> four = onPedestal(beats(2, new double[] {0.16, 0.16, 0.16}, 8, true));
        Heard heard = new Heard();
        assertTrue(run(four, 5, heard).isEmpty());
        assertTrue(heard.rejected.stream().anyMatch(r -> r.rule() == AcceptanceRule.BEATS && r.limit() == CFG
                .thresholds().openBeats()), heard.rejected::toString);
        List<Cand> seven = onPedestal(beats(2, new double[] {0.16, 0.16, 0.16, 0.16, 0.16, 0.16}, 8, true));
        List<Episode> e = run(seven, 5, new Heard());
        assertEquals(1, e.size(), e::toString);
        assertEquals(7, e.get(0).beatCount());
    }

    /** Four beats on a pedestal that die out: the first the largest, the last 0.6 of it (pedestalDecay 0.7). */
    private static List<Cand> dyingOut(double t0) {
        double[] amplitude = {10, 8, 7, 6};
        List<Cand> out = new ArrayList<>();
        for (int i = 0; i < amplitude.length; i++) {
            out.add(new Cand(t0 + 0.16 * i, amplitude[i], true, false));
        }
        return out;
    }

    @Test
    void aShortRunOnAPedestalThatDiesOutIsUnsustainedClonus() {
        List<Episode> e = run(dyingOut(2), 5, new Heard());
        assertEquals(1, e.size(), e::toString);
        assertEquals(4, e.get(0).beatCount());
        assertEquals(Classification.UNSUSTAINED, e.get(0).classification());
    }

    @Test
    void aShortRunOnAPedestalWithACandidateAfterItDoesNotDieOut() {
        // a swell of the contraction at 0.6 of the run's median amplitude, 0.1 s after its last beat
        List<Cand> c = new ArrayList<>(dyingOut(2));
        c.add(new Cand(2.58, 0.6 * 7.5, false, false));
        Heard heard = new Heard();
        assertTrue(run(c, 5, heard).isEmpty(), () -> run(c, 5, new Heard()).toString());
        assertTrue(heard.rejected.stream().anyMatch(r -> r.rule() == AcceptanceRule.BEATS), heard.rejected::toString);
    }

    @Test
    void aChainOnAPedestalMustRelaxForMoreOfEachIntervalThanOneOfRelaxedBeats() {
        // bursts of SD 35 ms every 160 ms: below half their peak for about half of each interval, above
        // minRelaxedShare (0.4) but below pedestalRelaxedShare (0.55)
        List<Cand> relaxed = beats(2, new double[] {0.16, 0.16, 0.16, 0.16, 0.16, 0.16}, 8, true);
        assertEquals(1, run(relaxed, 5, new Heard(), 0.035).size());
        Heard heard = new Heard();
        assertTrue(run(onPedestal(relaxed), 5, heard, 0.035).isEmpty());
        assertTrue(heard.rejected.stream().anyMatch(r -> r.rule() == AcceptanceRule.RELAXATION
                && r.measured() > CFG.thresholds().minRelaxedShare()
                && r.limit() == CFG.thresholds().pedestalRelaxedShare()), heard.rejected::toString);
    }

    @Test
    void beatsOnAPedestalContinueAnAcceptedEpisodeOnBothSides() {
        List<Cand> c = new ArrayList<>(onPedestal(beats(1.52, new double[] {0.16, 0.16}, 7, true)));
        c.addAll(beats(2.0, new double[] {0.16, 0.16, 0.16, 0.16}, 8, true));
        c.addAll(onPedestal(beats(2.80, new double[] {0.16, 0.16, 0.16}, 6, true)));
        List<Episode> e = run(c, 6, new Heard());
        assertEquals(1, e.size(), e::toString);
        assertEquals(12, e.get(0).beatCount());
        assertEquals(1.52, e.get(0).beats().get(0).timeS(), 1e-9);
        assertEquals(3.28, e.get(0).beats().get(11).timeS(), 1e-9);
    }

    @Test
    void aBeatOnAPedestalBelowHalfTheEpisodesBeatsDoesNotContinueIt() {
        // pedestalAmplitude 0.5: the swells of the contraction after the clonus reach about 0.4 of its beats
        List<Cand> c = new ArrayList<>(beats(2.0, new double[] {0.16, 0.16, 0.16, 0.16}, 10, true));
        c.addAll(onPedestal(beats(2.80, new double[] {0.16, 0.16}, 4.5, true)));
        List<Episode> e = run(c, 6, new Heard());
        assertEquals(1, e.size(), e::toString);
        assertEquals(5, e.get(0).beatCount());
    }

    @Test
    void aMissingBeatIsBridgedWhenTheRhythmGoesOn() {
        List<Cand> c = beats(2, new double[] {0.16, 0.16, 0.16, 0.16, 0.32, 0.16, 0.16, 0.16}, 8, true);
        List<Episode> e = run(c, 6, new Heard());
        assertEquals(1, e.size(), e::toString);
        assertEquals(9, e.get(0).beatCount());
        assertEquals(6.25, e.get(0).frequencyHz(), 0.01, "the gap counts as two periods");
    }

    @Test
    void aBeatBeforeAGapIsNotLinkedBack() {
        // one beat at 1.68, none at 1.84, then the run: backfill links consecutive beats only
        List<Cand> c = new ArrayList<>(List.of(new Cand(1.68, 8, true)));
        c.addAll(beats(2, new double[] {0.16, 0.16, 0.16, 0.16, 0.16}, 8, true));
        List<Episode> e = run(c, 5, new Heard());
        assertEquals(1, e.size(), e::toString);
        assertEquals(6, e.get(0).beatCount());
        assertEquals(2.0, e.get(0).beats().get(0).timeS(), 1e-9);
    }

    /**
     * Twenty bursts with intervals varying +-30 % (CV about 0.17) are not one episode: the whole train fails
     * its jitter bound, and a piece of it with a burst off its rhythm right after fails for that stray. (A
     * piece of 5-7 bursts at the end of the train can pass: with so few intervals a CV of 0.16 is not
     * significantly above clonus's.)
     */
    @Test
    void irregularBurstsAreNotOneEpisode() {
        SplittableRandom rng = new SplittableRandom(9);
        double[] iv = new double[19];
        for (int i = 0; i < iv.length; i++) {
            iv[i] = (1 + 0.3 * (2 * rng.nextDouble() - 1)) / 6.5; // +-30 % uniform: CV about 0.17
        }
        Heard heard = new Heard();
        List<Episode> e = run(beats(2, iv, 8, true), 8, heard);
        int longest = e.stream().mapToInt(Episode::beatCount).max().orElse(0);
        assertTrue(longest < 10, () -> "irregular bursts made " + e);
        assertTrue(heard.rejected.stream().anyMatch(r -> r.rule() == AcceptanceRule.JITTER
                || r.rule() == AcceptanceRule.STRAYS), () -> heard.rejected + " " + e);
    }
}
