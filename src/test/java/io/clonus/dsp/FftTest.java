package io.clonus.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JTransforms wrapper against a naive DFT for every small length (packing differs for odd n). */
class FftTest {
    static IntStream lengths() {
        return IntStream.concat(IntStream.rangeClosed(1, 40), IntStream.of(64, 97, 128, 243, 1000));
    }

    static double[] signal(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(1.3 * i) + 0.1 * i - (i % 4 == 0 ? 1 : 0);
        }
        return x;
    }

    /** Naive X[k] = sum x[j] exp(-2 pi i jk / n). */
    static double[] dft(double[] x) {
        int n = x.length;
        double[] out = new double[2 * n];
        for (int k = 0; k < n; k++) {
            double re = 0;
            double im = 0;
            for (int j = 0; j < n; j++) {
                double a = -2 * Math.PI * ((long) j * k % n) / n;
                re += x[j] * Math.cos(a);
                im += x[j] * Math.sin(a);
            }
            out[2 * k] = re;
            out[2 * k + 1] = im;
        }
        return out;
    }

    @ParameterizedTest(name = "n = {0}")
    @MethodSource("lengths")
    void oneSidedPowerMatchesNaiveDft(int n) {
        double[] x = signal(n);
        double[] expected = dft(x);
        double[] power = new double[n / 2 + 1];
        Fft.powerOneSided(x.clone(), power);
        for (int k = 0; k <= n / 2; k++) {
            double p = expected[2 * k] * expected[2 * k] + expected[2 * k + 1] * expected[2 * k + 1];
            assertEquals(p, power[k], 1e-10 * (1 + p), "bin " + k);
        }
    }

    @ParameterizedTest(name = "n = {0}")
    @MethodSource("lengths")
    void fullForwardMatchesNaiveDftAndInverseRestores(int n) {
        double[] x = signal(n);
        double[] full = new double[2 * n];
        Fft.forwardFull(x, full);
        assertArrayEquals(dft(x), full, 1e-9 * n);
        Fft.inverse(full);
        for (int i = 0; i < n; i++) {
            assertEquals(x[i], full[2 * i], 1e-12 * n);
            assertEquals(0, full[2 * i + 1], 1e-12 * n);
        }
    }
}
