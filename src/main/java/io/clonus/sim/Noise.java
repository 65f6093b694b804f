package io.clonus.sim;

import java.util.SplittableRandom;

/** Gaussian numbers by the Box–Muller transform, so that a seed gives the same record on every JDK. */
final class Noise {
    private Noise() {
    }

    static double gauss(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
