package io.clonus.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.sim.EmgSimulator;
import io.clonus.sim.SimulatedRecording;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * EMG clonus with known truth across sample rates (1–4 kHz), SNRs (20 and 30 dB; 10 dB is covered by
 * {@link AccuracyTest}), frequencies across the band and 3 to 60 beats, on a background of noise, 50 Hz
 * mains and drift.
 */
class SimulatedEmgTest {
    private static final DetectorConfig CFG = DetectorConfig.defaults();

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        long seed = 1000;
        for (double fs : new double[] {1000, 2000, 4000}) {
            for (double snr : new double[] {20, 30}) {
                for (double f : new double[] {5.5, 6.5, 7.5}) {
                    for (int beats : new int[] {3, 4, 5, 12, 60}) {
                        out.add(Arguments.of(fs, snr, f, beats, seed++));
                    }
                }
            }
        }
        return out;
    }

    static SimulatedRecording record(double fs, double snrDb, double f, int beats, long seed) {
        double noise = 5;
        return EmgSimulator.builder(fs, 3 + beats / f + 4, seed).noise(noise).mains(50, 3).drift(100, 20)
                .clonus(3.0, beats, f, noise * Math.pow(10, snrDb / 20)).build();
    }

    @ParameterizedTest(name = "{0} Hz, {1} dB, {2} Hz, {3} beats")
    @MethodSource("cases")
    void findsTheBeatsTheirFrequencyAndTheClass(double fs, double snr, double f, int beats, long seed) {
        SimulatedRecording sim = record(fs, snr, f, beats, seed);
        ClonusResult r = ClonusDetector.of(CFG).analyze(sim.signal());
        assertEquals(sim.expected(CFG), r.classification(), sim.description());
        assertTrue(Math.abs(r.beatCount() - beats) <= 1, () -> "beats " + r.beatCount() + " for " + beats);
        assertEquals(1, r.episodes().size(), "one episode");
        assertEquals(sim.episodes().get(0).frequencyHz(), r.frequencyHz().getAsDouble(), 0.15, "frequency");
        int matched = Matching.matchedBeats(r, sim, CFG, 0.02);
        assertTrue(matched >= beats - 1, () -> matched + " of " + beats + " beats within 20 ms of the truth");
        assertEquals(50.0, r.conditioning().mainsHz(), "mains detected");
        Episode e = r.episodes().get(0);
        assertEquals(ScatsGrade.of(e.durationS()), e.scatsGrade());
        assertTrue(e.intervalCv() < 0.15);
    }
}
