package io.clonus.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.detect.Classification;
import io.clonus.detect.DetectorConfig;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The shared timing of a clonus run: jitter, onset and end slowing, amplitudes, argument checks. */
class ClonusPatternTest {

    @Test
    void aSeedGivesTheSameTimesAndAmplitudes() {
        ClonusPattern p = ClonusPattern.builder(1, 12, 6).jitter(0.05).amplitudeVariation(0.3).build();
        assertArrayEquals(p.beatTimes(new SplittableRandom(9)), p.beatTimes(new SplittableRandom(9)));
        assertArrayEquals(p.amplitudes(new SplittableRandom(9)), p.amplitudes(new SplittableRandom(9)));
        assertEquals(p, p.toBuilder().build());
    }

    @Test
    void theIntervalsHaveTheRequestedJitter() {
        for (double jitter : new double[] {0.01, 0.03, 0.07}) {
            double[] t = ClonusPattern.builder(0, 4001, 6).jitter(jitter).build().beatTimes(new SplittableRandom(3));
            double[] d = intervals(t);
            double cv = sd(d) / mean(d);
            assertEquals(jitter, cv, 0.08 * jitter, () -> "jitter " + jitter);
            assertEquals(1 / 6.0, mean(d), 0.005 / 6);
        }
        double[] t = ClonusPattern.builder(0, 50, 6).jitter(0).build().beatTimes(new SplittableRandom(3));
        for (double d : intervals(t)) {
            assertEquals(1 / 6.0, d, 1e-12);
        }
    }

    @Test
    void onsetSlowingLengthensTheFirstIntervalsByTheRequestedAmount() {
        double f = 6;
        double s = 1.5;
        ClonusPattern p = ClonusPattern.builder(2, 10, f).jitter(0).onsetSlowingHz(s).build();
        double[] d = intervals(p.beatTimes(new SplittableRandom(1)));
        assertEquals(1 / (f - s), d[0], 1e-12, "first interval at the slowed frequency");
        assertEquals(1 / (f - 2 * s / 3), d[1], 1e-12, "easing over three beats");
        assertEquals(1 / (f - s / 3), d[2], 1e-12);
        for (int k = 3; k < d.length; k++) {
            assertEquals(1 / f, d[k], 1e-12, "main frequency from the fourth interval");
        }
        assertArrayEquals(p.nominalIntervalsS(), d, 1e-12);
        // with jitter the slowing holds on average
        ClonusPattern jittered = p.toBuilder().jitter(0.05).build();
        double sum = 0;
        int runs = 2000;
        for (int seed = 0; seed < runs; seed++) {
            double[] t = jittered.beatTimes(new SplittableRandom(seed));
            sum += t[1] - t[0];
        }
        assertEquals(1 / (f - s), sum / runs, 0.003 / (f - s));
    }

    @Test
    void endSlowingLengthensTheLastIntervalsAndTheLargerSlowingWinsWhereTheyMeet() {
        double f = 7;
        ClonusPattern p = ClonusPattern.builder(0, 8, f).jitter(0).endSlowingHz(2).build();
        double[] d = p.nominalIntervalsS();
        assertEquals(1 / (f - 2), d[6], 1e-12);
        assertEquals(1 / (f - 4 / 3.0), d[5], 1e-12);
        assertEquals(1 / f, d[0], 1e-12);
        // 3 beats: two intervals, each in reach of both ends
        double[] both = ClonusPattern.builder(0, 3, f).jitter(0).onsetSlowingHz(1).endSlowingHz(2).build()
                .nominalIntervalsS();
        assertEquals(1 / (f - Math.max(1, 2 * 2 / 3.0)), both[0], 1e-12);
        assertEquals(1 / (f - 2), both[1], 1e-12);
    }

    @Test
    void theNominalMeanFrequencyIsTheInverseMeanInterval() {
        ClonusPattern p = ClonusPattern.builder(1, 6, 5.3).jitter(0).endSlowingHz(1).build();
        double[] t = p.beatTimes(new SplittableRandom(2));
        assertEquals(5 / (t[5] - t[0]), p.nominalMeanFrequencyHz(), 1e-9);
        assertTrue(p.nominalMeanFrequencyHz() < 5.3);
        assertEquals(t[5], p.nominalEndS(), 1e-12);
        assertEquals(6.0, ClonusPattern.of(0, 1, 6).nominalMeanFrequencyHz(), 0);
        assertEquals(6.0, ClonusPattern.of(0, 9, 6).nominalMeanFrequencyHz(), 1e-12);
    }

    @Test
    void theFirstBeatIsTheLargestAndTheRunDecays() {
        ClonusPattern p = ClonusPattern.builder(0, 6, 6).firstBeatGain(1.8).decay(0.85).amplitudeVariation(0.2).build();
        for (int seed = 0; seed < 200; seed++) {
            double[] a = p.amplitudes(new SplittableRandom(seed));
            for (int k = 1; k < a.length; k++) {
                assertTrue(a[0] > a[k], "first beat largest");
                double nominal = Math.pow(0.85, k);
                assertTrue(a[k] >= 0.8 * nominal - 1e-12 && a[k] <= 1.2 * nominal + 1e-12, "variation within 20 %");
            }
        }
        double[] exact = p.toBuilder().amplitudeVariation(0).build().amplitudes(new SplittableRandom(1));
        assertEquals(1.8, exact[0], 1e-12);
        for (int k = 1; k < exact.length; k++) {
            assertEquals(Math.pow(0.85, k), exact[k], 1e-12);
        }
    }

    @Test
    void aRunOfTwoBeatsIsTruthButNotClonus() {
        ClonusPattern two = ClonusPattern.builder(1, 2, 6).firstBeatGain(1.5).build();
        SimulatedRecording emg = EmgSimulator.builder(2000, 3, 5).noise(2).clonusVolleys(two, 60).build();
        assertEquals(1, emg.episodes().size());
        assertEquals(2, emg.episodes().get(0).beatCount());
        assertEquals(Classification.NONE, emg.expected(DetectorConfig.defaults()));
        SimulatedRecording acc = AccSimulator.builder(100, 4, 5).noise(0.01).ankleClonus(two, 3).build();
        assertEquals(2, acc.episodes().get(0).beatCount());
        assertEquals(Classification.NONE, acc.expected(DetectorConfig.defaults()));
        SimulatedRecording one = EmgSimulator.builder(2000, 3, 5).clonusVolleys(ClonusPattern.of(1, 1, 6), 60).build();
        assertEquals(6.0, one.episodes().get(0).frequencyHz(), 0);
    }

    @Test
    void argumentsAreCheckedAndNamed() {
        refused("startS", () -> ClonusPattern.of(-1, 5, 6));
        refused("beats", () -> ClonusPattern.of(0, 0, 6));
        refused("frequencyHz", () -> ClonusPattern.of(0, 5, 0));
        refused("frequencyHz", () -> ClonusPattern.of(0, 5, Double.NaN));
        refused("jitter", () -> ClonusPattern.builder(0, 5, 6).jitter(0.5).build());
        refused("jitter", () -> ClonusPattern.builder(0, 5, 6).jitter(-0.01).build());
        refused("onsetSlowingHz", () -> ClonusPattern.builder(0, 5, 6).onsetSlowingHz(3.5).build());
        refused("endSlowingHz", () -> ClonusPattern.builder(0, 5, 6).endSlowingHz(-1).build());
        refused("firstBeatGain", () -> ClonusPattern.builder(0, 5, 6).firstBeatGain(0).build());
        refused("decay", () -> ClonusPattern.builder(0, 5, 6).decay(2).build());
        refused("amplitudeVariation", () -> ClonusPattern.builder(0, 5, 6).amplitudeVariation(1).build());
    }

    static void refused(String name, Supplier<?> make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::get);
        assertTrue(e.getMessage().contains(name), () -> "message names " + name + ": " + e.getMessage());
    }

    static double[] intervals(double[] t) {
        double[] d = new double[t.length - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = t[i + 1] - t[i];
        }
        return d;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
