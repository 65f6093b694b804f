package io.clonus.sim;

import static io.clonus.sim.ClonusPatternTest.intervals;
import static io.clonus.sim.ClonusPatternTest.mean;
import static io.clonus.sim.ClonusPatternTest.refused;
import static io.clonus.sim.ClonusPatternTest.sd;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.detect.Classification;
import io.clonus.detect.DetectorConfig;
import io.clonus.dsp.Butterworth;
import io.clonus.dsp.Spectrum;
import io.clonus.dsp.ZeroPhase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EMG clonus as motor-unit volleys, and the EMG look-alikes. */
class EmgVolleyTest {
    private static final double[] RATES = {1000, 1024, 2000, 2048, 4000};
    private static final DetectorConfig CFG = DetectorConfig.defaults();

    private static EmgSimulator.Builder everything(long seed) {
        return EmgSimulator.builder(2000, 12, seed).noise(3)
                .clonusVolleys(ClonusPattern.builder(1, 6, 6).onsetSlowingHz(1).firstBeatGain(1.5).build(), 40)
                .motorUnits(3, 4, 3, 6, 12, 50).ecg(0, 12, 1.2, 80).myoclonus(7.5, 3, 60).cableMotion(9, 2, 100);
    }

    @Test
    void aSeedGivesTheSameRecord() {
        SimulatedRecording a = everything(11).build();
        SimulatedRecording b = everything(11).build();
        assertArrayEquals(a.signal().toArray(0), b.signal().toArray(0));
        assertEquals(a.episodes(), b.episodes());
        assertEquals(a.description(), b.description());
        assertTrue(!java.util.Arrays.equals(a.signal().toArray(0), everything(12).build().signal().toArray(0)));
    }

    @Test
    void energyPeaksOfTheSmoothedRectifiedSignalLieOnTheTruthBeatTimes() {
        int beats = 0;
        int far = 0;
        for (long seed = 1; seed <= 40; seed++) {
            double fs = RATES[(int) (seed % RATES.length)];
            double f = 5 + 3 * ((seed * 7) % 10) / 10.0;
            ClonusPattern p = ClonusPattern.builder(1, 20, f).jitter(0.05).amplitudeVariation(0.3).build();
            SimulatedRecording r = EmgSimulator.builder(fs, 6, seed).noise(1).clonusVolleys(p, 100).build();
            double[] env = envelope(r.signal().toArray(0), fs, 10);
            TrueEpisode e = r.episodes().get(0);
            for (double t : e.beatTimesS()) {
                double peak = argmax(env, fs, t - 0.5 / e.frequencyHz(), t + 0.5 / e.frequencyHz());
                long s = seed;
                // a volley is a random sum of potentials, so its envelope's peak scatters around its centre
                assertEquals(t, peak, 0.025, () -> "seed " + s + ": envelope peak vs truth beat");
                if (Math.abs(peak - t) > 0.015) {
                    far++;
                }
                beats++;
            }
        }
        assertEquals(800, beats);
        assertTrue(far <= 8, far + " of 800 envelope peaks more than 15 ms from the truth");
    }

    @Test
    void burstsSpan30To80MsAndTheMuscleIsSilentBetweenThem() {
        for (long seed = 1; seed <= 30; seed++) {
            double fs = RATES[(int) (seed % RATES.length)];
            ClonusPattern p = ClonusPattern.builder(1, 10, 5).jitter(0.02).build();
            SimulatedRecording r = EmgSimulator.builder(fs, 4, seed).clonusVolleys(p, 100).build();
            double[] x = r.signal().toArray(0);
            List<Double> t = r.episodes().get(0).beatTimesS();
            double sum = 0;
            for (double c : t) {
                double extent = extent(x, fs, c - 0.1, c + 0.1, 0.05);
                long s = seed;
                assertTrue(extent >= 0.015 && extent <= 0.1, () -> "seed " + s + ": burst extent " + extent);
                sum += extent;
            }
            double mean = sum / t.size();
            long s = seed;
            assertTrue(mean >= 0.025 && mean <= 0.085, () -> "seed " + s + ": mean burst extent " + mean);
            for (int k = 0; k + 1 < t.size(); k++) {
                int mid = (int) Math.round((t.get(k) + t.get(k + 1)) / 2 * fs);
                for (int i = mid - 5; i <= mid + 5; i++) {
                    assertEquals(0.0, x[i], 0.0, "no activity half-way between bursts");
                }
            }
        }
    }

    @Test
    void theAmplitudeIsTheRmsOverTheBurstCentre() {
        for (double fs : RATES) {
            ClonusPattern p = ClonusPattern.builder(1.0003, 8, 6).jitter(0.03).amplitudeVariation(0).decay(0.8)
                    .firstBeatGain(1.5).build();
            SimulatedRecording r = EmgSimulator.builder(fs, 4, (long) fs).clonusVolleys(p, 50).build();
            double[] x = r.signal().toArray(0);
            List<Double> t = r.episodes().get(0).beatTimesS();
            double[] rms = new double[t.size()];
            for (int k = 0; k < rms.length; k++) {
                rms[k] = rms(x, fs, t.get(k) - 0.015, t.get(k) + 0.015);
            }
            assertEquals(50 * 1.5, rms[0], 1e-9 * 50, "first beat: gain 1.5");
            for (int k = 1; k < rms.length; k++) {
                assertEquals(50 * Math.pow(0.8, k), rms[k], 1e-9 * 50, "decay 0.8 per beat");
            }
        }
        // with background noise the burst centre's RMS sets the SNR: 20 log10(amplitude / noise)
        SimulatedRecording r = EmgSimulator.builder(2000, 10, 8).noise(2)
                .clonusVolleys(ClonusPattern.builder(1, 30, 6).amplitudeVariation(0).build(), 20).build();
        double ss = 0;
        int n = 0;
        double[] x = r.signal().toArray(0);
        for (double c : r.episodes().get(0).beatTimesS()) {
            for (int i = (int) Math.ceil((c - 0.015) * 2000); i <= (int) Math.floor((c + 0.015) * 2000); i++) {
                ss += x[i] * x[i];
                n++;
            }
        }
        assertEquals(Math.sqrt(20 * 20 + 2 * 2), Math.sqrt(ss / n), 0.5);
    }

    @Test
    void theFirstBeatIsTheLargest() {
        for (long seed = 1; seed <= 20; seed++) {
            ClonusPattern p = ClonusPattern.builder(0.5, 4, 6.5).firstBeatGain(2).decay(0.85).amplitudeVariation(0.3)
                    .build();
            double fs = RATES[(int) (seed % RATES.length)];
            SimulatedRecording r = EmgSimulator.builder(fs, 2, seed).noise(1).clonusVolleys(p, 30).build();
            double[] x = r.signal().toArray(0);
            List<Double> t = r.episodes().get(0).beatTimesS();
            double first = rms(x, fs, t.get(0) - 0.015, t.get(0) + 0.015);
            for (int k = 1; k < t.size(); k++) {
                assertTrue(first > rms(x, fs, t.get(k) - 0.015, t.get(k) + 0.015), "first beat largest");
            }
            assertEquals(Classification.UNSUSTAINED, r.expected(CFG));
        }
    }

    @Test
    void truthIntervalsKeepTheRequestedJitterAndOnsetSlowing() {
        double jitter = 0.05;
        ClonusPattern p = ClonusPattern.builder(0.5, 301, 6).jitter(jitter).build();
        SimulatedRecording r = EmgSimulator.builder(1000, 52, 21).noise(1).clonusVolleys(p, 100).build();
        List<Double> truth = r.episodes().get(0).beatTimesS();
        double[] t = truth.stream().mapToDouble(Double::doubleValue).toArray();
        double[] d = intervals(t);
        assertEquals(jitter, sd(d) / mean(d), 0.006, "truth intervals' CV");
        // the signal has that rhythm too: envelope peaks' intervals, whose CV adds the peaks' own scatter
        double[] env = envelope(r.signal().toArray(0), 1000, 10);
        double[] peaks = new double[t.length];
        for (int k = 0; k < t.length; k++) {
            peaks[k] = argmax(env, 1000, t[k] - 1 / 12.0, t[k] + 1 / 12.0);
        }
        double[] dp = intervals(peaks);
        double cv = sd(dp) / mean(dp);
        assertTrue(cv > jitter - 0.005 && cv < jitter + 0.03, () -> "CV of envelope-peak intervals " + cv);
        assertEquals(6.0, r.episodes().get(0).frequencyHz(), 0.05);

        ClonusPattern slow = ClonusPattern.builder(1, 8, 6.5).jitter(0).onsetSlowingHz(2).build();
        List<Double> s = EmgSimulator.builder(2000, 4, 3).clonusVolleys(slow, 50).build().episodes().get(0)
                .beatTimesS();
        assertEquals(1 / 4.5, s.get(1) - s.get(0), 1e-12, "first interval slowed by 2 Hz");
        assertEquals(1 / 6.5, s.get(7) - s.get(6), 1e-12);
    }

    @Test
    void motorUnitsFireIrregularlyAtTheirOwnRatesWithoutTruth() {
        double fs = 4000;
        SimulatedRecording r = EmgSimulator.builder(fs, 30, 5).noise(0.5).motorUnits(0, 30, 1, 8, 8, 100).build();
        assertTrue(r.episodes().isEmpty());
        List<Double> spikes = spikes(r.signal().toArray(0), fs, 20, 0.02);
        double[] isi = intervals(spikes.stream().mapToDouble(Double::doubleValue).toArray());
        assertEquals(1 / 8.0, mean(isi), 0.01, "rate 8 Hz");
        double cv = sd(isi) / mean(isi);
        assertTrue(cv >= 0.12 && cv <= 0.33, () -> "ISI CV " + cv + " in 0.15-0.3");
        // single potentials of a few ms, not volleys
        double[] x = r.signal().toArray(0);
        for (double t : spikes) {
            double e = extent(x, fs, t - 0.008, t + 0.008, 0.1);
            assertTrue(e <= 0.011, () -> "single potential of " + e + " s");
        }
        // several units together: as many potentials as their rates give, and no truth
        SimulatedRecording many = EmgSimulator.builder(2000, 10, 6).noise(1).motorUnits(0, 10, 4, 6, 12, 80).build();
        assertEquals(Classification.NONE, many.expected(CFG));
        int count = spikes(many.signal().toArray(0), 2000, 20, 0.004).size();
        assertTrue(count >= 4 * 6 * 10 * 0.7 && count <= 4 * 12 * 10 * 1.1, () -> count + " potentials");
    }

    @Test
    void ecgHasQrsComplexesAtTheHeartRate() {
        SimulatedRecording r = EmgSimulator.builder(1000, 20, 7).noise(1).ecg(0, 20, 1.25, 100).build();
        assertTrue(r.episodes().isEmpty());
        List<Double> qrs = spikes(r.signal().toArray(0), 1000, 60, 0.3);
        assertEquals(25, qrs.size(), 2);
        double[] rr = intervals(qrs.stream().mapToDouble(Double::doubleValue).toArray());
        assertEquals(0.8, mean(rr), 0.03);
        double cv = sd(rr) / mean(rr);
        assertTrue(cv > 0.005 && cv < 0.06, () -> "heart-rate variability " + cv);
    }

    @Test
    void myoclonicJerksAreBriefAndIrregular() {
        SimulatedRecording r = EmgSimulator.builder(2000, 30, 8).noise(1).myoclonus(1, 20, 80).build();
        assertTrue(r.episodes().isEmpty());
        assertEquals(Classification.NONE, r.expected(CFG));
        double[] env = envelope(r.signal().toArray(0), 2000, 20);
        List<Double> jerks = spikes(env, 2000, 15, 0.2);
        assertEquals(20, jerks.size(), 1);
        double[] gaps = intervals(jerks.stream().mapToDouble(Double::doubleValue).toArray());
        for (double g : gaps) {
            assertTrue(g >= 0.2 && g <= 2.1, "gap " + g);
        }
        assertTrue(sd(gaps) / mean(gaps) > 0.2, "irregular");
    }

    @Test
    void cableMotionIsLargeAndSlow() {
        SimulatedRecording r = EmgSimulator.builder(1000, 20, 9).noise(1).cableMotion(1, 18, 200).build();
        assertTrue(r.episodes().isEmpty());
        double[] x = r.signal().toArray(0);
        assertEquals(200, rms(x, 1000, 2, 18), 60);
        Spectrum s = Spectrum.welch(x, 1000, 4096, 2048);
        double slow = s.bandPower(0.3, 6);
        double fast = s.bandPower(20, 450);
        assertTrue(slow > 20 * fast, () -> "swings below 6 Hz dominate: " + slow + " vs " + fast);
    }

    @Test
    void rhythmicVolleysOutsideTheBandAreTruthButNotClonus() {
        SimulatedRecording r = EmgSimulator.builder(2000, 20, 10).noise(2)
                .volleys("rhythm", ClonusPattern.of(1, 20, 3.5), 50)
                .volleys("rhythm", ClonusPattern.of(8, 80, 10.5), 50, 0.015, 0.04).build();
        assertEquals(2, r.episodes().size());
        for (TrueEpisode e : r.episodes()) {
            assertEquals("rhythm", e.kind());
            assertTrue(!CFG.inBand(e.frequencyHz()));
        }
        assertEquals(Classification.NONE, r.expected(CFG));
    }

    @Test
    void aHugeDcOffsetLeavesTheSignalIntact() {
        for (double factor : new double[] {1e3, 1e4, 1e5}) {
            ClonusPattern p = ClonusPattern.of(1, 10, 6);
            double[] plain = EmgSimulator.builder(2000, 4, 12).noise(5).clonusVolleys(p, 50).build().signal()
                    .toArray(0);
            double offset = factor * 50;
            double[] shifted = EmgSimulator.builder(2000, 4, 12).noise(5).clonusVolleys(p, 50).drift(offset, 0)
                    .build().signal().toArray(0);
            for (int i = 0; i < plain.length; i++) {
                assertEquals(plain[i], shifted[i] - offset, 1e-12 * offset);
            }
        }
    }

    @Test
    void argumentsAreCheckedAndNamed() {
        ClonusPattern late = ClonusPattern.of(4.5, 10, 6);
        refused("does not fit", () -> EmgSimulator.builder(2000, 5, 1).clonusVolleys(late, 10));
        refused("amplitude", () -> EmgSimulator.builder(2000, 5, 1).clonusVolleys(ClonusPattern.of(1, 5, 6), 0));
        refused("width", () -> EmgSimulator.builder(2000, 5, 1).volleys("rhythm", ClonusPattern.of(1, 5, 6), 10,
                0.05, 0.03));
        refused("count", () -> EmgSimulator.builder(2000, 5, 1).motorUnits(0, 5, 0, 6, 12, 10));
        refused("rates", () -> EmgSimulator.builder(2000, 5, 1).motorUnits(0, 5, 3, 12, 6, 10));
        refused("heart rate", () -> EmgSimulator.builder(2000, 5, 1).ecg(0, 5, 5, 10));
        refused("count", () -> EmgSimulator.builder(2000, 5, 1).myoclonus(0, 0, 10));
        refused("duration", () -> EmgSimulator.builder(2000, 5, 1).cableMotion(1, -1, 10));
        refused("amplitude", () -> EmgSimulator.builder(2000, 5, 1).cableMotion(1, 2, Double.NaN));
    }

    // ---- helpers ----

    /** Rectified signal low-passed (zero phase, 2nd order) at cutoffHz. */
    static double[] envelope(double[] x, double fs, double cutoffHz) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = Math.abs(x[i]);
        }
        return ZeroPhase.filtfilt(Butterworth.lowPass(2, cutoffHz, fs), r);
    }

    /** Time of the largest value in [fromS, toS). */
    static double argmax(double[] v, double fs, double fromS, double toS) {
        return AnkleKinematicsTest.argmax(v, fs, fromS, toS) / fs;
    }

    /** Span from the first to the last sample in [fromS, toS) whose magnitude exceeds fraction × the peak. */
    static double extent(double[] x, double fs, double fromS, double toS, double fraction) {
        int lo = Math.max(0, (int) Math.ceil(fromS * fs));
        int hi = Math.min(x.length, (int) Math.ceil(toS * fs));
        double peak = 0;
        for (int i = lo; i < hi; i++) {
            peak = Math.max(peak, Math.abs(x[i]));
        }
        int first = -1;
        int last = -1;
        for (int i = lo; i < hi; i++) {
            if (Math.abs(x[i]) > fraction * peak) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        return (last - first) / fs;
    }

    static double rms(double[] x, double fs, double fromS, double toS) {
        double ss = 0;
        int n = 0;
        for (int i = (int) Math.ceil(fromS * fs); i <= (int) Math.floor(toS * fs); i++) {
            ss += x[i] * x[i];
            n++;
        }
        return Math.sqrt(ss / n);
    }

    /** Times of the local maxima of |x| above threshold, at least deadS apart (the larger wins). */
    static List<Double> spikes(double[] x, double fs, double threshold, double deadS) {
        List<Double> out = new ArrayList<>();
        int dead = (int) Math.round(deadS * fs);
        int i = 0;
        while (i < x.length) {
            if (Math.abs(x[i]) > threshold) {
                int best = i;
                int j = i;
                while (j < x.length && j - best <= dead) {
                    if (Math.abs(x[j]) > Math.abs(x[best])) {
                        best = j;
                    }
                    j++;
                }
                out.add(best / fs);
                i = j;
            } else {
                i++;
            }
        }
        return out;
    }
}
