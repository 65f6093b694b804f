package io.clonus.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.sim.AccSimulator;
import io.clonus.sim.EmgSimulator;
import io.clonus.sim.SimulatedRecording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Accuracy over the whole simulated grid, the low-SNR corner included (EMG at 10 dB, accelerometer at
 * 0.05 g against 0.01 g noise per axis). Asserts floors on classification agreement, beat-count error and
 * frequency error, and writes the figures to {@code target/accuracy.txt} (the closing note quotes them).
 */
class AccuracyTest {
    private static final DetectorConfig CFG = DetectorConfig.defaults();

    /** Tallies of one condition. */
    private static final class Tally {
        final String name;
        int records;
        int classOk;
        int beatsWithinOne;
        double sumAbsBeatError;
        double sumAbsFreqError;
        double maxAbsFreqError;
        int freqCount;

        Tally(String name) {
            this.name = name;
        }

        void add(SimulatedRecording sim, ClonusResult r) {
            records++;
            if (r.classification() == sim.expected(CFG)) {
                classOk++;
            }
            int err = Math.abs(r.beatCount() - sim.expectedBeats(CFG));
            if (err <= 1) {
                beatsWithinOne++;
            }
            sumAbsBeatError += err;
            if (r.frequencyHz().isPresent() && !sim.clonusEpisodes(CFG).isEmpty()) {
                double fe = Math.abs(r.frequencyHz().getAsDouble() - sim.clonusEpisodes(CFG).get(0).frequencyHz());
                sumAbsFreqError += fe;
                maxAbsFreqError = Math.max(maxAbsFreqError, fe);
                freqCount++;
            }
        }

        double classRate() {
            return (double) classOk / records;
        }

        String line() {
            return String.format(Locale.ROOT, "%-28s records %4d  class agreement %5.1f %%  beats within +-1 %5.1f %%"
                    + "  mean |beat error| %.2f  mean |freq error| %.3f Hz  max %.3f Hz", name, records,
                    100 * classRate(), 100.0 * beatsWithinOne / records, sumAbsBeatError / records,
                    freqCount == 0 ? 0 : sumAbsFreqError / freqCount, maxAbsFreqError);
        }
    }

    @Test
    void accuracyOverTheSimulatedGrid() throws IOException {
        List<Tally> tallies = new ArrayList<>();
        long seed = 5000;
        for (double snr : new double[] {10, 20, 30}) {
            Tally t = new Tally(String.format(Locale.ROOT, "EMG %2.0f dB", snr));
            for (double fs : new double[] {1000, 2000, 4000}) {
                for (double f : new double[] {5.5, 6.25, 7.0, 7.5}) {
                    for (int beats : new int[] {3, 4, 5, 8, 12, 30, 60}) {
                        SimulatedRecording sim = SimulatedEmgTest.record(fs, snr, f, beats, seed++);
                        t.add(sim, ClonusDetector.of(CFG).analyze(sim.signal()));
                    }
                }
            }
            tallies.add(t);
        }
        for (double amp : new double[] {0.05, 0.2, 0.5}) {
            Tally t = new Tally(String.format(Locale.ROOT, "ACC %.2f g", amp));
            for (double fs : new double[] {50, 100, 200}) {
                for (double f : new double[] {5.5, 6.25, 7.0, 7.5}) {
                    for (int beats : new int[] {3, 4, 5, 8, 12, 30, 60}) {
                        SimulatedRecording sim = SimulatedAccTest.record(fs, amp, f, beats, seed++);
                        t.add(sim, ClonusDetector.of(CFG).analyze(sim.signal()));
                    }
                }
            }
            tallies.add(t);
        }
        Tally negatives = new Tally("look-alikes (expect NONE)");
        for (org.junit.jupiter.params.provider.Arguments a : LookAlikeTest.lookAlikes()) {
            Object builder = ((java.util.function.Supplier<?>) a.get()[1]).get();
            SimulatedRecording sim = builder instanceof EmgSimulator.Builder b ? b.build()
                    : ((AccSimulator.Builder) builder).build();
            negatives.add(sim, ClonusDetector.of(CFG).analyze(sim.signal()));
        }
        tallies.add(negatives);

        StringBuilder report = new StringBuilder("Simulated accuracy, default configuration (AccuracyTest)\n");
        for (Tally t : tallies) {
            report.append(t.line()).append('\n');
        }
        Path out = Path.of("target", "accuracy.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());

        for (Tally t : tallies) {
            boolean lowSnr = t.name.contains("10 dB") || t.name.contains("0.05 g");
            assertTrue(t.classRate() >= (lowSnr ? 0.75 : 0.95), t::line);
            assertTrue(t.sumAbsFreqError / Math.max(1, t.freqCount) < (lowSnr ? 0.15 : 0.05), t::line);
            if (!lowSnr) {
                assertTrue((double) t.beatsWithinOne / t.records >= 0.95, t::line);
                assertTrue(t.maxAbsFreqError < 0.4, t::line);
            }
        }
        assertTrue(negatives.classRate() == 1.0, negatives::line);
    }
}
