package io.clonus.beats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.detect.DetectorConfig;
import io.clonus.detect.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The beat stage alone: a detection signal made by hand goes through BurstFinder (EMG) or CycleFinder
 * (motion), and the candidates that come out are checked.
 */
class BeatCandidatesTest {
    private static final DetectorConfig CFG = DetectorConfig.defaults();
    private static final Thresholds T = CFG.thresholds();

    private record Cand(double timeS, double amplitude, double salience, boolean strong, boolean unit,
            boolean relaxed) {
    }

    /** Runs an EMG-like detection signal (value = level, power = level²) through BurstFinder. */
    private static List<Cand> bursts(double rate, double durationS, DoubleUnaryOperator level) {
        DetectionHistory h = new DetectionHistory(rate, 0, 8);
        NoiseFloor floor = new NoiseFloor(rate, 30, T.floorQuantile(), T.precisionFloor());
        List<Cand> out = new ArrayList<>();
        BurstFinder f = new BurstFinder(T, h, floor, CFG.searchLowHz(), CFG.searchHighHz(),
                (i, t, a, s, strong, unit, relaxed) -> out.add(new Cand(t, a, s, strong, unit, relaxed)));
        int look = BurstFinder.lookAround(rate, CFG.searchLowHz());
        int n = (int) Math.round(durationS * rate);
        for (int j = 0; j < n; j++) {
            double v = level.applyAsDouble(j / rate);
            h.add(v, v, v * v);
            floor.add(v);
            if (j - look >= 1) {
                f.examine(j - look, j);
            }
        }
        return out;
    }

    private static double bump(double t, double centre, double widthS) {
        double d = (t - centre) / widthS;
        return Math.exp(-0.5 * d * d);
    }

    @Test
    void burstsThatRelaxAreStrongCandidatesAtTheirPeaks() {
        double[] beats = {3.0, 3.16, 3.33, 3.49};
        List<Cand> c = bursts(250, 6, t -> {
            double v = 1;
            for (double b : beats) {
                v += 7 * bump(t, b, 0.015);
            }
            return v;
        });
        assertEquals(4, c.size(), c::toString);
        for (int i = 0; i < 4; i++) {
            assertEquals(beats[i], c.get(i).timeS, 0.005);
            assertTrue(c.get(i).strong && !c.get(i).unit && c.get(i).relaxed, c.get(i)::toString);
            assertEquals(8, c.get(i).salience, 1.0, "burst level over a floor of 1");
        }
    }

    @Test
    void aBurstOnlyTwiceAndAHalfTheFloorIsWeakAndOneUnderTwiceIsNone() {
        List<Cand> c = bursts(250, 6, t -> 1 + 1.5 * bump(t, 3, 0.015) + 0.8 * bump(t, 4, 0.015));
        assertEquals(1, c.size(), c::toString);
        assertFalse(c.get(0).strong);
        assertEquals(3.0, c.get(0).timeS, 0.005);
    }

    @Test
    void aContractionThatSwingsWithoutRelaxingGivesNoCandidates() {
        // rest for 3 s, then a contraction at 30 floors swinging by half at 6 Hz: its troughs, a third of its
        // peaks, stay above pedestalBlockShare 0.3, so there is not even a beat on a pedestal
        List<Cand> c = bursts(250, 10, t -> t < 3 ? 1 : 30 * (1 + 0.5 * Math.sin(2 * Math.PI * 6 * t)));
        assertTrue(c.stream().noneMatch(x -> x.timeS > 3.3), c::toString);
    }

    @Test
    void aBurstRisingFromATonicContractionToSeveralTimesItsLevelIsACandidate() {
        double[] beats = {3.0, 3.16, 3.33};
        List<Cand> c = bursts(250, 6, t -> {
            double v = t > 2.5 && t < 4 ? 6 : 1; // tonic pedestal of 6 floors
            for (double b : beats) {
                v += 40 * bump(t, b, 0.015);
            }
            return v;
        });
        assertEquals(3, c.stream().filter(x -> x.timeS > 2.9 && x.timeS < 3.4 && x.relaxed).count(), c::toString);
    }

    @Test
    void aBurstOnAPedestalAThirdOfItsLevelIsACandidateThatDoesNotRelax() {
        // rest at 1, then from 2.5 s a contraction at 10 with bursts to 30 (the lowest 20 ms mean a third of the
        // burst level: not relaxed at relaxedShare 0.3, a pedestal at pedestalShare 0.45) and one dip of the
        // rectified EMG to 5 between the bursts (a sixth of the peak: not relaxed at relaxedBlockShare 0.15,
        // within pedestalBlockShare 0.3) before each
        double[] beats = {3.0, 3.16, 3.32, 3.48};
        List<Cand> c = bursts(250, 6, t -> {
            if (t < 2.5 || t > 3.56) {
                return 1;
            }
            double v = 10;
            for (double b : beats) {
                v += 20 * bump(t, b, 0.015);
                if (Math.abs(t - (b - 0.08)) < 0.5 / 250) {
                    v = 5;
                }
            }
            return v;
        });
        List<Cand> onIt = c.stream().filter(x -> x.timeS > 2.9 && x.timeS < 3.5).toList();
        assertEquals(4, onIt.size(), c::toString);
        for (int i = 0; i < 4; i++) {
            assertEquals(beats[i], onIt.get(i).timeS, 0.005);
            assertTrue(onIt.get(i).strong && !onIt.get(i).relaxed, onIt.get(i)::toString);
        }
    }

    /** Runs a motion signal through CycleFinder. */
    private static List<Cand> cycles(double rate, double durationS, DoubleUnaryOperator x) {
        DetectionHistory h = new DetectionHistory(rate, 0, 8);
        NoiseFloor floor = new NoiseFloor(rate, 30, T.cycleFloorQuantile(), T.precisionFloor());
        List<Cand> out = new ArrayList<>();
        CycleFinder f = new CycleFinder(T, h, floor, CFG.searchLowHz(), CFG.searchHighHz(),
                (i, t, a, s, strong, unit, relaxed) -> out.add(new Cand(t, a, s, strong, unit, relaxed)));
        int look = BurstFinder.lookAround(rate, CFG.searchLowHz());
        int n = (int) Math.round(durationS * rate);
        for (int j = 0; j < n; j++) {
            double v = x.applyAsDouble(j / rate);
            h.add(v, Math.abs(v), v * v);
            floor.add(Math.abs(v));
            if (j - look >= 1) {
                f.examine(j - look, j);
            }
        }
        return out;
    }

    @Test
    void everyCycleIsOneCandidateEvenRightAfterALargePush() {
        // a push of 10 units over 0.3 s, then 4 cycles of 0.3 at 6 Hz starting 0.2 s later
        List<Cand> c = cycles(100, 6, t -> {
            double push = 10 * Math.exp(-0.5 * Math.pow((t - 2.0) / 0.08, 2));
            double osc = t >= 2.25 && t < 2.25 + 4 / 6.0 ? 3 * Math.sin(2 * Math.PI * 6 * (t - 2.25)) : 0;
            return push + osc + 0.01 * Math.sin(2 * Math.PI * 37 * t);
        });
        long inOscillation = c.stream().filter(x -> x.timeS > 2.25 && x.timeS < 2.95).count();
        assertEquals(4, inOscillation, c::toString);
        assertTrue(c.stream().allMatch(Cand::strong));
    }

    @Test
    void roundOffOfASmoothInputIsNoCycle() {
        // what a band-pass leaves of a ramp: values near 1e-13 on an input of magnitude 1e3
        DetectionHistory h = new DetectionHistory(100, 0, 8);
        NoiseFloor floor = new NoiseFloor(100, 30, T.cycleFloorQuantile(), T.precisionFloor());
        floor.inputMagnitude(1e3);
        List<Cand> out = new ArrayList<>();
        CycleFinder f = new CycleFinder(T, h, floor, CFG.searchLowHz(), CFG.searchHighHz(),
                (i, t, a, s, strong, unit, relaxed) -> out.add(new Cand(t, a, s, strong, unit, relaxed)));
        for (int j = 0; j < 1000; j++) {
            double v = 1e-13 * Math.sin(j * 0.4);
            h.add(v, Math.abs(v), v * v);
            floor.add(Math.abs(v));
            if (j >= 41) {
                f.examine(j - 40, j);
            }
        }
        assertTrue(out.isEmpty(), out::toString);
    }
}
