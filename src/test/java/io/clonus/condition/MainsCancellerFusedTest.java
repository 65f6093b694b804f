package io.clonus.condition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.dsp.Butterworth;
import io.clonus.dsp.Sos;
import io.clonus.dsp.SosFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The one-pass band-pass and canceller gives the bits of the band-pass followed by the canceller, wild samples included. */
class MainsCancellerFusedTest {
    private static long[] bits(double[] a) {
        long[] b = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = Double.doubleToRawLongBits(a[i]);
        }
        return b;
    }

    private static double[] flat(Sos sos) {
        double[][] rows = sos.toArray();
        double[] c = new double[6 * rows.length];
        for (int s = 0; s < rows.length; s++) {
            System.arraycopy(rows[s], 0, c, 6 * s, 6);
        }
        return c;
    }

    @Test
    void sameBitsForEveryLineSet() {
        double fs = 2000;
        SplittableRandom rng = new SplittableRandom(21);
        int n = 30_000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / fs;
            // hum with harmonics, drift, noise, and bursts that stop the learning now and then
            double burst = (i / 3000) % 3 == 1 && (i % 3000) < 600 ? 40 * rng.nextGaussian() : 0;
            x[i] = 100 + 8 * Math.sin(2 * Math.PI * 50 * t) + 3 * Math.sin(2 * Math.PI * 100 * t + 1)
                    + 2 * Math.sin(2 * Math.PI * 250 * t) + 5 * rng.nextGaussian() + burst;
        }
        // wild samples, in the first block, in quiet and in a burst, so that the clipped update is taken
        x[2] += 1e4;
        x[7_777] -= 1e4;
        x[12_345] += 3e4;
        x[20_001] -= 5e3;
        Sos sos = Butterworth.bandPass(4, 20, 450, fs);
        double[] coef = flat(sos);
        List<double[]> lineSets = new ArrayList<>();
        for (int mask = 1; mask < 32; mask++) {
            double[] lines = new double[Integer.bitCount(mask)];
            int k = 0;
            for (int h = 1; h <= 5; h++) {
                if ((mask & (1 << (h - 1))) != 0) {
                    lines[k++] = 50.0 * h;
                }
            }
            lineSets.add(lines);
        }
        for (double[] lines : lineSets) {
            MainsCanceller separate = new MainsCanceller(50, lines, fs);
            MainsCanceller fused = new MainsCanceller(50, lines, fs);
            assertTrue(fused.canFilter(4));
            assertFalse(fused.canFilter(3));
            SosFilter filter = SosFilter.of(sos);
            filter.initSteadyState(x[0]);
            double[] state = filter.state();
            double[] expected = x.clone();
            double[] got = x.clone();
            // uneven chunks, so that the anchors and block ends fall anywhere in a call
            for (int i = 0, m = 1; i < n; i += m, m = Math.min(4096, m * 3 + 1)) {
                int len = Math.min(m, n - i);
                double[] a = java.util.Arrays.copyOfRange(expected, i, i + len);
                filter.process(a, 0, a, 0, len);
                separate.process(a, len);
                System.arraycopy(a, 0, expected, i, len);
                double[] b = java.util.Arrays.copyOfRange(got, i, i + len);
                fused.filterAndProcess(coef, state, b, len);
                System.arraycopy(b, 0, got, i, len);
            }
            assertArrayEquals(bits(expected), bits(got), java.util.Arrays.toString(lines));
            assertArrayEquals(bits(filter.state()), bits(state), "filter state, " + java.util.Arrays.toString(lines));
        }
    }
}
