package io.clonus.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.sim.AccSimulator;
import io.clonus.sim.ClonusPattern;
import io.clonus.sim.EmgSimulator;
import io.clonus.sim.PhysiologyGrid;
import io.clonus.sim.SimulatedRecording;
import io.clonus.testing.SharedSignals;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Gross outlying samples are found, once each, at their index; nothing a muscle, a limb or a tap does is. */
class SpikeScanTest {
    private static SpikeScan scan(double[] x, double fs) {
        SpikeScan s = new SpikeScan(fs);
        s.add(x, 0, x.length);
        s.finish();
        return s;
    }

    private static double[] noise(int n, double rms, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 100 + rms * rng.nextGaussian();
        }
        return x;
    }

    @Test
    void aSingleSampleOrAPairIsFoundAtItsIndex() {
        double[] x = noise(20_000, 5, 1);
        x[7_000] += 500;
        SpikeScan s = scan(x, 2000);
        assertEquals(1, s.count());
        assertEquals(7_000, s.firstIndex());
        // 500 over a level of one MAD of Gaussian noise of RMS 5 (3.4): about 150, the MADs being of 35 samples
        assertTrue(s.firstRatio() > 110 && s.firstRatio() < 200, () -> "ratio " + s.firstRatio());

        double[] y = noise(20_000, 5, 2);
        y[9_000] -= 800;
        y[9_001] -= 900;
        SpikeScan p = scan(y, 2000);
        assertEquals(1, p.count(), "a pair is one artefact, reported at its larger sample");
        assertEquals(9_001, p.firstIndex());
    }

    @Test
    void threeSamplesInARowOrASmallSpikeAreNot() {
        double[] x = noise(20_000, 5, 3);
        x[7_000] += 500;
        x[7_001] += 520;
        x[7_002] += 510;
        // 15 levels: large, but under the screening factor of 20
        x[12_000] += 15 * 5 * 0.6745;
        assertEquals(0, scan(x, 2000).count());
    }

    @Test
    void theLastSampleAndASpikeOnASlopeAreFound() {
        double[] x = noise(20_000, 5, 4);
        for (int i = 0; i < x.length; i++) {
            // 125 per block of 250 samples: the level grows to about 30
            x[i] += 0.5 * i;
        }
        x[11_111] += 1500;
        x[x.length - 1] += 1500;
        SpikeScan s = scan(x, 2000);
        assertEquals(2, s.count());
        assertEquals(11_111, s.firstIndex());
    }

    @Test
    void aBurstFromRestIsNotAnOutlier() {
        // clonus volleys of RMS 300 over noise of RMS 1: 60 dB, each burst hundreds of levels above the rest
        double[] x = EmgSimulator.builder(2000, 20, 5).noise(1).clonusVolleys(ClonusPattern.of(5, 30, 6.5), 300)
                .build().signal().toArray(0);
        assertEquals(0, scan(x, 2000).count());
    }

    /** Every record of the simulated physiology grid and its look-alikes (taps, motor units, ECG …), every axis. */
    @Test
    void nothingInTheSimulatedGridIsAnOutlier() {
        List<String> found = new ArrayList<>();
        for (PhysiologyGrid.Case c : PhysiologyGrid.all()) {
            for (int a = 0; a < c.sim().signal().axisCount(); a++) {
                SpikeScan s = scan(c.sim().signal().toArray(a), c.sim().signal().sampleRateHz());
                if (s.count() > 0) {
                    found.add(c.name() + " axis " + (a + 1) + ": " + s.count() + ", first at " + s.firstIndex());
                }
            }
        }
        assertTrue(found.isEmpty(), () -> String.join("\n", found));
    }

    @Test
    void nothingInTheLookAlikesIsAnOutlier() {
        List<SimulatedRecording> records = List.of(
                EmgSimulator.builder(2000, 20, 14).noise(5).artefact(3, 500).artefact(6.5, 800).build(),
                EmgSimulator.builder(1000, 20, 17).noise(2).motorUnits(1, 18, 4, 5, 12, 200).build(),
                EmgSimulator.builder(500, 20, 17).noise(2).motorUnits(1, 18, 4, 5, 12, 200).build(),
                EmgSimulator.builder(1000, 20, 17).noise(2).ecg(1, 18, 1.2, 200).build(),
                EmgSimulator.builder(1000, 20, 17).noise(2).myoclonus(1, 8, 300).build(),
                EmgSimulator.builder(1000, 20, 17).noise(2).cableMotion(1, 8, 300).build(),
                EmgSimulator.builder(1000, 20, 17).noise(5).mains(50, 8).drift(1e5, 1e3)
                        .clonusVolleys(ClonusPattern.of(8, 12, 6.5), 80).build(),
                AccSimulator.builder(40, 20, 21).gravity().noise(0.01).taps(2, 12, 1.0).build(),
                AccSimulator.builder(100, 20, 21).gravity().noise(0.01).taps(2, 12, 1.0).build(),
                AccSimulator.builder(100, 30, 23).gravity().noise(0.01).walking(1, 28, 1.8, 0.3).build(),
                AccSimulator.builder(50, 30, 23).gravity().noise(0.001).quantise(8, 12).shaking(1, 28, 3, 0.5).build());
        for (SimulatedRecording r : records) {
            for (int a = 0; a < r.signal().axisCount(); a++) {
                SpikeScan s = scan(r.signal().toArray(a), r.signal().sampleRateHz());
                assertEquals(0, s.count(), () -> r.description() + ", axis " + s.firstIndex());
            }
        }
    }

    /**
     * The real recordings of ../shared/signals: the only outliers are three single-sample glitches in the
     * needle EMG of a neuropathy (-0.53 mV among samples of 0.15-0.2 mV, and 0.1 mV among -2.4 mV).
     */
    @Test
    void inTheRealRecordingsOnlyTheNeuropathyGlitchesAreOutliers() {
        SharedSignals.assumePresent();
        List<String> found = new ArrayList<>();
        for (String name : new String[] {"physionet_emg_healthy", "physionet_emg_myopathy", "physionet_emg_neuropathy",
            "biosppy_emg", "biosppy_emg_1", "santuz_gait_emg", "cat_scratch_eng_4ch", "cat_scratch_emg_1ch",
            "biosppy_acc", "daphnet_walk_s03r03", "daphnet_fog_s03r02", "pads_hc001_stretchhold_right",
            "pads_pd006_holdweight_right", "pads_pd071_holdweight_right", "snim_wrist_arm_extended",
            "snim_sensor_on_table", "snim_wrist_simulated_tremor", "snim_bench_2p6hz", "snim_bench_5p6hz",
            "snim_bench_7p6hz"}) {
            for (Signal sig : SharedSignals.load(name)) {
                for (int a = 0; a < sig.axisCount(); a++) {
                    double[] x = sig.toArray(a);
                    SpikeScan s = new SpikeScan(sig.sampleRateHz());
                    for (int i = 0; i < x.length; i++) {
                        s.add(x[i]);
                    }
                    s.finish();
                    if (s.count() > 0) {
                        found.add(name + "/" + sig.label() + " axis " + (a + 1) + ": " + s.count() + " from " + s.firstIndex());
                    }
                }
            }
        }
        assertEquals(List.of("physionet_emg_neuropathy/emg axis 1: 3 from 12395"), found);
    }
}
