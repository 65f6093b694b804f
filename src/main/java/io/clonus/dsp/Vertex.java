package io.clonus.dsp;

/**
 * Sub-sample location of a peak: the vertex of the parabola through three equally spaced values, the
 * package's one implementation of that refinement (spectral peaks on log power, autocorrelation lags,
 * envelope peak times). Static and thread-safe.
 */
public final class Vertex {
    private Vertex() {
    }

    /**
     * @param a value one step before the peak
     * @param b value at the peak
     * @param c value one step after
     * @return where the vertex of the parabola through (-1, a), (0, b), (1, c) lies, in steps from the peak,
     *         within [-0.5, 0.5]; 0 when the parabola does not open downwards (a flat top, or no maximum) or a
     *         value is NaN
     */
    public static double offset(double a, double b, double c) {
        double den = a - 2 * b + c;
        if (!(den < 0)) {
            return 0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / den));
    }
}
