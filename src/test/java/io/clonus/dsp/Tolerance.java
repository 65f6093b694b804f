package io.clonus.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Comparisons used by the reference tests; each failure message names the index and the error. */
final class Tolerance {
    private Tolerance() {
    }

    /** Largest |a - e| / max(|e|, floor) over the arrays. */
    static double maxRelativeError(double[] actual, double[] expected, double floor) {
        assertEquals(expected.length, actual.length, "length");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), floor);
            if (!(err <= worst)) {
                worst = err;
            }
        }
        return worst;
    }

    /** Largest |a - e| divided by max |e| (error relative to the signal scale). */
    static double maxScaledError(double[] actual, double[] expected) {
        assertEquals(expected.length, actual.length, "length");
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(actual[i] - expected[i]);
            if (!(err <= worst)) {
                worst = err;
            }
        }
        return scale == 0 ? worst : worst / scale;
    }

    /** Every element within tol relative to its own size, with an absolute floor for near-zero values. */
    static void assertRelative(double[] expected, double[] actual, double tol, double floor, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(actual[i] - expected[i]);
            if (!(err <= tol * Math.max(Math.abs(expected[i]), floor))) {
                fail(what + "[" + i + "]: expected " + expected[i] + " but was " + actual[i] + " (error " + err + ")");
            }
        }
    }

    /** Every element within tol times max |expected|. */
    static void assertScaled(double[] expected, double[] actual, double tol, String what) {
        double err = maxScaledError(actual, expected);
        if (!(err <= tol)) {
            fail(what + ": largest error relative to max |expected| is " + err + " > " + tol);
        }
    }
}
