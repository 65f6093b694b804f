package io.clonus.condition;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.dsp.Butterworth;
import io.clonus.dsp.Sos;
import io.clonus.dsp.SosFilter;
import io.clonus.sim.EmgSimulator;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The canceller's learning is robust: one wild sample neither throws the learned hum (the Huber-clipped
 * update) nor becomes the quiet level (the median start), and the band-pass's start-up transient does not
 * keep it from ever learning.
 */
class MainsCancellerRobustnessTest {
    private static final double FS = 2000;
    private static final Sos BAND_PASS = Butterworth.bandPass(4, 20, 450, FS);
    private static final double[] LINES = {50, 100, 150};

    /** The EMG conditioner's band-pass from the steady state of sample 0, then the canceller from sample 0. */
    private static double[] cancel(double[] raw, double[] lines) {
        double[] y = raw.clone();
        SosFilter f = SosFilter.of(BAND_PASS);
        f.initSteadyState(y[0]);
        f.process(y, 0, y, 0, y.length);
        new MainsCanceller(50, lines, FS).process(y, y.length);
        return y;
    }

    private static double rmsDifference(double[] a, double[] b, double fromS, double toS) {
        double s = 0;
        int n = 0;
        for (int i = (int) (fromS * FS); i < (int) (toS * FS); i++) {
            double d = a[i] - b[i];
            s += d * d;
            n++;
        }
        return Math.sqrt(s / n);
    }

    /** 12 s of noise (RMS 5) and 50 Hz hum of amplitude 8 with its 2nd and 3rd harmonics. */
    private static double[] hum(long seed) {
        return EmgSimulator.builder(FS, 12, seed).noise(5).mains(50, 8).build().signal().toArray(0);
    }

    /**
     * Before the fix a sample of 10⁴ moved each line's weights by about beta × 10⁴ = 20, and the wrong hum
     * left in the output kept the power gate shut for 3-10 s (for good over quieter noise): the output
     * differed by an RMS of about 5 over the 7 s after it.
     */
    @Test
    void aWildSampleBarelyMovesTheLearnedHum() {
        for (long seed = 1; seed <= 4; seed++) {
            double[] x = hum(seed);
            double[] clean = cancel(x, LINES);
            for (double pop : new double[] {1e4, -1e4, 1e5}) {
                double[] y = x.clone();
                y[10_203] += pop;
                double d = rmsDifference(clean, cancel(y, LINES), 5.3, 12);
                String what = String.format(Locale.ROOT, "seed %d, %+.0e at 5.1 s: output differs by RMS %.3f", seed, pop, d);
                assertTrue(d < 0.5, what);
            }
        }
    }

    /** Before the fix the first 8 ms block set the quiet power: a spike there opened the gate (and the clip) to everything. */
    @Test
    void aWildSampleInTheFirstBlockDoesNotBecomeTheQuietLevel() {
        for (long seed = 1; seed <= 4; seed++) {
            double[] x = hum(seed);
            double[] clean = cancel(x, LINES);
            double[] y = x.clone();
            y[3] += 1e4;
            double d = rmsDifference(clean, cancel(y, LINES), 0.5, 12);
            assertTrue(d < 0.5, String.format(Locale.ROOT, "seed %d: output differs by RMS %.3f", seed, d));
        }
    }

    /**
     * The band-pass starts in the steady state of the first sample, so the hum fades in over its first
     * milliseconds; before the fix that quiet first block became the quiet power, a quarter of the full hum's,
     * and for 6 of these 16 phases learning never started: the hum was never cancelled.
     */
    @Test
    void aPureHumIsLearnedWhateverItsPhase() {
        for (int k = 0; k < 16; k++) {
            SplittableRandom rng = new SplittableRandom(k);
            double[] x = new double[(int) (6 * FS)];
            for (int i = 0; i < x.length; i++) {
                x[i] = 8 * Math.sin(2 * Math.PI * 50 * i / FS + k * 2 * Math.PI / 16) + 0.5 * rng.nextGaussian();
            }
            double[] y = cancel(x, new double[] {50});
            double residual = rmsDifference(y, new double[y.length], 4, 6);
            // the band-passed noise alone has an RMS of about 0.33
            assertTrue(residual < 0.6, String.format(Locale.ROOT, "phase %d/16: residual RMS %.3f", k, residual));
        }
    }
}
