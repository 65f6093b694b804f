package io.clonus.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.sim.AccSimulator;
import io.clonus.sim.EmgSimulator;
import io.clonus.sim.PhysiologyGrid;
import io.clonus.sim.SimulatedRecording;
import io.clonus.sim.TrueEpisode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Accuracy over two simulated grids, row by row, with floors the build enforces:
 * <ul>
 * <li>the physiology grid ({@link PhysiologyGrid}: motor-unit volleys with jitter, slowing at onset and end,
 *     decaying runs of 3 and 4 beats, runs on a tonic contraction, runs in the first second and near the band
 *     edges; ankle kinematics for accelerometers and gyroscopes; every look-alike);</li>
 * <li>the regular grid of the project's first simulator (smooth noise bursts, 3 % jitter), kept as a
 *     regression guard for the clean case.</li>
 * </ul>
 * Per row: class agreement, beat count (exact for EMG, within one for motion sensors), runs of 3-4 beats
 * found, beat-time recall and precision (EMG within 30 ms, motion within half a period), mean frequency
 * error. The figures go to {@code target/accuracy.txt} (the README and closing notes quote them). The floors
 * are the measured values of the current detector less a small margin; raise them when the detector improves.
 */
class AccuracyTest {
    private static final DetectorConfig CFG = DetectorConfig.defaults();

    /** Tallies of one row. */
    static final class Tally {
        final String name;
        int records;
        int classOk;
        int beatsOk;
        int shortRuns;
        int shortFound;
        int trueBeats;
        int recalled;
        int detectedBeats;
        int precise;
        double sumFreqError;
        int freqCount;

        Tally(String name) {
            this.name = name;
        }

        void add(SimulatedRecording sim, ClonusResult r) {
            records++;
            boolean motion = sim.signal().type() == SignalType.ACC;
            classOk += r.classification() == sim.expected(CFG) ? 1 : 0;
            beatsOk += Math.abs(r.beatCount() - sim.expectedBeats(CFG)) <= (motion ? 1 : 0) ? 1 : 0;
            List<TrueEpisode> truth = sim.clonusEpisodes(CFG);
            for (TrueEpisode e : truth) {
                if (e.beatCount() <= 4) {
                    shortRuns++;
                    shortFound += r.episodes().stream().anyMatch(d -> d.startS() < e.endS() && e.startS() < d.endS())
                            ? 1 : 0;
                }
                double tol = tolerance(motion, e);
                for (double t : e.beatTimesS()) {
                    trueBeats++;
                    recalled += r.beats().stream().anyMatch(b -> Math.abs(b.timeS() - t) <= tol) ? 1 : 0;
                }
                double fe = Matching.worstFrequencyErrorHz(r, sim, CFG);
                if (r.episodes().stream().anyMatch(d -> d.startS() < e.endS() && e.startS() < d.endS())) {
                    sumFreqError += fe;
                    freqCount++;
                }
            }
            for (Beat b : r.beats()) {
                detectedBeats++;
                precise += truth.stream().anyMatch(e -> e.beatTimesS().stream()
                        .anyMatch(t -> Math.abs(b.timeS() - t) <= tolerance(motion, e))) ? 1 : 0;
            }
        }

        private static double tolerance(boolean motion, TrueEpisode e) {
            return motion ? 0.5 / e.frequencyHz() : 0.030;
        }

        double classRate() {
            return (double) classOk / records;
        }

        double beatsRate() {
            return (double) beatsOk / records;
        }

        double shortRate() {
            return shortRuns == 0 ? 1 : (double) shortFound / shortRuns;
        }

        double recall() {
            return trueBeats == 0 ? 1 : (double) recalled / trueBeats;
        }

        double precision() {
            return detectedBeats == 0 ? 1 : (double) precise / detectedBeats;
        }

        String line() {
            return String.format(Locale.ROOT, "%-24s %4d  class %5.1f %%  beats %5.1f %%  3-4-beat runs %2d/%-2d"
                    + "  beat recall %5.1f %%  precision %5.1f %%  mean |freq error| %.3f Hz", name, records,
                    100 * classRate(), 100 * beatsRate(), shortFound, shortRuns, 100 * recall(), 100 * precision(),
                    freqCount == 0 ? 0 : sumFreqError / freqCount);
        }
    }

    /** Floors of one row: class agreement, beat counts, short runs found, beat recall, beat precision. */
    private record Floor(double classRate, double beatsRate, double shortRate, double recall, double precision) {
    }

    /** Share of contractions swinging by 20-30 % that must come out NONE (measured 29/30 when it was set). */
    private static final double SWING_20_30_FLOOR = 0.93;
    /** The same for 40-50 % (measured 20/30; 22/30 before beats on a pedestal could open an episode). */
    private static final double SWING_40_50_FLOOR = 0.6;

    /** The measured state of the detector, less a margin; every look-alike row must be all NONE. */
    private static final Map<String, Floor> FLOORS = new LinkedHashMap<>();

    static {
        FLOORS.put("EMG 10 dB", new Floor(0.93, 0.85, 0.85, 0.95, 0.98));
        FLOORS.put("EMG 20 dB", new Floor(0.93, 0.82, 0.85, 0.95, 0.97));
        FLOORS.put("EMG 30 dB", new Floor(0.89, 0.78, 0.80, 0.95, 0.98));
        FLOORS.put("EMG 3-15x", new Floor(0.96, 0.89, 0.90, 0.96, 0.98));
        FLOORS.put("ACC large", new Floor(0.90, 0.90, 0.80, 0.95, 0.98));
        FLOORS.put("ACC medium", new Floor(0.80, 0.90, 0.80, 0.93, 0.97));
        FLOORS.put("ACC near noise", new Floor(0.50, 0.35, 0.30, 0.78, 0.93));
        FLOORS.put("GYRO large", new Floor(0.95, 0.95, 0.95, 0.97, 0.98));
        FLOORS.put("GYRO medium", new Floor(0.70, 0.58, 0.15, 0.86, 0.98));
        FLOORS.put("GYRO near noise", new Floor(0.30, 0.0, 0.0, 0.60, 0.95));
        FLOORS.put("look-alike EMG", new Floor(1.0, 1.0, 0, 0, 0));
        FLOORS.put("look-alike ACC", new Floor(1.0, 1.0, 0, 0, 0));
        FLOORS.put("look-alike GYRO", new Floor(1.0, 1.0, 0, 0, 0));
        FLOORS.put("regular EMG 10 dB", new Floor(0.95, 0.90, 0.90, 0.97, 0.98));
        FLOORS.put("regular EMG 20 dB", new Floor(0.95, 0.95, 0.95, 0.95, 0.98));
        FLOORS.put("regular EMG 30 dB", new Floor(0.95, 0.95, 0.95, 0.95, 0.98));
        FLOORS.put("regular ACC 0.05 g", new Floor(0.84, 0.75, 0.80, 0.92, 0.94));
        FLOORS.put("regular ACC 0.20 g", new Floor(0.95, 0.97, 0.95, 0.98, 0.98));
        FLOORS.put("regular ACC 0.50 g", new Floor(0.95, 0.95, 0.90, 0.95, 0.98));
        FLOORS.put("regular look-alikes", new Floor(1.0, 1.0, 0, 0, 0));
        FLOORS.put("EMG 10 dB redrawn", new Floor(0.93, 0, 0.85, 0.96, 0.98));
        FLOORS.put("EMG 20 dB redrawn", new Floor(0.96, 0, 0.93, 0.96, 0.97));
        FLOORS.put("EMG 30 dB redrawn", new Floor(0.96, 0, 0.93, 0.97, 0.98));
        FLOORS.put("EMG 3-15x redrawn", new Floor(0.97, 0, 0.90, 0.97, 0.98));
        FLOORS.put("EMG 20 dB on tonic 10-30 %", new Floor(1.0, 0, 0, 0.95, 0.96));
        // a known limit, measured so that it cannot get worse unseen (README, Limits): a contraction whose
        // envelope swings at a clonus rhythm is refused when it swings by up to a third, often not beyond
        FLOORS.put("swing 20-30 % (NONE)", new Floor(SWING_20_30_FLOOR, 0, 0, 0, 0));
        FLOORS.put("swing 40-50 % (NONE)", new Floor(SWING_40_50_FLOOR, 0, 0, 0, 0));
    }


    @Test
    void accuracyOverTheSimulatedGrids() throws IOException {
        Map<String, Tally> rows = new LinkedHashMap<>();
        ClonusDetector detector = ClonusDetector.of(CFG);
        for (PhysiologyGrid.Case c : PhysiologyGrid.all()) {
            rows.computeIfAbsent(c.row(), Tally::new).add(c.sim(), detector.analyze(c.sim().signal()));
        }
        for (Tally t : regularGrid(detector)) {
            rows.put(t.name, t);
        }
        for (PhysiologyGrid.Case c : PhysiologyGrid.emgRedrawn(2)) {
            rows.computeIfAbsent(c.row(), Tally::new).add(c.sim(), detector.analyze(c.sim().signal()));
        }
        rows.put("EMG 20 dB on tonic 10-30 %", onTonic(detector));
        StringBuilder report = new StringBuilder("Simulated accuracy, default configuration (AccuracyTest)\n");
        for (Tally t : rows.values()) {
            report.append(t.line()).append('\n');
        }
        Path out = Path.of("target", "accuracy.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());

        assertTrue(rows.keySet().containsAll(FLOORS.keySet()), () -> "rows " + rows.keySet());
        for (Map.Entry<String, Floor> e : FLOORS.entrySet()) {
            Tally t = rows.get(e.getKey());
            Floor f = e.getValue();
            assertTrue(t.classRate() >= f.classRate() && t.beatsRate() >= f.beatsRate()
                    && t.shortRate() >= f.shortRate() && t.recall() >= f.recall() && t.precision() >= f.precision(),
                    () -> t.line() + "\n  floor " + f);
        }
    }

    /** The first simulator's grid: 84 records per row, fixed frequencies and beat counts. */
    private static List<Tally> regularGrid(ClonusDetector detector) {
        List<Tally> tallies = new ArrayList<>();
        long seed = 5000;
        for (double snr : new double[] {10, 20, 30}) {
            Tally t = new Tally(String.format(Locale.ROOT, "regular EMG %2.0f dB", snr));
            for (double fs : new double[] {1000, 2000, 4000}) {
                for (double f : new double[] {5.5, 6.25, 7.0, 7.5}) {
                    for (int beats : new int[] {3, 4, 5, 8, 12, 30, 60}) {
                        SimulatedRecording sim = SimulatedEmgTest.record(fs, snr, f, beats, seed++);
                        t.add(sim, detector.analyze(sim.signal()));
                    }
                }
            }
            tallies.add(t);
        }
        for (double amp : new double[] {0.05, 0.2, 0.5}) {
            Tally t = new Tally(String.format(Locale.ROOT, "regular ACC %.2f g", amp));
            for (double fs : new double[] {50, 100, 200}) {
                for (double f : new double[] {5.5, 6.25, 7.0, 7.5}) {
                    for (int beats : new int[] {3, 4, 5, 8, 12, 30, 60}) {
                        SimulatedRecording sim = SimulatedAccTest.record(fs, amp, f, beats, seed++);
                        t.add(sim, detector.analyze(sim.signal()));
                    }
                }
            }
            tallies.add(t);
        }
        Tally negatives = new Tally("regular look-alikes");
        for (Arguments a : LookAlikeTest.lookAlikes()) {
            Object builder = ((Supplier<?>) a.get()[1]).get();
            SimulatedRecording sim = builder instanceof EmgSimulator.Builder b ? b.build()
                    : ((AccSimulator.Builder) builder).build();
            negatives.add(sim, detector.analyze(sim.signal()));
        }
        tallies.add(negatives);
        tallies.add(swings(detector, "swing 20-30 % (NONE)", 0.2, 0.3, 70_000));
        tallies.add(swings(detector, "swing 40-50 % (NONE)", 0.4, 0.5, 71_000));
        return tallies;
    }

    /**
     * Clonus of 12 volleys at 20 dB (jitter 4 %, amplitudes varying by 20 %) over a tonic contraction at 10, 15,
     * 20, 25 and 30 % of the bursts' RMS that starts half a second before them and lasts to the end of the
     * record, 12 records per level at 1000, 2000 and 4000 Hz and 5.5-7.25 Hz.
     */
    private static Tally onTonic(ClonusDetector detector) {
        Tally t = new Tally("EMG 20 dB on tonic 10-30 %");
        for (double share : new double[] {0.1, 0.15, 0.2, 0.25, 0.3}) {
            for (int k = 0; k < 12; k++) {
                SimulatedRecording sim = SimulatedEmgTest.onTonicRecord(share, new double[] {1000, 2000, 4000}[k % 3],
                        5.5 + 0.25 * (k % 8), 300 + k);
                t.add(sim, detector.analyze(sim.signal()));
            }
        }
        return t;
    }

    /**
     * Tonic contractions at 5-30 times the noise whose envelope swings sinusoidally by a depth drawn in [lo, hi]
     * at 5.2-7.8 Hz for 10 s, with a random fluctuation of 10-30 %: 30 records, none of them clonus.
     */
    private static Tally swings(ClonusDetector detector, String name, double lo, double hi, long seed) {
        Tally t = new Tally(name);
        SplittableRandom d = new SplittableRandom(seed);
        for (int k = 0; k < 30; k++) {
            double fs = new double[] {1000, 1024, 2000, 2048, 4000}[k % 5];
            double noise = 2 + 8 * d.nextDouble();
            double level = noise * (5 + 25 * d.nextDouble());
            SimulatedRecording sim = EmgSimulator.builder(fs, 12, seed + k).noise(noise)
                    .tonic(1, 10, level, 0.1 + 0.2 * d.nextDouble(), 5.2 + 2.6 * d.nextDouble(),
                            lo + (hi - lo) * d.nextDouble()).build();
            t.add(sim, detector.analyze(sim.signal()));
        }
        return t;
    }
}
