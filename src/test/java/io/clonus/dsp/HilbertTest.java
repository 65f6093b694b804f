package io.clonus.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.visnow.jlargearrays.ConcurrencyUtils;

class HilbertTest {
    @Test
    void oddLengthMatchesScipy() {
        // np.abs(scipy.signal.hilbert([1, 2, 0, -1, 3, 0.5, -2])), scipy 1.17.1
        double[] expected = {2.0778954288327527, 2.015176327461957, 1.567443885151824, 1.7560256676873847,
            3.131317930508753, 2.951468655106707, 2.0771589427371953};
        Tolerance.assertRelative(expected, Hilbert.envelope(new double[] {1, 2, 0, -1, 3, 0.5, -2}), 1e-13, 0, "envelope");
    }

    @Test
    void tinyInputs() {
        // np.abs(scipy.signal.hilbert([-2.5])) == [2.5]; ([1.0, 3.0]) == [1, 3]
        assertArrayEquals(new double[] {2.5}, Hilbert.envelope(new double[] {-2.5}), 1e-15);
        assertArrayEquals(new double[] {1, 3}, Hilbert.envelope(new double[] {1, 3}), 1e-15);
        assertEquals(0, Hilbert.envelope(new double[0]).length);
    }

    @Test
    void envelopeOfAPeriodicAmSignalIsItsModulation() {
        int n = 1000;
        double[] x = new double[n];
        double[] modulation = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / 1000.0;
            modulation[i] = 1 + 0.5 * Math.sin(2 * Math.PI * 2 * t);
            x[i] = modulation[i] * Math.sin(2 * Math.PI * 50 * t);
        }
        assertArrayEquals(modulation, Hilbert.envelope(x), 1e-12);
    }

    @Test
    void jtransformsThreadsDoNotChangeTheResult() {
        // above CommonUtils' 8192-point threshold JTransforms may use its pool; results must not differ
        for (int n : new int[] {20_000, 20_011}) {
            double[] x = FilterContractTest.noise(n, n);
            double[] threaded = Hilbert.envelope(x);
            int threads = ConcurrencyUtils.getNumberOfThreads();
            try {
                ConcurrencyUtils.setNumberOfThreads(1);
                assertArrayEquals(Hilbert.envelope(x), threaded, 0.0, "n = " + n);
            } finally {
                ConcurrencyUtils.setNumberOfThreads(threads);
            }
        }
    }

    @Test
    void nanSpreadsAndInputIsKept() {
        double[] x = FilterContractTest.noise(64, 1);
        double[] copy = x.clone();
        Hilbert.envelope(x);
        assertArrayEquals(copy, x, 0.0);
        x[3] = Double.NaN;
        for (double v : Hilbert.envelope(x)) {
            assertTrue(Double.isNaN(v));
        }
    }
}
