package io.clonus.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** SampleChecks.checkBlock is check-then-next sample by sample, in any chunking. */
class SampleChecksBlockTest {
    private static double[][] signal(int axes, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[axes][n];
        for (int a = 0; a < axes; a++) {
            for (int i = 0; i < n; i++) {
                // a clipped sine with noise: runs at both extremes, new extremes early on
                double v = Math.round(3 * Math.sin(i * 0.05 * (a + 1)) + rng.nextGaussian());
                x[a][i] = Math.max(-3, Math.min(3, v));
            }
        }
        return x;
    }

    private static List<String> perSample(double[][] x, double fs) {
        SampleChecks c = new SampleChecks("s", fs, x.length, x.length == 1 ? SignalType.EMG : SignalType.ACC);
        for (int i = 0; i < x[0].length; i++) {
            for (int a = 0; a < x.length; a++) {
                c.check(a, x[a][i]);
            }
            c.next();
        }
        List<String> w = new ArrayList<>();
        c.finish(w);
        w.add("n=" + c.samples());
        return w;
    }

    private static List<String> blocks(double[][] x, double fs, int chunk) {
        SampleChecks c = new SampleChecks("s", fs, x.length, x.length == 1 ? SignalType.EMG : SignalType.ACC);
        int n = x[0].length;
        for (int i = 0; i < n; i += chunk) {
            c.checkBlock(x, i, Math.min(chunk, n - i));
        }
        List<String> w = new ArrayList<>();
        c.finish(w);
        w.add("n=" + c.samples());
        return w;
    }

    @Test
    void sameWarningsInAnyChunking() {
        for (int axes = 1; axes <= 3; axes++) {
            double[][] x = signal(axes, 5000, axes);
            List<String> expected = perSample(x, 100);
            for (int chunk : new int[] {1, 2, 3, 7, 256, 5000}) {
                assertEquals(expected, blocks(x, 100, chunk), axes + " axes, chunks of " + chunk);
            }
        }
    }

    @Test
    void sameOutlierAndRampWarningsInAnyChunking() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 8000;
        double[][] x = new double[3][n];
        for (int i = 0; i < n; i++) {
            x[0][i] = 10 * rng.nextGaussian();
            x[1][i] = 0.01 * i;
            x[2][i] = 1 + rng.nextGaussian();
        }
        x[0][3000] = 2000;
        x[0][6001] = -3000;
        x[2][4444] = 300;
        x[2][4445] = 310;
        List<String> expected = perSample(x, 200);
        assertEquals(4, expected.size(), expected::toString);
        for (int chunk : new int[] {1, 5, 8, 9, 33, 1000, 8000}) {
            assertEquals(expected, blocks(x, 200, chunk), "chunks of " + chunk);
        }
    }

    @Test
    void refusesTheSameSampleAndAxis() {
        double[][] x = signal(3, 1000, 9);
        x[2][500] = Double.NaN;
        x[0][700] = Double.POSITIVE_INFINITY;
        String expected = assertThrows(InvalidSignalException.class, () -> perSample(x, 100)).getMessage();
        for (int chunk : new int[] {1, 64, 1000}) {
            assertEquals(expected, assertThrows(InvalidSignalException.class, () -> blocks(x, 100, chunk)).getMessage());
        }
    }
}
