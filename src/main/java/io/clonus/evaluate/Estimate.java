package io.clonus.evaluate;

/**
 * A figure with its confidence interval, in the figure's own unit (a proportion 0-1, a rate per 24 hours, a
 * correlation coefficient, seconds...). Which interval it is (Wilson, exact Poisson, McGraw &amp; Wong, Fisher
 * z, bootstrap percentile) is said where the figure is defined. Immutable and thread-safe.
 *
 * @param value the point estimate, finite
 * @param lower the lower confidence limit, finite, at most {@code upper}
 * @param upper the upper confidence limit, finite
 */
public record Estimate(double value, double lower, double upper) {
    /** Checks that the three numbers are finite and the limits in order. */
    public Estimate {
        if (!Double.isFinite(value) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("an estimate and its limits must be finite, got " + value + " ["
                    + lower + ", " + upper + "]");
        }
        if (lower > upper) {
            throw new IllegalArgumentException("lower limit " + lower + " above the upper limit " + upper);
        }
    }
}
