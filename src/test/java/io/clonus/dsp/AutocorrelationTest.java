package io.clonus.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AutocorrelationTest {
    static double[] rhythm(int n, double periodSamples, double noise, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 3 + Math.sin(2 * Math.PI * i / periodSamples) + noise * r.nextGaussian();
        }
        return x;
    }

    @Test
    void periodOfARhythmIsFoundBetweenSamples() {
        double[] ac = Autocorrelation.normalized(rhythm(2000, 15.7, 0.3, 1), 60);
        assertEquals(1.0, ac[0]);
        assertEquals(15.7, Autocorrelation.peakLag(ac, 5, 25), 0.1);
        // the highest maximum in a range holding two periods is the first one (biased estimate decays)
        assertEquals(15.7, Autocorrelation.peakLag(ac, 5, 40), 0.1);
        assertEquals(31.4, Autocorrelation.peakLag(ac, 20, 40), 0.2);
    }

    @Test
    void noLocalMaximumGivesMinusOne() {
        assertEquals(-1, Autocorrelation.peakLag(new double[] {1, 0.8, 0.6, 0.4}, 0, 3));
        assertEquals(-1, Autocorrelation.peakLag(new double[] {1, 0.2, 0.6, 0.9}, 0, 10));
        assertEquals(-1, Autocorrelation.peakLag(new double[] {1, 0.2, 0.6, 0.4}, 3, 10));
        assertEquals(-1, Autocorrelation.peakLag(new double[0], 0, 10));
    }

    @Test
    void flatTopIsCentred() {
        assertEquals(2.5, Autocorrelation.peakLag(new double[] {1, 0.5, 0.7, 0.7, 0.3}, 1, 4), 1e-15);
        assertEquals(3.0, Autocorrelation.peakLag(new double[] {1, 0.5, 0.7, 0.7, 0.7, 0.3}, 1, 5), 1e-15);
    }

    @Test
    void maxLagBeyondTheArrayIsClamped() {
        assertEquals(2.0, Autocorrelation.peakLag(new double[] {1, 0.5, 0.7, 0.5}, 1, 1000), 1e-15);
    }

    @Test
    void fftPathAgreesWithDirectSums() {
        assertFalse(Autocorrelation.useFft(3000, 60));
        assertTrue(Autocorrelation.useFft(5000, 3000));
        double[] x = rhythm(5000, 40, 1, 2);
        double mean = Spectrum.mean(x, 0, x.length);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = x[i] - mean;
        }
        double[] direct = Autocorrelation.direct(y, 3000);
        double[] fft = Autocorrelation.viaFft(y, 3000);
        Tolerance.assertScaled(direct, fft, 1e-13, "fft vs direct");
        double[] normalized = Autocorrelation.normalized(x, 3000);
        for (int k = 0; k <= 3000; k++) {
            assertEquals(direct[k] / direct[0], normalized[k], 1e-13);
        }
    }

    @Test
    void segmentEqualsCopy() {
        double[] x = rhythm(500, 12, 0.5, 3);
        assertArrayEquals(Autocorrelation.normalized(java.util.Arrays.copyOfRange(x, 100, 400), 50),
                Autocorrelation.normalized(x, 100, 400, 50), 0.0);
    }

    @Test
    void constantSignalIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Autocorrelation.normalized(new double[] {2, 2, 2, 2}, 2));
        assertTrue(e.getMessage().startsWith("constant signal has no autocorrelation"), e.getMessage());
    }

    @Test
    void invalidArgumentsAreRefusedWithTheValue() {
        double[] x = rhythm(50, 10, 0.1, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Autocorrelation.normalized(x, 50));
        assertTrue(e.getMessage().contains("maxLag 50 must be between 0 and 49"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Autocorrelation.normalized(x, -1));
        assertTrue(e.getMessage().contains("maxLag -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Autocorrelation.normalized(new double[0], 0));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Autocorrelation.peakLag(new double[5], 4, 2));
        assertTrue(e.getMessage().contains("minLag 4 > maxLag 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Autocorrelation.peakLag(new double[5], -1, 2));
        assertTrue(e.getMessage().contains("got -1"), e.getMessage());
    }

    @Test
    void nanPropagatesAndInputIsKept() {
        double[] x = rhythm(100, 10, 0.1, 5);
        double[] copy = x.clone();
        Autocorrelation.normalized(x, 20);
        assertArrayEquals(copy, x, 0.0);
        x[10] = Double.NaN;
        double[] ac = Autocorrelation.normalized(x, 20);
        assertTrue(Double.isNaN(ac[5]));
    }

    @Test
    void smallExampleByHand() {
        // y = [-1, 0, 1], y @ y = 2: lag 1 sums -1*0 + 0*1 = 0, lag 2 is -1*1 = -1
        assertArrayEquals(new double[] {1.0, 0.0, -0.5}, Autocorrelation.normalized(new double[] {1, 2, 3}, 2), 1e-15);
    }
}
