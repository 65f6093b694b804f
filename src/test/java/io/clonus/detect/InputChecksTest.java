package io.clonus.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.sim.EmgSimulator;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Bad input is refused with a message a researcher understands; nothing comes back as NaN. */
class InputChecksTest {
    private static final ClonusDetector DETECTOR = ClonusDetector.create();

    private static double[] noise(int n, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble() - 0.5;
        }
        return x;
    }

    private static String refused(Signal s) {
        return assertThrows(InvalidSignalException.class, () -> DETECTOR.analyze(s)).getMessage();
    }

    @Test
    void nanAndInfiniteSamplesAreNamed() {
        double[] x = noise(4000, 1);
        x[1234] = Double.NaN;
        String m = refused(Signal.emg("soleus", 2000, x));
        assertTrue(m.contains("soleus") && m.contains("sample 1234 ") && m.contains("NaN") && m.contains("0.617"), m);
        double[] y = noise(400, 2);
        y[10] = Double.POSITIVE_INFINITY;
        m = refused(Signal.acc("ankle", 100, noise(400, 3), y, noise(400, 4)));
        assertTrue(m.contains("axis 2") && m.contains("infinite"), m);
    }

    @Test
    void tooShortAndEmptyRecordsAreRefused() {
        String m = refused(Signal.emg("x", 2000, noise(1000, 5)));
        assertTrue(m.contains("too short") && m.contains("at least 1 s"), m);
        m = refused(Signal.emg("x", 2000, new double[0]));
        assertTrue(m.contains("no samples"), m);
    }

    @Test
    void sampleRatesThatAreNotPositiveOrTooLowAreRefused() {
        assertTrue(assertThrows(InvalidSignalException.class, () -> Signal.emg("x", 0, new double[10])).getMessage()
                .contains("positive"));
        assertTrue(assertThrows(InvalidSignalException.class, () -> Signal.emg("x", Double.NaN, new double[10]))
                .getMessage().contains("positive"));
        String m = refused(Signal.emg("x", 250, noise(2500, 6)));
        assertTrue(m.contains("250 Hz is too slow") && m.contains("1000 Hz") && m.contains("500 Hz"), m);
        m = refused(Signal.acc("x", 30, noise(300, 7)));
        assertTrue(m.contains("30 Hz is too slow") && m.contains("40 Hz"), m);
    }

    @Test
    void aFlatLineIsRefusedAndAFlatAxisIsAWarning() {
        double[] flat = new double[4000];
        Arrays.fill(flat, 2048);
        String m = refused(Signal.emg("x", 2000, flat));
        assertTrue(m.contains("flat line") && m.contains("2048"), m);
        double[] zeros = new double[1000];
        ClonusResult r = DETECTOR.analyze(Signal.acc("thigh", 100, noise(1000, 8), zeros, noise(1000, 9)));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("axis 2 is flat")), r.warnings()::toString);
    }

    @Test
    void clippingIsAWarning() {
        double[] x = EmgSimulator.builder(2000, 5, 10).noise(5).clonus(1, 10, 6, 200).build().signal().toArray(0);
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(-100, Math.min(100, x[i]));
        }
        ClonusResult r = DETECTOR.analyze(Signal.emg("x", 2000, x));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("clipped") && w.contains("100")), r.warnings()::toString);
        ClonusResult clean = DETECTOR.analyze(EmgSimulator.builder(2000, 5, 10).noise(5).build().signal());
        assertTrue(clean.warnings().isEmpty(), clean.warnings()::toString);
    }

    @Test
    void slowEmgIsAnalysedWithANarrowedBandAndSaysSo() {
        ClonusResult r = DETECTOR.analyze(EmgSimulator.builder(600, 10, 11).noise(5).clonus(2, 12, 6, 80).build()
                .signal());
        assertEquals(270, r.conditioning().filterHighHz(), 1e-9);
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("narrowed to 20-270 Hz")), r.warnings()::toString);
        assertEquals(Classification.SUSTAINED, r.classification());
    }

    @Test
    void signalShapesAreChecked() {
        assertTrue(assertThrows(InvalidSignalException.class, () -> Signal.acc("x", 100, new double[10], new double[9]))
                .getMessage().contains("differ in length"));
        assertTrue(assertThrows(InvalidSignalException.class,
                () -> Signal.acc("x", 100, new double[1], new double[1], new double[1], new double[1])).getMessage()
                .contains("at most 3 axes"));
        assertTrue(assertThrows(InvalidSignalException.class,
                () -> Signal.of("x", SignalType.EMG, 2000, new double[1], new double[1])).getMessage()
                .contains("analyse each channel separately"));
    }

    @Test
    void inputIsNotModified() {
        double[] x = EmgSimulator.builder(2000, 5, 12).noise(5).clonus(1, 10, 6, 80).build().signal().toArray(0);
        double[] copy = x.clone();
        Signal s = Signal.wrap("x", SignalType.EMG, 2000, x);
        DETECTOR.analyze(s);
        assertTrue(Arrays.equals(copy, x));
    }

    @Test
    void resultsHoldNoNaN() {
        ClonusResult r = DETECTOR.analyze(EmgSimulator.builder(2000, 5, 13).noise(5).build().signal());
        assertEquals(Classification.NONE, r.classification());
        assertTrue(r.frequencyHz().isEmpty());
        assertTrue(Double.isFinite(r.rhythm().peakToMedian()));
        assertTrue(Double.isFinite(r.durationS()) && r.durationS() == 5.0);
    }
}
