package io.clonus.sim;

import java.util.SplittableRandom;

/** Gaussian numbers by the Box–Muller transform, so that a seed gives the same record on every JDK. */
final class Noise {
    private Noise() {
    }

    /**
     * @param rng random source
     * @param n   length
     * @param sos the filter that shapes white Gaussian noise
     * @return filtered Gaussian noise scaled to unit RMS (all zeros if the filter passes nothing)
     */
    static double[] shaped(SplittableRandom rng, int n, io.clonus.dsp.Sos sos) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = gauss(rng);
        }
        io.clonus.dsp.SosFilter.of(sos).process(c, 0, c, 0, n);
        double ss = 0;
        for (double v : c) {
            ss += v * v;
        }
        double scale = ss > 0 ? 1 / Math.sqrt(ss / n) : 0;
        for (int i = 0; i < n; i++) {
            c[i] *= scale;
        }
        return c;
    }

    static double gauss(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
