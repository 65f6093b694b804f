package io.clonus.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.sim.AccSimulator;
import io.clonus.sim.SimulatedRecording;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Accelerometer clonus with known truth: 50–200 Hz, 0.2 and 0.5 g oscillations along a random direction
 * on a tilting sensor with gravity, slow movement and 0.01 g noise per axis, frequencies across the band,
 * 3 to 60 cycles. (0.05 g, near the noise, is covered by {@link AccuracyTest}.)
 */
class SimulatedAccTest {
    private static final DetectorConfig CFG = DetectorConfig.defaults();

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        long seed = 2000;
        for (double fs : new double[] {50, 100, 200}) {
            for (double amp : new double[] {0.2, 0.5}) {
                for (double f : new double[] {5.5, 6.5, 7.5}) {
                    for (int beats : new int[] {3, 4, 5, 12, 60}) {
                        out.add(Arguments.of(fs, amp, f, beats, seed++));
                    }
                }
            }
        }
        return out;
    }

    static SimulatedRecording record(double fs, double amp, double f, int beats, long seed) {
        return AccSimulator.builder(fs, 3 + beats / f + 4, seed).gravity().noise(0.01).slowMovement(0.03)
                .clonus(3.0, beats, f, amp).build();
    }

    @ParameterizedTest(name = "{0} Hz, {1} g, {2} Hz, {3} cycles")
    @MethodSource("cases")
    void countsTheCyclesAndFindsTheirFrequency(double fs, double amp, double f, int beats, long seed) {
        SimulatedRecording sim = record(fs, amp, f, beats, seed);
        ClonusResult r = ClonusDetector.of(CFG).analyze(sim.signal());
        assertEquals(sim.expected(CFG), r.classification(), sim.description());
        assertTrue(Math.abs(r.beatCount() - beats) <= 1, () -> "beats " + r.beatCount() + " for " + beats);
        // two or three intervals of a short episode carry the timing error of the onset cycle: 8 %
        double tolerance = beats >= 5 ? 0.2 : 0.08 * f;
        assertEquals(sim.episodes().get(0).frequencyHz(), r.frequencyHz().getAsDouble(), tolerance, "frequency");
        // the principal axis has no sign, so a beat may sit at either extreme of its cycle: half a period
        int matched = Matching.matchedBeats(r, sim, CFG, 0.5 / f + 0.03);
        assertTrue(matched >= beats - 1, () -> matched + " of " + beats + " cycles matched");
        assertEquals(SignalType.ACC, r.type());
    }
}
